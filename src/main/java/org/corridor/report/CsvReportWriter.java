package org.corridor.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.corridor.csv.CsvWriter;

/**
 * A report as CSV (RFC 4180, UTF-8, CRLF, through {@link CsvWriter}). A report of one table is that table; a report of
 * several is a stack of them, each introduced by a line holding only its title and followed by an
 * empty line. Key figures come first as a two-column table.
 */
final class CsvReportWriter {

    private CsvReportWriter() {}

    static void write(ReportDocument report, OutputStream out) throws IOException {
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CsvWriter csv = CsvWriter.of(text, CsvWriter.CRLF);
        List<Section.Table> tables = tablesOf(report);
        boolean stacked = tables.size() > 1;
        for (Section.Table table : tables) {
            if (stacked) {
                csv.row(List.of(table.title()));
            }
            csv.row(table.columns().stream().map(Section.Column::name).toList());
            table.rows().forEach(csv::row);
            if (stacked) {
                csv.row(List.of());
            }
        }
        csv.flush();
    }

    /** Every table, with the key figures and chart data turned into tables of their own. */
    static List<Section.Table> tablesOf(ReportDocument report) {
        return report.sections().stream()
                .<Section.Table>mapMulti((section, sink) -> {
                    if (section instanceof Section.Table table) {
                        sink.accept(table);
                    } else if (section instanceof Section.Figures figures) {
                        sink.accept(new Section.Table(
                                figures.title(),
                                List.of(Section.Column.text("indicator"), Section.Column.text("value")),
                                figures.figures().stream()
                                        .map(f -> List.of(f.label(), f.value()))
                                        .toList()));
                    }
                })
                .toList();
    }
}
