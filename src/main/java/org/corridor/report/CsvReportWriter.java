package org.corridor.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A report as CSV (RFC 4180, UTF-8, CRLF). A report of one table is that table; a report of
 * several is a stack of them, each introduced by a line holding only its title and followed by an
 * empty line. Key figures come first as a two-column table.
 */
final class CsvReportWriter {

    private CsvReportWriter() {}

    static void write(ReportDocument report, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        List<Section.Table> tables = tablesOf(report);
        boolean stacked = tables.size() > 1;
        for (Section.Table table : tables) {
            if (stacked) {
                line(writer, List.of(table.title()));
            }
            line(writer, table.columns().stream().map(Section.Column::name).toList());
            for (List<String> row : table.rows()) {
                line(writer, row);
            }
            if (stacked) {
                writer.write("\r\n");
            }
        }
        writer.flush();
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

    static void line(Writer writer, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(quote(cells.get(i)));
        }
        writer.write("\r\n");
    }

    static String quote(String cell) {
        String value = cell == null ? "" : cell;
        // A leading formula character is neutralised so that a spreadsheet never runs a cell.
        if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(\\.\\d+)?")) {
            value = "'" + value;
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
