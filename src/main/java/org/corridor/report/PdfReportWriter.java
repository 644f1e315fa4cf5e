package org.corridor.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A report as PDF (A4 landscape): header, key figures, tables, and charts drawn as vectors. Text
 * uses an embedded Unicode font so that names print as written. Not thread-safe per call; each
 * call builds its own document.
 */
final class PdfReportWriter {

    private static final Color INK = new Color(0x1d, 0x24, 0x33);
    private static final Color MUTED = new Color(0x5b, 0x65, 0x77);
    private static final Color LINE = new Color(0xdf, 0xe3, 0xea);
    private static final Color HEADER_FILL = new Color(0xf1, 0xf4, 0xf8);
    private static final Color[] PALETTE = {
        new Color(0x1e, 0x7d, 0x4f),
        new Color(0x4a, 0x90, 0xd9),
        new Color(0xe0, 0xa1, 0x1b),
        new Color(0xc0, 0x39, 0x2b),
        new Color(0x7d, 0x3c, 0x98),
        new Color(0x8a, 0x94, 0xa6)
    };

    private static final float TABLE_FONT_SIZE = 7.5f;
    private static final float CELL_PADDING = 3.5f;
    /** The printable width of A4 landscape between the margins, in points. */
    private static final float TABLE_WIDTH = 842 - 72;
    /** A cell's text wider than this wraps rather than taking more of the page. */
    private static final float WIDEST_CELL = 200;

    private final BaseFont regular;
    private final BaseFont bold;

    PdfReportWriter() {
        try {
            this.regular = BaseFont.createFont(
                    "font-fallback/LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            this.bold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("the report fonts are missing from the classpath", e);
        }
    }

    void write(ReportDocument report, OutputStream out) {
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 40, 44);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new Footer(report));
            // Charts stay where they belong in the flow instead of drifting to a later page.
            writer.setStrictImageSequence(true);
            document.addTitle(report.code() + " " + report.title());
            document.addCreator("Corridor");
            document.open();
            document.add(new Paragraph(report.code() + "  " + report.title(), new Font(bold, 16, Font.NORMAL, INK)));
            document.add(new Paragraph(
                    "Period " + report.from() + " to " + report.to() + "  ·  generated "
                            + report.generatedAt().truncatedTo(ChronoUnit.SECONDS) + " by " + report.generatedBy(),
                    new Font(regular, 9, Font.NORMAL, MUTED)));
            for (Section section : report.sections()) {
                Paragraph heading = new Paragraph(section.title(), new Font(bold, 11.5f, Font.NORMAL, INK));
                heading.setSpacingBefore(12);
                heading.setSpacingAfter(5);
                heading.setKeepTogether(true);
                document.add(heading);
                addSection(document, writer, section);
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the PDF could not be laid out: " + e.getMessage(), e);
        }
    }

    private void addSection(Document document, PdfWriter writer, Section section) throws DocumentException {
        if (section instanceof Section.Paragraph paragraph) {
            document.add(new Paragraph(paragraph.text(), new Font(regular, 9.5f, Font.NORMAL, INK)));
        } else if (section instanceof Section.Figures figures) {
            document.add(figures(figures));
        } else if (section instanceof Section.Table table) {
            document.add(table(table));
        } else if (section instanceof Section.StackedBars stacked) {
            document.add(stackedBars(writer, stacked));
        } else if (section instanceof Section.Bars bars) {
            document.add(bars(writer, bars));
        } else if (section instanceof Section.Timeline timeline) {
            document.add(timeline(writer, timeline));
        }
    }

    private PdfPTable figures(Section.Figures figures) {
        int columns = Math.max(1, Math.min(4, figures.figures().size()));
        PdfPTable table = new PdfPTable(columns);
        table.setWidthPercentage(100);
        for (Section.Figure figure : figures.figures()) {
            Phrase phrase = new Phrase();
            phrase.add(new Chunk(figure.label() + "\n", new Font(regular, 8, Font.NORMAL, MUTED)));
            phrase.add(new Chunk(figure.value(), new Font(bold, 12, Font.NORMAL, toneColour(figure.tone()))));
            PdfPCell cell = new PdfPCell(phrase);
            cell.setBorderColor(LINE);
            cell.setPadding(6);
            table.addCell(cell);
        }
        table.completeRow();
        return table;
    }

    private PdfPTable table(Section.Table source) throws DocumentException {
        PdfPTable table = new PdfPTable(Math.max(1, source.columns().size()));
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        if (!source.columns().isEmpty()) {
            table.setWidths(columnWidths(source));
        }
        Font headerFont = new Font(bold, TABLE_FONT_SIZE, Font.NORMAL, MUTED);
        Font cellFont = new Font(regular, TABLE_FONT_SIZE, Font.NORMAL, INK);
        for (Section.Column column : source.columns()) {
            PdfPCell cell = new PdfPCell(new Phrase(column.heading(), headerFont));
            cell.setBackgroundColor(HEADER_FILL);
            cell.setBorderColor(LINE);
            cell.setHorizontalAlignment(column.numeric() ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
            cell.setPadding(CELL_PADDING);
            table.addCell(cell);
        }
        if (source.rows().isEmpty()) {
            PdfPCell none = new PdfPCell(new Phrase("none", cellFont));
            none.setColspan(source.columns().size());
            none.setBorderColor(LINE);
            none.setPadding(CELL_PADDING);
            table.addCell(none);
        }
        for (List<String> row : source.rows()) {
            for (int i = 0; i < row.size(); i++) {
                boolean numeric = source.columns().get(i).numeric();
                PdfPCell cell = new PdfPCell(new Phrase(printed(row.get(i), numeric), cellFont));
                cell.setBorderColor(LINE);
                cell.setPadding(CELL_PADDING);
                cell.setHorizontalAlignment(numeric ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
                table.addCell(cell);
            }
        }
        return table;
    }

    /** A cell as printed: numbers grouped by thousands; JSON and CSV keep plain decimals. */
    private static String printed(String cell, boolean numeric) {
        return numeric ? Cells.groupDigits(cell) : cell;
    }

    /**
     * Relative column widths: each column at least as wide as the longest word of its heading (so
     * that no heading word is broken across lines), the room left shared by how much text the
     * column holds.
     */
    private float[] columnWidths(Section.Table source) {
        int count = source.columns().size();
        float[] minimum = new float[count];
        float[] wanted = new float[count];
        for (int i = 0; i < count; i++) {
            Section.Column column = source.columns().get(i);
            for (String word : column.heading().split(" ")) {
                minimum[i] = Math.max(minimum[i], bold.getWidthPoint(word, TABLE_FONT_SIZE));
            }
            wanted[i] = Math.max(minimum[i], bold.getWidthPoint(column.heading(), TABLE_FONT_SIZE));
            for (List<String> row : source.rows()) {
                String cell = printed(row.get(i), column.numeric());
                wanted[i] = Math.max(wanted[i], Math.min(WIDEST_CELL, regular.getWidthPoint(cell, TABLE_FONT_SIZE)));
            }
        }
        float spare = TABLE_WIDTH - count * (2 * CELL_PADDING + 2);
        float minimumSum = 0;
        float extraSum = 0;
        for (int i = 0; i < count; i++) {
            minimumSum += minimum[i];
            extraSum += wanted[i] - minimum[i];
        }
        float share = extraSum <= 0 ? 0 : Math.max(0, Math.min(1, (spare - minimumSum) / extraSum));
        float[] widths = new float[count];
        for (int i = 0; i < count; i++) {
            widths[i] = 2 * CELL_PADDING + 2 + minimum[i] + share * (wanted[i] - minimum[i]);
        }
        return widths;
    }

    private Image stackedBars(PdfWriter writer, Section.StackedBars chart) throws DocumentException {
        float width = 760;
        float rowHeight = 18;
        float labelWidth = 150;
        float height = chart.bars().size() * (rowHeight + 8) + 30;
        PdfTemplate canvas = writer.getDirectContent().createTemplate(width, height);
        float usable = width - labelWidth - 10;
        for (int index = 0; index < chart.bars().size(); index++) {
            Section.StackedBar bar = chart.bars().get(index);
            float y = height - 8 - (index + 1) * (rowHeight + 8) + 8;
            text(canvas, bar.label(), 0, y + 5, 8, MUTED);
            BigDecimal total = bar.parts().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            float x = labelWidth;
            for (int part = 0; part < bar.parts().size(); part++) {
                float share = total.signum() == 0
                        ? 0
                        : bar.parts()
                                .get(part)
                                .divide(total, 6, RoundingMode.HALF_UP)
                                .floatValue();
                float w = share * usable;
                if (w > 0) {
                    canvas.setColorFill(PALETTE[part % PALETTE.length]);
                    canvas.rectangle(x, y, Math.max(w, 0.8f), rowHeight);
                    canvas.fill();
                }
                x += w;
            }
        }
        legend(canvas, chart.partLabels(), 4);
        return Image.getInstance(canvas);
    }

    private Image bars(PdfWriter writer, Section.Bars chart) throws DocumentException {
        float width = 760;
        float height = 130;
        PdfTemplate canvas = writer.getDirectContent().createTemplate(width, height);
        BigDecimal max = chart.bars().stream().map(Section.Bar::value).reduce(BigDecimal.ZERO, BigDecimal::max);
        float slot = (width - 20) / Math.max(1, chart.bars().size());
        canvas.setColorStroke(LINE);
        canvas.moveTo(10, 22);
        canvas.lineTo(width - 10, 22);
        canvas.stroke();
        for (int index = 0; index < chart.bars().size(); index++) {
            Section.Bar bar = chart.bars().get(index);
            float h = max.signum() == 0
                    ? 0
                    : bar.value().divide(max, 6, RoundingMode.HALF_UP).floatValue() * (height - 50);
            float x = 10 + index * slot + slot * 0.2f;
            canvas.setColorFill(PALETTE[1]);
            canvas.rectangle(x, 22, slot * 0.6f, Math.max(h, 0.5f));
            canvas.fill();
            text(canvas, bar.label(), x, 8, 7.5f, MUTED);
            text(canvas, bar.value().toPlainString() + chart.unit(), x, 26 + h, 7.5f, INK);
        }
        return Image.getInstance(canvas);
    }

    private Image timeline(PdfWriter writer, Section.Timeline chart) throws DocumentException {
        float width = 760;
        float rowHeight = 14;
        float labelWidth = 150;
        float height = chart.spans().size() * (rowHeight + 6) + 36;
        PdfTemplate canvas = writer.getDirectContent().createTemplate(width, height);
        long days = Math.max(1, ChronoUnit.DAYS.between(chart.from(), chart.to()) + 1);
        float usable = width - labelWidth - 10;
        java.util.function.Function<java.time.LocalDate, Float> xOf = date -> {
            long offset = Math.max(0, Math.min(days, ChronoUnit.DAYS.between(chart.from(), date)));
            return labelWidth + usable * offset / days;
        };
        for (Section.Span gap : chart.gaps()) {
            canvas.setColorFill(new Color(0xfb, 0xe3, 0xe1));
            float x = xOf.apply(gap.from());
            canvas.rectangle(x, 16, Math.max(1.5f, xOf.apply(gap.to().plusDays(1)) - x), height - 18);
            canvas.fill();
        }
        for (int index = 0; index < chart.spans().size(); index++) {
            Section.Span span = chart.spans().get(index);
            float y = height - (index + 1) * (rowHeight + 6);
            text(canvas, span.label(), 0, y + 3, 8, MUTED);
            float x = xOf.apply(span.from());
            canvas.setColorFill(toneColour(span.tone().isEmpty() ? "ok" : span.tone()));
            canvas.rectangle(x, y, Math.max(1.5f, xOf.apply(span.to().plusDays(1)) - x), rowHeight);
            canvas.fill();
        }
        text(canvas, chart.from().toString(), labelWidth, 2, 7.5f, MUTED);
        text(canvas, chart.to().toString(), width - 60, 2, 7.5f, MUTED);
        return Image.getInstance(canvas);
    }

    private void legend(PdfContentByte canvas, List<String> labels, float y) {
        float x = 150;
        for (int i = 0; i < labels.size(); i++) {
            canvas.setColorFill(PALETTE[i % PALETTE.length]);
            canvas.rectangle(x, y, 8, 8);
            canvas.fill();
            text(canvas, labels.get(i), x + 11, y + 1, 7.5f, MUTED);
            x += 25 + regular.getWidthPoint(labels.get(i), 7.5f);
        }
    }

    private void text(PdfContentByte canvas, String text, float x, float y, float size, Color colour) {
        ColumnText.showTextAligned(
                canvas, Element.ALIGN_LEFT, new Phrase(text, new Font(regular, size, Font.NORMAL, colour)), x, y, 0);
    }

    private static Color toneColour(String tone) {
        return switch (tone) {
            case "ok" -> new Color(0x1e, 0x7d, 0x4f);
            case "warn" -> new Color(0xb2, 0x6a, 0x00);
            case "bad" -> new Color(0xb3, 0x26, 0x1e);
            default -> INK;
        };
    }

    /** Report code, period and page number on every page. */
    private final class Footer extends PdfPageEventHelper {
        private final ReportDocument report;

        Footer(ReportDocument report) {
            this.report = report;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            Rectangle page = document.getPageSize();
            ColumnText.showTextAligned(
                    writer.getDirectContent(),
                    Element.ALIGN_LEFT,
                    new Phrase(
                            "Corridor · " + report.code() + " · " + report.from() + " to " + report.to(),
                            new Font(regular, 7.5f, Font.NORMAL, MUTED)),
                    36,
                    22,
                    0);
            ColumnText.showTextAligned(
                    writer.getDirectContent(),
                    Element.ALIGN_RIGHT,
                    new Phrase("page " + writer.getPageNumber(), new Font(regular, 7.5f, Font.NORMAL, MUTED)),
                    page.getWidth() - 36,
                    22,
                    0);
        }
    }
}
