package org.corridor.report;

import java.util.Locale;
import org.corridor.InvalidInputException;

/** The formats a report is rendered in. */
public enum ReportFormat {
    JSON("application/json", "json"),
    CSV("text/csv", "csv"),
    PDF("application/pdf", "pdf");

    private final String mediaType;
    private final String extension;

    ReportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public static ReportFormat parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("REPORT_FORMAT_UNKNOWN", "format must be csv, json or pdf");
        }
    }
}
