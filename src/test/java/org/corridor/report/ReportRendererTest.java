package org.corridor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportRendererTest {

    static ReportDocument sample() {
        return new ReportDocument(
                "RPT-2",
                "Idle funds and ageing",
                LocalDate.parse("2024-07-01"),
                LocalDate.parse("2024-09-30"),
                Instant.parse("2024-10-01T06:00:00Z"),
                "auditor",
                List.of(
                        new Section.Figures(
                                "Key indicators",
                                List.of(
                                        Section.Figure.of("Utilisation Q3", "0.56%"),
                                        new Section.Figure("Older than 90 days", "89.5%", "bad"))),
                        new Section.Table(
                                "Balances by age",
                                List.of(
                                        Section.Column.text("account"),
                                        Section.Column.number("balance"),
                                        Section.Column.text("note")),
                                List.of(
                                        List.of("NIGC-IQD-R", "10627232651100.000", "Tehran, \"legacy\""),
                                        List.of("NIGC-EUR-R", "95146000.00", "=cmd|' /C calc'!A0"),
                                        List.of("TAV-IQD-R", "1634607000000.000", "Mohammad Ḥasan عباس"))),
                        new Section.StackedBars(
                                "Ageing",
                                List.of("0-30", "31-90", "91-365", ">365"),
                                List.of(new Section.StackedBar(
                                        "NIGC-IQD-R",
                                        List.of(
                                                new BigDecimal("286360717500"),
                                                new BigDecimal("653271933600"),
                                                BigDecimal.ZERO,
                                                new BigDecimal("9687600000000"))))),
                        new Section.Bars(
                                "Utilisation",
                                "%",
                                List.of(
                                        new Section.Bar("2024-07", new BigDecimal("1.49")),
                                        new Section.Bar("2024-08", BigDecimal.ZERO))),
                        new Section.Timeline(
                                "Authorisations",
                                LocalDate.parse("2024-03-01"),
                                LocalDate.parse("2024-11-30"),
                                List.of(
                                        new Section.Span(
                                                "W-19",
                                                LocalDate.parse("2024-03-11"),
                                                LocalDate.parse("2024-07-08"),
                                                "ok"),
                                        new Section.Span(
                                                "W-20",
                                                LocalDate.parse("2024-07-16"),
                                                LocalDate.parse("2024-11-12"),
                                                "ok")),
                                List.of(new Section.Span(
                                        "gap", LocalDate.parse("2024-07-09"), LocalDate.parse("2024-07-15"), "bad"))),
                        new Section.Paragraph("Note", "Utilisation far below inflows.")));
    }

    @Test
    void json_carries_every_section_with_exact_amounts() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ReportRenderer.render(sample(), ReportFormat.JSON));
        assertThat(json.get("report").asText()).isEqualTo("RPT-2");
        assertThat(json.get("sections")).hasSize(6);
        assertThat(json.get("sections").get(1).get("rows").get(0).get("balance").asText())
                .isEqualTo("10627232651100.000");
        assertThat(json.get("sections")
                        .get(0)
                        .get("figures")
                        .get("Utilisation Q3")
                        .asText())
                .isEqualTo("0.56%");
    }

    @Test
    void csv_quotes_properly_and_neutralises_formulas() {
        String csv = new String(ReportRenderer.render(sample(), ReportFormat.CSV), StandardCharsets.UTF_8);
        assertThat(csv)
                .contains("\"Tehran, \"\"legacy\"\"\"")
                .contains("'=cmd|' /C calc'!A0")
                .contains("NIGC-IQD-R,10627232651100.000,")
                .contains("Mohammad Ḥasan عباس")
                .contains("\r\n");
    }

    @Test
    void pdf_holds_the_text_and_the_charts() throws Exception {
        byte[] pdf = ReportRenderer.render(sample(), ReportFormat.PDF);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(pdf);
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text)
                .contains("RPT-2")
                .contains("NIGC-IQD-R")
                .contains("10,627,232,651,100.000")
                .contains("0.56%");
        reader.close();
        if (System.getProperty("corridor.sample.pdf") != null) {
            java.nio.file.Files.write(java.nio.file.Path.of(System.getProperty("corridor.sample.pdf")), pdf);
        }
    }
}
