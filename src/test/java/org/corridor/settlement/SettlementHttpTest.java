package org.corridor.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.corridor.identity.Role;
import org.corridor.testing.ApiClient;
import org.corridor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Settlement end to end over HTTP with the roles of the issue: the operator opens accounts, records
 * contracts and deliveries and runs conversions, the payer records deposits, the auditor reads.
 */
class SettlementHttpTest {

    private static TestServer server;
    private static ApiClient operator;
    private static ApiClient payer;
    private static ApiClient auditor;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        operator = server.as(Role.OPERATOR);
        payer = server.as(Role.PAYER);
        auditor = server.as(Role.AUDITOR);
        Scenario scenario = new Scenario(server.corridor()).waivers();
        assertThat(scenario.w20).isNotNull();
        open("NIGC-IQD-R", "NIGC", "IQD", "TBI", "IQ");
        open("TAV-IQD-R", "TAVANIR", "IQD", "TBI", "IQ");
        open("NIGC-EUR-R", "NIGC", "EUR", "Muscat Partner Bank", "OM");
        openingBalance("NIGC-IQD-R", "9828000000000.000");
        openingBalance("TAV-IQD-R", "1404000000000.000");
        created(operator.post("/api/v1/contracts", """
                {"reference": "NIGC-GAS-2024", "seller": "NIGC", "buyer": "MoE", "commodity": "GAS",
                 "price_unit": "MMBTU", "price": "7.25", "price_currency": "EUR",
                 "conversion_factors": {"M3": "0.0363"}, "account": "NIGC-IQD-R"}"""));
        created(operator.post("/api/v1/contracts", """
                {"reference": "TAVANIR-POWER-2024", "seller": "TAVANIR", "buyer": "MoE", "commodity": "ELECTRICITY",
                 "price_unit": "MWH", "price": "75", "price_currency": "EUR", "account": "TAV-IQD-R"}"""));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode created(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    static void open(String name, String holder, String currency, String bank, String country) {
        created(operator.post(
                "/api/v1/restricted-accounts",
                "{\"name\":\"" + name + "\",\"holder\":\"" + holder + "\",\"currency\":\"" + currency + "\",\"bank\":\""
                        + bank + "\",\"country\":\"" + country + "\"}"));
    }

    static void openingBalance(String account, String amount) {
        created(operator.post(
                "/api/v1/restricted-accounts/" + account + "/opening-balance",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"amount\":{\"amount\":\"" + amount
                        + "\",\"currency\":\"IQD\"},\"value_date\":\"2023-06-30\",\"note\":\"legacy\"}"));
    }

    static String deposit(UUID id, String contract, String amount, String valueDate) {
        return "{\"id\":\"" + id + "\",\"contract\":\"" + contract + "\",\"amount\":{\"amount\":\"" + amount
                + "\",\"currency\":\"IQD\"},\"value_date\":\"" + valueDate + "\",\"rate\":\"1404\","
                + "\"rate_source\":\"CBI 1,300 IQD/USD x 1.08 USD/EUR\",\"rate_date\":\"" + valueDate + "\"}";
    }

    static String balance(String account) {
        return auditor.get("/api/v1/restricted-accounts/" + account)
                .json()
                .get("balance")
                .get("amount")
                .asText();
    }

    @Test
    void june_is_invoiced_paid_converted_and_reconciled_through_the_api() {
        JsonNode gas = created(operator.post("/api/v1/delivery-statements", """
                {"contract": "NIGC-GAS-2024", "period_start": "2024-06-01", "period_end": "2024-06-30",
                 "metered_quantity": "900000000", "unit": "m3"}"""));
        assertThat(gas.get("invoice").get("amount").get("amount").asText()).isEqualTo("236857500.00");
        assertThat(gas.get("invoice").get("quantity").asText()).isEqualTo("32670000");
        ApiClient.Response imported = operator.post(
                "/api/v1/delivery-statements/import?name=tavanir-2024-06.csv",
                "contract,period_start,period_end,metered_quantity,unit,disputed_quantity,dispute_reason\n"
                        + "TAVANIR-POWER-2024,2024-06-01,2024-06-30,720000,MWh,18000,Iranian curtailment hours\n");
        JsonNode power = created(imported).get("results").get(0).get("invoice");
        assertThat(power.get("notes").get(0).get("amount").get("amount").asText())
                .isEqualTo("1350000.00");
        assertThat(power.get("net").get("amount").asText()).isEqualTo("52650000.00");
        assertThat(operator.post(
                                "/api/v1/delivery-statements/import?name=tavanir-2024-06.csv",
                                "contract,period_start,period_end,metered_quantity,unit,disputed_quantity,"
                                        + "dispute_reason\nTAVANIR-POWER-2024,2024-06-01,2024-06-30,720000,MWh,18000,"
                                        + "Iranian curtailment hours\n")
                        .status())
                .isEqualTo(200);
        ApiClient.Response badFile = operator.post(
                "/api/v1/delivery-statements/import",
                "contract,period_start,period_end,metered_quantity,unit,disputed_quantity,dispute_reason\n"
                        + "TAVANIR-POWER-2024,2024-07-01,2024-07-31,lots,MWh,0,\n");
        assertThat(badFile.status()).isEqualTo(422);
        assertThat(badFile.json().get("code").asText()).isEqualTo("DELIVERY_CSV_INVALID");
        assertThat(badFile.json().get("line").asInt()).isEqualTo(2);

        // The payer records the deposits; a retry answers the original, other content is a conflict.
        UUID nigcDeposit = UUID.randomUUID();
        String body = deposit(nigcDeposit, "NIGC-GAS-2024", "332547930000", "2024-07-03");
        JsonNode recorded = created(payer.post("/api/v1/deposits", body));
        assertThat(recorded.get("match").asText()).isEqualTo("FULL");
        assertThat(recorded.get("equivalent").get("amount").asText()).isEqualTo("236857500.00");
        assertThat(recorded.get("authorisation").asText()).isEqualTo("W-19");
        ApiClient.Response retried = payer.post("/api/v1/deposits", body);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json()).isEqualTo(recorded);
        ApiClient.Response changed =
                payer.post("/api/v1/deposits", deposit(nigcDeposit, "NIGC-GAS-2024", "332547930001", "2024-07-03"));
        assertThat(changed.status()).isEqualTo(409);
        assertThat(changed.json().get("code").asText()).isEqualTo("DEPOSIT_EXISTS_WITH_DIFFERENT_CONTENT");
        created(payer.post(
                "/api/v1/deposits", deposit(UUID.randomUUID(), "TAVANIR-POWER-2024", "73920600000", "2024-07-03")));
        assertThat(operator.post("/api/v1/deposits", body).status()).isEqualTo(403);

        // A deposit in the gap between the waivers is refused, and nothing is posted.
        String before = balance("NIGC-IQD-R");
        ApiClient.Response refused =
                payer.post("/api/v1/deposits", deposit(UUID.randomUUID(), "NIGC-GAS-2024", "1404000", "2024-07-12"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asText()).isEqualTo("AUTHORISATION_EXPIRED");
        assertThat(refused.json().get("findings").toString()).contains("W-19", "W-20");
        assertThat(balance("NIGC-IQD-R")).isEqualTo(before);

        // One-step conversion with the Authority's approval; a retry finds the same execution.
        String conversion = """
                {"id": "%s", "source": "NIGC-IQD-R", "destination": "NIGC-EUR-R",
                 "amount": {"amount": "140400000000", "currency": "IQD"}, "requested_on": "2024-07-04",
                 "approval_reference": "AUTH-CNV-0711",
                 "rate": {"base": "EUR", "quote": "IQD", "value": "1404", "source": "CBI fixing", "date": "2024-07-05"},
                 "spread_percent": "0.15", "execute_on": "2024-07-05"}""".formatted(UUID.randomUUID());
        assertThat(payer.post("/api/v1/conversions", conversion).status()).isEqualTo(403);
        JsonNode converted = created(operator.post("/api/v1/conversions", conversion));
        assertThat(converted.get("status").asText()).isEqualTo("EXECUTED");
        JsonNode execution = converted.get("executions").get(0);
        assertThat(execution.get("quote").get("target").get("amount").asText()).isEqualTo("99850000.00");
        assertThat(execution.get("lots_consumed").get(0).get("lot_value_date").asText())
                .isEqualTo("2023-06-30");
        assertThat(operator.post("/api/v1/conversions", conversion).status()).isEqualTo(200);
        assertThat(balance("NIGC-EUR-R")).isEqualTo("99850000.00");

        // The generic ledger route cannot take money out of a restricted account.
        String nigcId = auditor.get("/api/v1/restricted-accounts/NIGC-IQD-R")
                .json()
                .get("id")
                .asText();
        String fx = auditor.get("/api/v1/restricted-accounts/TAV-IQD-R")
                .json()
                .get("id")
                .asText();
        ApiClient.Response free = operator.post(
                "/api/v1/transfers",
                "{\"transfers\":[{\"id\":\"" + UUID.randomUUID() + "\",\"debit_account_id\":\"" + nigcId
                        + "\",\"credit_account_id\":\"" + fx + "\",\"amount\":\"1.000\",\"currency\":\"IQD\","
                        + "\"code\":\"CONVERSION\"}]}");
        assertThat(free.status()).isEqualTo(422);
        assertThat(free.json().get("results").get(0).get("result").asText()).isEqualTo("ACCOUNT_RESTRICTED");

        // The auditor reads the ageing, the reconciliation as JSON and CSV; it writes nothing.
        JsonNode ageing = auditor.get("/api/v1/restricted-accounts/NIGC-IQD-R/ageing?as_of=2024-07-31")
                .json();
        assertThat(ageing.get("balance").get("amount").asText()).isEqualTo("10020147930000.000");
        // On 2024-07-31 June's deposit of 07-03 is 28 days old.
        assertThat(ageing.get("buckets").get(0).get("label").asText()).isEqualTo("0-30");
        assertThat(ageing.get("buckets").get(0).get("amount").get("amount").asText())
                .isEqualTo("332547930000.000");
        assertThat(ageing.get("buckets").get(3).get("amount").get("amount").asText())
                .isEqualTo("9687600000000.000");
        JsonNode report = auditor.get("/api/v1/reconciliation?from=2024-06-01&to=2024-06-30")
                .json();
        assertThat(report.get("rows")).hasSize(2);
        assertThat(report.get("rows").get(0).get("status").asText()).isEqualTo("PAID");
        ApiClient.Response csv = auditor.get("/api/v1/reconciliation?from=2024-06-01&to=2024-06-30&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("contract,month,commodity,invoice,").contains("resolved by credit note");
        assertThat(auditor.post("/api/v1/deposits", body).status()).isEqualTo(403);
        assertThat(auditor.get("/api/v1/conversions").json()).hasSize(1);
        assertThat(auditor.get("/api/v1/invoices?contract=TAVANIR-POWER-2024").json())
                .hasSize(1);
        assertThat(auditor.get("/api/v1/contracts/NIGC-GAS-2024/arrears?as_of=2024-07-31")
                        .json()
                        .get("arrears")
                        .get("amount")
                        .asText())
                .isEqualTo("0.00");
    }

    @Test
    void malformed_settlement_requests_are_named_refusals() {
        ApiClient.Response noId = payer.post("/api/v1/deposits", "{\"contract\":\"NIGC-GAS-2024\"}");
        assertThat(noId.status()).isEqualTo(422);
        assertThat(noId.json().get("code").asText()).isEqualTo("FIELD_MISSING");
        ApiClient.Response badAmount =
                payer.post("/api/v1/deposits", deposit(UUID.randomUUID(), "NIGC-GAS-2024", "1.0001", "2024-07-03"));
        assertThat(badAmount.json().get("code").asText()).isEqualTo("AMOUNT_TOO_PRECISE");
        assertThat(auditor.get("/api/v1/restricted-accounts/NO-SUCH-ACCOUNT").status())
                .isEqualTo(404);
        assertThat(auditor.get("/api/v1/reconciliation?from=2024-06-01&to=2024-06-30&format=pdf")
                        .json()
                        .get("code")
                        .asText())
                .isEqualTo("REPORT_FORMAT_UNKNOWN");
        assertThat(operator.post("/api/v1/restricted-accounts", "{\"name\":\"X\"}")
                        .status())
                .isEqualTo(422);
    }
}
