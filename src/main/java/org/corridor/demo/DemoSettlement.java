package org.corridor.demo;

import static org.corridor.demo.DemoClient.body;
import static org.corridor.demo.DemoClient.money;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Steps 1 to 3 and 8: delivery statements and their invoices, the payer's deposits, the conversion. */
final class DemoSettlement extends DemoStep {

    private static final String RATE_SOURCE = "CBI 1,300 IQD/USD x 1.08 USD/EUR";

    DemoSettlement(DemoStep shared) {
        super(shared);
    }

    /** Step 1: June's deliveries, invoiced on 2024-07-01; MoE disputes 18,000 MWh. */
    void june() {
        JsonNode gas = statement("NIGC-GAS-2024", "2024-06", "900000000", "m3", "0", "");
        JsonNode power =
                statement("TAVANIR-POWER-2024", "2024-06", "720000", "MWh", "18000", "Iranian curtailment hours");
        BigDecimal invoiced = net(gas).add(net(power));
        figures.put("invoiced_eur", invoiced.toPlainString());
        narrator.step(
                1,
                "June invoices: gas EUR " + amount(gas.get("invoice").get("amount")) + ", power EUR "
                        + amount(power.get("invoice").get("amount")) + " less a credit note of EUR "
                        + amount(power.get("invoice").get("notes").get(0).get("amount")) + "; net invoiced EUR "
                        + group(invoiced));
    }

    private JsonNode statement(
            String contract, String month, String metered, String unit, String disputed, String reason) {
        LocalDate start = LocalDate.parse(month + "-01");
        LocalDate end = start.withDayOfMonth(start.lengthOfMonth());
        String csv =
                "contract,period_start,period_end,metered_quantity,unit,disputed_quantity,dispute_reason\n" + contract
                        + "," + start + "," + end + "," + metered + "," + unit + "," + disputed + "," + reason + "\n";
        JsonNode imported = api.postText(
                DemoUser.OPERATOR,
                "/api/v1/delivery-statements/import?name=" + contract.toLowerCase(java.util.Locale.ROOT) + "-" + month
                        + ".csv",
                csv,
                "text/csv");
        return imported.get("results").get(0);
    }

    private static BigDecimal net(JsonNode statement) {
        return new BigDecimal(statement.get("invoice").get("net").get("amount").asText());
    }

    /** Step 2 and step 8: the payer's deposits for a month's invoices. */
    void deposits(String valueDate, String month, String gasIqd, String powerIqd) {
        at(valueDate + "T10:00");
        JsonNode gas = deposit("NIGC-GAS-2024", gasIqd, valueDate);
        JsonNode power = deposit("TAVANIR-POWER-2024", powerIqd, valueDate);
        narrator.step(
                valueDate.equals("2024-07-03") ? 2 : 8,
                "deposits of " + valueDate + " for " + month
                        + ": NIGC-IQD-R IQD " + group(amountOf(gas)) + " ("
                        + gas.get("match").asText() + "), TAV-IQD-R IQD "
                        + group(amountOf(power)) + " (" + power.get("match").asText() + "), under "
                        + gas.get("authorisation").asText());
    }

    private JsonNode deposit(String contract, String amount, String valueDate) {
        return api.post(
                DemoUser.PAYER,
                "/api/v1/deposits",
                body(
                        "id", id("deposit:" + contract + ":" + valueDate),
                        "contract", contract,
                        "amount", money(amount, "IQD"),
                        "value_date", valueDate,
                        "rate", "1404",
                        "rate_source", RATE_SOURCE,
                        "rate_date", valueDate));
    }

    /** Step 3: IQD 140,400,000,000 converted to EUR and moved to NIGC-EUR-R in Oman. */
    void conversion() {
        at("2024-07-04T11:00");
        String conversionId = id("conversion:2024-07-04");
        api.post(
                DemoUser.OPERATOR,
                "/api/v1/conversions",
                body(
                        "id", conversionId,
                        "source", "NIGC-IQD-R",
                        "destination", "NIGC-EUR-R",
                        "amount", money("140400000000", "IQD"),
                        "requested_on", "2024-07-04",
                        "approval_reference", "AUTH-CNV-0711",
                        "rate",
                                body(
                                        "base",
                                        "EUR",
                                        "quote",
                                        "IQD",
                                        "value",
                                        "1404",
                                        "source",
                                        "CBI fixing",
                                        "date",
                                        "2024-07-05"),
                        "spread_percent", "0.15"));
        at("2024-07-05T10:00");
        JsonNode executed = api.post(
                DemoUser.OPERATOR,
                "/api/v1/conversions/" + conversionId + "/executions",
                body("id", id("conversion-execution:2024-07-05"), "value_date", "2024-07-05"));
        JsonNode execution = executed.has("executions")
                ? executed.get("executions").get(executed.get("executions").size() - 1)
                : executed;
        String converted = execution.get("quote").get("target").get("amount").asText();
        figures.put("converted_eur", converted);
        narrator.step(
                3,
                "conversion of IQD 140,400,000,000 at 1,404 less 0.15% (approval AUTH-CNV-0711): EUR "
                        + group(new BigDecimal(converted)) + " credited to NIGC-EUR-R, taken first in, first out from "
                        + execution
                                .get("lots_consumed")
                                .get(0)
                                .get("lot_value_date")
                                .asText());
    }

    /** Step 8: July and August, invoiced and paid the same way. */
    void laterMonths() {
        at("2024-08-01T09:00");
        statement("NIGC-GAS-2024", "2024-07", "868000000", "m3", "0", "");
        statement("TAVANIR-POWER-2024", "2024-07", "818400", "MWh", "0", "");
        deposits("2024-08-05", "July 2024", "320724003600", "86177520000");
        at("2024-09-01T09:00");
        statement("NIGC-GAS-2024", "2024-08", "775000000", "m3", "0", "");
        statement("TAVANIR-POWER-2024", "2024-08", "669600", "MWh", "0", "");
        deposits("2024-09-04", "August 2024", "286360717500", "70508880000");
    }
}
