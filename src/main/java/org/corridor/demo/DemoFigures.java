package org.corridor.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Steps 9 and 10: the key figures and the reports, as Corridor answers them on 2024-09-30. */
final class DemoFigures extends DemoStep {

    private static final LocalDate Q3_START = LocalDate.parse("2024-07-01");

    private static final LocalDate Q3_END = LocalDate.parse("2024-09-30");

    DemoFigures(DemoStep shared) {
        super(shared);
    }

    /** Step 9: the key figures as Corridor reports them on 2024-09-30. */
    void figures() {
        at("2024-09-30T17:00");
        Map<String, String> accountNames = new LinkedHashMap<>();
        for (JsonNode account : api.get(DemoUser.AUDITOR, "/api/v1/restricted-accounts")) {
            accountNames.put(account.get("id").asText(), account.get("name").asText());
        }
        // Each deposit names the restricted account it was posted to.
        Map<String, BigDecimal> byAccount = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode deposit : api.get(DemoUser.AUDITOR, "/api/v1/deposits")) {
            LocalDate valueDate = LocalDate.parse(deposit.get("value_date").asText());
            if (valueDate.isBefore(Q3_START) || valueDate.isAfter(Q3_END)) {
                continue;
            }
            BigDecimal amount = amountOf(deposit);
            byAccount.merge(accountNames.get(deposit.get("account_id").asText()), amount, BigDecimal::add);
            total = total.add(amount);
        }
        Map<String, String> deposited = new LinkedHashMap<>();
        byAccount.forEach((account, amount) -> deposited.put(account, amount.toPlainString()));
        deposited.put("total", total.setScale(3).toPlainString());
        figures.put("deposits_iqd", deposited);

        JsonNode idle = api.get(DemoUser.AUDITOR, "/api/v1/idle-funds?as_of=" + Q3_END);
        BigDecimal held = BigDecimal.ZERO;
        for (JsonNode reason : idle.get("held_by_reason")) {
            held = held.add(
                    new BigDecimal(reason.get("amount_eur").get("amount").asText()));
        }
        figures.putIfAbsent(
                "released_eur", idle.get("disbursed_eur").get("amount").asText());
        figures.put("held_eur", held.setScale(2).toPlainString());
        figures.put("gap_days", idle.get("gap_days").asLong());
        // Corridor states utilisation to two decimals and the old share to one (docs/reports.md).
        String utilisation = decimal(idle, "utilisation_percent", 2);
        String oldShare = decimal(idle, "older_than90_days_percent", 1);
        figures.put("utilisation_q3_percent", utilisation);
        figures.put("idle_over_90_days_percent", oldShare);
        figures.put("channel_funds_eur", idle.get("total_eur").get("amount").asText());
        narrator.step(
                9,
                "idle funds as at " + Q3_END + ": EUR "
                        + group(new BigDecimal(
                                idle.get("total_eur").get("amount").asText()))
                        + " in the channel, "
                        + oldShare + "% older than 90 days; Q3 deposits IQD "
                        + group(total) + ", disbursed EUR "
                        + group(new BigDecimal(
                                idle.get("disbursed_eur").get("amount").asText()))
                        + ": utilisation " + utilisation + "%; held EUR " + group(held)
                        + "; "
                        + idle.get("gap_days").asLong() + " authorisation gap days"
                        + (idle.hasNonNull("note")
                                ? "; note: " + idle.get("note").asText()
                                : ""));
    }

    /** Step 10: every report as JSON, RPT-1 to RPT-3 also as PDF, written under {@code reports/}. */
    Map<String, byte[]> reports() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int number = 1; number <= 10; number++) {
            String name = "rpt-" + number;
            // RPT-1 is the monthly report of step 10 (July); the others cover the quarter.
            String period = number == 1 ? "from=2024-07-01&to=2024-07-31" : "from=" + Q3_START + "&to=" + Q3_END;
            String stem = number == 1 ? name + "-2024-07" : name + "-2024-Q3";
            files.put(
                    stem + ".json",
                    api.getBytes(DemoUser.AUDITOR, "/api/v1/reports/" + name + "?" + period + "&format=json"));
            if (number <= 3) {
                files.put(
                        stem + ".pdf",
                        api.getBytes(DemoUser.AUDITOR, "/api/v1/reports/" + name + "?" + period + "&format=pdf"));
            }
        }
        narrator.step(
                10,
                "reports: RPT-1 for July 2024 and RPT-2 to RPT-10 for Q3 2024, as JSON, RPT-1 to RPT-3 also as PDF");
        return files;
    }

    private static String decimal(JsonNode node, String field, int scale) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalStateException("the idle-funds answer has no " + field);
        }
        return new BigDecimal(value.asText())
                .setScale(scale, java.math.RoundingMode.UNNECESSARY)
                .toPlainString();
    }
}
