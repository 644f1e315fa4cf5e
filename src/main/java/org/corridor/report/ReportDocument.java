package org.corridor.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A report, independent of its format.
 *
 * @param code the report's number in the requirements, such as {@code RPT-2}
 * @param from first business date covered (inclusive)
 * @param to last business date covered (inclusive)
 */
public record ReportDocument(
        String code,
        String title,
        LocalDate from,
        LocalDate to,
        Instant generatedAt,
        String generatedBy,
        List<Section> sections) {

    public ReportDocument {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(generatedBy, "generatedBy");
        sections = List.copyOf(sections);
    }

    /** The tables of the report, in order. */
    public List<Section.Table> tables() {
        return sections.stream()
                .filter(Section.Table.class::isInstance)
                .map(Section.Table.class::cast)
                .toList();
    }
}
