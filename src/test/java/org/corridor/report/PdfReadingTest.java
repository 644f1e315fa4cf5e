package org.corridor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.FinalText;
import com.lowagie.text.pdf.parser.ParsedText;
import com.lowagie.text.pdf.parser.ParsedTextImpl;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.lowagie.text.pdf.parser.TextAssembler;
import com.lowagie.text.pdf.parser.Word;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The printed report read back by text extraction, as a reader of the PDF sees it. */
class PdfReadingTest {

    private static final List<String> COLUMNS = List.of(
            "reference",
            "reason",
            "authorisation",
            "currency",
            "amount#",
            "amount_eur#",
            "utilisation_percent#",
            "planned_date",
            "received_on",
            "days#",
            "preceding",
            "following",
            "source");

    private static ReportDocument report() {
        List<List<String>> rows = List.of(
                List.of(
                        "DR-2024-0412-A",
                        "AUTHORISATION_EXPIRED",
                        "W-19",
                        "EUR",
                        "4704000.00",
                        "4704000.00",
                        "0.56",
                        "2024-07-10",
                        "2024-07-17",
                        "7",
                        "W-19",
                        "W-20",
                        "release"),
                List.of(
                        "NIGC-IQD-R",
                        "IDLE",
                        "W-20",
                        "IQD",
                        "-9687600000000.000",
                        "6891000000.00",
                        "12.50",
                        "2024-09-30",
                        "",
                        "1234",
                        "",
                        "",
                        "deposit"));
        return new ReportDocument(
                "RPT-2",
                "Idle funds and ageing",
                LocalDate.parse("2024-07-01"),
                LocalDate.parse("2024-09-30"),
                Instant.parse("2024-10-01T06:00:00Z"),
                "auditor",
                List.of(new Section.Table("Idle items", Cells.columns(COLUMNS.toArray(String[]::new)), rows)));
    }

    @Test
    void column_headings_are_words_and_no_heading_word_is_broken_across_lines() throws Exception {
        List<Located> words = words(ReportRenderer.render(report(), ReportFormat.PDF));
        float headingRow = find(words, "Reference").row();
        List<String> headingWords = words.stream()
                .filter(word -> word.row() == headingRow)
                .map(Located::text)
                .toList();
        assertThat(headingWords)
                .containsSubsequence("Reference", "Reason", "Authorisation", "Currency", "Amount", "Amount", "EUR")
                .contains("Utilisation", "%", "Planned", "date", "Received", "on", "Days", "Preceding", "Source")
                .noneMatch(word -> word.contains("_"));
        for (String column : COLUMNS) {
            for (String word :
                    new Section.Column(column.replace("#", ""), false).heading().split(" ")) {
                // A word broken across lines would be extracted as two fragments, neither of them whole.
                assertThat(words)
                        .as("heading word %s", word)
                        .anyMatch(located -> located.text().equals(word));
            }
        }
    }

    @Test
    void numbers_are_grouped_by_thousands_and_right_aligned_under_their_heading() throws Exception {
        byte[] pdf = ReportRenderer.render(report(), ReportFormat.PDF);
        String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
        assertThat(text)
                .contains("-9,687,600,000,000.000")
                .contains("4,704,000.00")
                .contains("6,891,000,000.00")
                .contains("1,234")
                .contains("2024-07-10") // dates and references are not numbers and stay as they are
                .contains("DR-2024-0412-A")
                .doesNotContain("9687600000000");
        List<Located> words = words(pdf);
        float amountEdge = find(words, "Amount").end();
        assertThat(cellEnd(find(words, "-9,687,600,000,000.000"))).isCloseTo(amountEdge, within(1f));
        assertThat(cellEnd(find(words, "4,704,000.00"))).isCloseTo(amountEdge, within(1f));
        float daysEdge = find(words, "Days").end();
        assertThat(cellEnd(find(words, "7"))).isCloseTo(daysEdge, within(1f));
        assertThat(cellEnd(find(words, "1,234"))).isCloseTo(daysEdge, within(1f));
        float textEdge = find(words, "Reference").start();
        assertThat(find(words, "NIGC-IQD-R").start()).isCloseTo(textEdge, within(1f));
    }

    /** A word as printed: its row (down the page) and where it starts and ends across it. */
    private record Located(String text, float row, float start, float end) {}

    /**
     * Where a cell's text ends. The extractor gives no width for the embedded Unicode font of the
     * cells, so it is measured with that font as the report sets it (7.5 pt).
     */
    private static float cellEnd(Located word) throws Exception {
        BaseFont font =
                BaseFont.createFont("font-fallback/LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        return word.start() + font.getWidthPoint(word.text(), 7.5f);
    }

    private static Located find(List<Located> words, String text) {
        return words.stream()
                .filter(word -> word.text().equals(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("not in the PDF: " + text + " among " + words));
    }

    private static List<Located> words(byte[] pdf) throws Exception {
        Positions positions = new Positions();
        new PdfTextExtractor(new PdfReader(pdf), positions).getTextFromPage(1);
        return positions.words;
    }

    /** Records every word the extractor finds with where its text ends on the page. */
    private static final class Positions implements TextAssembler {
        final List<Located> words = new ArrayList<>();

        @Override
        public void process(FinalText text, String context) {}

        @Override
        public void process(Word word, String context) {}

        @Override
        public void process(ParsedText text, String context) {
            // The page is landscape (rotated), so across the page is the second coordinate.
            for (Word word : text.getAsPartialWords()) {
                words.add(new Located(
                        word.getText().strip(),
                        word.getStartPoint().get(0),
                        word.getStartPoint().get(1),
                        word.getEndPoint().get(1)));
            }
        }

        @Override
        public void renderText(FinalText text) {}

        @Override
        public void renderText(ParsedTextImpl text) {}

        @Override
        public FinalText endParsingContext(String context) {
            return new FinalText("");
        }

        @Override
        public String getWordId() {
            return "word";
        }

        @Override
        public void setPage(int page) {}

        @Override
        public void reset() {}
    }
}
