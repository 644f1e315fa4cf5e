package org.corridor.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Renders any report in any of its formats. Thread-safe. */
public final class ReportRenderer {

    private ReportRenderer() {}

    public static void render(ReportDocument report, ReportFormat format, OutputStream out) {
        try {
            switch (format) {
                case JSON -> JsonReportWriter.write(report, out);
                case CSV -> CsvReportWriter.write(report, out);
                case PDF -> new PdfReportWriter().write(report, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report: " + e.getMessage(), e);
        }
    }

    public static byte[] render(ReportDocument report, ReportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        render(report, format, out);
        return out.toByteArray();
    }
}
