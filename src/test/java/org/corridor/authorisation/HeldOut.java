package org.corridor.authorisation;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.corridor.csv.CsvReader;
import org.corridor.csv.CsvRecord;

/**
 * The held-out goods lines (src/test/resources/authorisation/goods-check-held-out.csv), written
 * before the check was first run on them: lines that disagree with their HS code (FLAG) and honest
 * lines (PASS). A line counts as flagged when the goods check gives it any of its reasons.
 */
final class HeldOut {

    static final String RESOURCE = "/authorisation/goods-check-held-out.csv";

    private HeldOut() {}

    /** How many of each kind the check got right, with the lines it got wrong. */
    record Rates(int mismatches, int mismatchesCaught, int honest, int honestPassed, List<String> wrong) {
        String report() {
            return String.format(
                    "goods check, held-out lines: %d of %d mismatched lines escalated or denied (%.0f%%);"
                            + " %d of %d honest lines passed (%.0f%%); wrong: %s",
                    mismatchesCaught,
                    mismatches,
                    100.0 * mismatchesCaught / mismatches,
                    honestPassed,
                    honest,
                    100.0 * honestPassed / honest,
                    wrong);
        }
    }

    static Rates measure(LineEvaluator evaluator) throws IOException {
        int mismatches = 0;
        int caught = 0;
        int honest = 0;
        int passed = 0;
        List<String> wrong = new ArrayList<>();
        for (CsvRecord row : rows()) {
            String description = row.field(0);
            String hs = row.field(1);
            boolean shouldFlag = row.field(2).equals("FLAG");
            List<String> reasons = evaluator.evaluate(GoodsCheckTest.line(description, hs)).findings().stream()
                    .map(EligibilityFinding::reason)
                    .filter(GoodsCheckTest.GOODS_REASONS::contains)
                    .map(Enum::name)
                    .distinct()
                    .toList();
            boolean flagged = !reasons.isEmpty();
            if (shouldFlag) {
                mismatches++;
                caught += flagged ? 1 : 0;
            } else {
                honest++;
                passed += flagged ? 0 : 1;
            }
            if (flagged != shouldFlag) {
                wrong.add(description + " @ " + hs + (flagged ? " " + reasons : " passed"));
            }
        }
        return new Rates(mismatches, caught, honest, passed, List.copyOf(wrong));
    }

    private static List<CsvRecord> rows() throws IOException {
        try (InputStream in = HeldOut.class.getResourceAsStream(RESOURCE)) {
            List<CsvRecord> rows = CsvReader.ofUtf8(in.readAllBytes()).readAll();
            return rows.subList(1, rows.size());
        }
    }
}
