package org.corridor.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;

/**
 * A report as JSON: its header and every section, tables as arrays of objects keyed by column
 * name, so that a program can read any report without knowing its layout.
 */
final class JsonReportWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonReportWriter() {}

    static void write(ReportDocument report, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("report", report.code());
            json.writeStringField("title", report.title());
            json.writeStringField("from", report.from().toString());
            json.writeStringField("to", report.to().toString());
            json.writeStringField("generated_at", report.generatedAt().toString());
            json.writeStringField("generated_by", report.generatedBy());
            json.writeArrayFieldStart("sections");
            for (Section section : report.sections()) {
                json.writeStartObject();
                json.writeStringField("title", section.title());
                writeSection(json, section);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void writeSection(JsonGenerator json, Section section) throws IOException {
        if (section instanceof Section.Paragraph paragraph) {
            json.writeStringField("kind", "paragraph");
            json.writeStringField("text", paragraph.text());
        } else if (section instanceof Section.Figures figures) {
            json.writeStringField("kind", "figures");
            json.writeObjectFieldStart("figures");
            for (Section.Figure figure : figures.figures()) {
                json.writeStringField(figure.label(), figure.value());
            }
            json.writeEndObject();
        } else if (section instanceof Section.Table table) {
            writeTable(json, table);
        } else if (section instanceof Section.StackedBars stacked) {
            writeStackedBars(json, stacked);
        } else if (section instanceof Section.Bars bars) {
            json.writeStringField("kind", "bars");
            json.writeStringField("unit", bars.unit());
            json.writeArrayFieldStart("bars");
            for (Section.Bar bar : bars.bars()) {
                json.writeStartObject();
                json.writeStringField("label", bar.label());
                json.writeStringField("value", bar.value().toPlainString());
                json.writeEndObject();
            }
            json.writeEndArray();
        } else if (section instanceof Section.Timeline timeline) {
            json.writeStringField("kind", "timeline");
            json.writeStringField("from", timeline.from().toString());
            json.writeStringField("to", timeline.to().toString());
            writeSpans(json, "spans", timeline.spans());
            writeSpans(json, "gaps", timeline.gaps());
        }
    }

    private static void writeTable(JsonGenerator json, Section.Table table) throws IOException {
        json.writeStringField("kind", "table");
        json.writeArrayFieldStart("columns");
        for (Section.Column column : table.columns()) {
            json.writeString(column.name());
        }
        json.writeEndArray();
        json.writeArrayFieldStart("rows");
        for (List<String> row : table.rows()) {
            json.writeStartObject();
            for (int i = 0; i < row.size(); i++) {
                json.writeStringField(table.columns().get(i).name(), row.get(i));
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeStackedBars(JsonGenerator json, Section.StackedBars stacked) throws IOException {
        json.writeStringField("kind", "stacked_bars");
        json.writeArrayFieldStart("parts");
        for (String label : stacked.partLabels()) {
            json.writeString(label);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("bars");
        for (Section.StackedBar bar : stacked.bars()) {
            json.writeStartObject();
            json.writeStringField("label", bar.label());
            json.writeArrayFieldStart("values");
            for (BigDecimal value : bar.parts()) {
                json.writeString(value.toPlainString());
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeSpans(JsonGenerator json, String name, List<Section.Span> spans) throws IOException {
        json.writeArrayFieldStart(name);
        for (Section.Span span : spans) {
            json.writeStartObject();
            json.writeStringField("label", span.label());
            json.writeStringField("from", span.from().toString());
            json.writeStringField("to", span.to().toString());
            json.writeStringField("tone", span.tone());
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
