package org.corridor.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.corridor.identity.Role;
import org.corridor.testing.ApiClient;
import org.corridor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ledger over HTTP, on the real server: good batches, bad input and lookups. */
class LedgerRoutesTest {

    private static TestServer server;
    private static ApiClient operator;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        operator = server.as(Role.OPERATOR);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String account(UUID id, String currency, String code, String holder, String flags) {
        return "{\"id\":\"" + id + "\",\"currency\":\"" + currency + "\",\"code\":\"" + code + "\",\"holder\":\""
                + holder + "\",\"flags\":[" + flags + "]}";
    }

    static UUID open(String currency, String code, String flags) {
        UUID id = UUID.randomUUID();
        ApiClient.Response response = operator.post("/api/v1/accounts", account(id, currency, code, "NIGC", flags));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return id;
    }

    static String transfer(UUID id, UUID debit, UUID credit, String amount, String currency) {
        return "{\"id\":\"" + id + "\",\"debit_account_id\":\"" + debit + "\",\"credit_account_id\":\"" + credit
                + "\",\"amount\":\"" + amount + "\",\"currency\":\"" + currency + "\",\"code\":\"DEPOSIT\""
                + ",\"references\":{\"invoice\":\"INV-" + id + "\"}}";
    }

    static String batch(String... transfers) {
        return "{\"transfers\":[" + String.join(",", transfers) + "]}";
    }

    @Test
    void accounts_are_opened_once_and_read_back_with_balances() {
        UUID id = UUID.randomUUID();
        String body = account(id, "IQD", "RESTRICTED", "TAVANIR", "\"RESTRICTED\",\"DEBITS_MUST_NOT_EXCEED_CREDITS\"");
        assertThat(operator.post("/api/v1/accounts", body).status()).isEqualTo(201);
        assertThat(operator.post("/api/v1/accounts", body).status()).isEqualTo(200);
        ApiClient.Response different =
                operator.post("/api/v1/accounts", account(id, "IQD", "RESTRICTED", "NIGC", "\"RESTRICTED\""));
        assertThat(different.status()).isEqualTo(409);
        assertThat(different.json().get("code").asText()).isEqualTo("EXISTS_WITH_DIFFERENT_HOLDER");

        JsonNode read = server.as(Role.AUDITOR).get("/api/v1/accounts/" + id).json();
        assertThat(read.get("currency").asText()).isEqualTo("IQD");
        assertThat(read.get("balances").get("posted_credit_balance").asText()).isEqualTo("0.000");
        assertThat(read.get("flags").toString()).contains("DEBITS_MUST_NOT_EXCEED_CREDITS");

        ApiClient.Response badCurrency =
                operator.post("/api/v1/accounts", account(UUID.randomUUID(), "XYZ", "RESTRICTED", "NIGC", ""));
        assertThat(badCurrency.status()).isEqualTo(422);
        assertThat(badCurrency.json().get("code").asText()).isEqualTo("CURRENCY_UNKNOWN");
        ApiClient.Response badFlag =
                operator.post("/api/v1/accounts", account(UUID.randomUUID(), "EUR", "RESTRICTED", "NIGC", "\"VIP\""));
        assertThat(badFlag.status()).isEqualTo(422);
        // Flags are a closed set: refused at the edge with the flags that exist named.
        assertThat(badFlag.json().get("code").asText()).isEqualTo("VALUE_INVALID");
        assertThat(badFlag.json().get("detail").asText()).contains("BLOCKED");
        assertThat(operator.post("/api/v1/accounts", "{\"id\":\"x\"}").status()).isEqualTo(422);
        assertThat(server.as(Role.AUDITOR)
                        .get("/api/v1/accounts/" + UUID.randomUUID())
                        .status())
                .isEqualTo(404);
        // Not a UUID, so a restricted account's name: there is none of that name.
        ApiClient.Response unnamed = server.as(Role.AUDITOR).get("/api/v1/accounts/not-a-uuid");
        assertThat(unnamed.status()).isEqualTo(404);
        assertThat(unnamed.json().get("code").asText()).isEqualTo("ACCOUNT_NOT_FOUND");
    }

    @Test
    void a_good_batch_is_200_with_a_result_per_transfer_and_can_be_read_back() {
        UUID payer = open("EUR", "PAYER", "");
        UUID restricted = open("EUR", "RESTRICTED", "\"DEBITS_MUST_NOT_EXCEED_CREDITS\"");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String body = batch(
                transfer(first, payer, restricted, "236857500.00", "EUR"),
                transfer(second, payer, restricted, "52650000.00", "EUR"));
        ApiClient.Response response = operator.post("/api/v1/transfers", body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(response.json().get("results").get(1).get("result").asText()).isEqualTo("OK");

        ApiClient.Response again = operator.post("/api/v1/transfers", body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("results").get(0).get("result").asText()).isEqualTo("EXISTS");

        ApiClient auditor = server.as(Role.AUDITOR);
        JsonNode stored = auditor.get("/api/v1/transfers/" + first).json();
        assertThat(stored.get("amount").asText()).isEqualTo("236857500.00");
        assertThat(stored.get("credit_account_balances_after")
                        .get("credits_posted")
                        .asText())
                .isEqualTo("236857500.00");
        JsonNode byReference = auditor.get("/api/v1/transfers?reference_key=invoice&reference_value=INV-" + second)
                .json();
        assertThat(byReference).hasSize(1);
        assertThat(byReference.get(0).get("id").asText()).isEqualTo(second.toString());

        JsonNode balance =
                auditor.get("/api/v1/accounts/" + restricted + "/balance").json();
        assertThat(balance.get("balances").get("posted_credit_balance").asText())
                .isEqualTo("289507500.00");
        JsonNode past = auditor.get("/api/v1/accounts/" + restricted + "/balance?at=2000-01-01")
                .json();
        assertThat(past.get("balances").get("posted_credit_balance").asText()).isEqualTo("0.00");

        JsonNode statement = auditor.get(
                        "/api/v1/accounts/" + restricted + "/statement?from=2000-01-01&to=2100-01-01&limit=1")
                .json();
        assertThat(statement.get("lines")).hasSize(1);
        assertThat(statement.get("lines").get(0).get("side").asText()).isEqualTo("CREDIT");
        String cursor = statement.get("next_cursor").asText();
        JsonNode next = auditor.get("/api/v1/accounts/" + restricted
                        + "/statement?from=2000-01-01&to=2100-01-01&limit=1&cursor=" + cursor)
                .json();
        assertThat(next.get("opening").get("posted_credit_balance").asText()).isEqualTo("236857500.00");
        assertThat(next.get("lines")
                        .get(0)
                        .get("balances_after")
                        .get("posted_credit_balance")
                        .asText())
                .isEqualTo("289507500.00");
        assertThat(auditor.get("/api/v1/accounts/" + restricted + "/statement?from=2000-01-01&to=2100-01-01&cursor=zz")
                        .status())
                .isEqualTo(422);
    }

    @Test
    void bad_input_is_422_with_a_named_result_per_transfer_and_never_500() {
        UUID payer = open("EUR", "PAYER", "");
        UUID restricted = open("EUR", "RESTRICTED", "\"DEBITS_MUST_NOT_EXCEED_CREDITS\"");
        UUID dinars = open("IQD", "RESTRICTED", "");
        UUID good = UUID.randomUUID();
        List<String> transfers = new ArrayList<>();
        transfers.add(transfer(good, payer, restricted, "10.00", "EUR"));
        transfers.add(transfer(UUID.randomUUID(), payer, UUID.randomUUID(), "10.00", "EUR"));
        transfers.add(transfer(UUID.randomUUID(), payer, dinars, "10.00", "EUR"));
        transfers.add(transfer(UUID.randomUUID(), payer, restricted, "0.00", "EUR"));
        transfers.add(transfer(UUID.randomUUID(), payer, restricted, "-5.00", "EUR"));
        transfers.add(transfer(UUID.randomUUID(), payer, restricted, "92233720368547758.08", "EUR"));
        transfers.add(transfer(UUID.randomUUID(), payer, restricted, "1.001", "EUR"));
        transfers.add(transfer(UUID.randomUUID(), payer, restricted, "ten", "EUR"));
        transfers.add("{\"id\":\"not-a-uuid\",\"debit_account_id\":\"" + payer + "\",\"credit_account_id\":\""
                + restricted + "\",\"amount\":\"1.00\",\"currency\":\"EUR\",\"code\":\"DEPOSIT\"}");
        transfers.add("{\"id\":\"" + UUID.randomUUID() + "\",\"debit_account_id\":\"12345\",\"credit_account_id\":\""
                + restricted + "\",\"amount\":\"1.00\",\"currency\":\"EUR\",\"code\":\"DEPOSIT\"}");
        transfers.add(transfer(UUID.randomUUID(), payer, restricted, "1.00", "EUX"));
        transfers.add(transfer(UUID.randomUUID(), restricted, restricted, "1.00", "EUR"));
        transfers.add(transfer(UUID.randomUUID(), restricted, payer, "1000.00", "EUR"));
        ApiClient.Response response = operator.post("/api/v1/transfers", batch(transfers.toArray(String[]::new)));
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.isProblem()).isTrue();
        JsonNode problem = response.json();
        assertThat(problem.get("code").asText()).isEqualTo("TRANSFERS_REFUSED");
        assertThat(problem.get("accepted").asInt()).isEqualTo(1);
        List<String> results = new ArrayList<>();
        problem.get("results")
                .forEach(result -> results.add(result.get("result").asText()));
        assertThat(results)
                .containsExactly(
                        "OK",
                        "ACCOUNT_NOT_FOUND",
                        "LEDGER_MISMATCH",
                        "AMOUNT_MUST_BE_POSITIVE",
                        "AMOUNT_MUST_BE_POSITIVE",
                        "AMOUNT_OVERFLOW",
                        "AMOUNT_TOO_PRECISE",
                        "AMOUNT_MALFORMED",
                        "ID_MALFORMED",
                        "DEBIT_ACCOUNT_ID_MALFORMED",
                        "CURRENCY_UNKNOWN",
                        "ACCOUNTS_MUST_BE_DIFFERENT",
                        "EXCEEDS_CREDITS");
        assertThat(problem.get("results").get(8).get("id").asText()).isEqualTo("not-a-uuid");
        ApiClient.Response more = operator.post(
                "/api/v1/transfers",
                batch(
                        "{\"id\":\"" + UUID.randomUUID() + "\",\"debit_account_id\":\"" + payer
                                + "\",\"credit_account_id\":\"nope\",\"amount\":\"1.00\",\"currency\":\"EUR\"}",
                        "{\"id\":\"" + UUID.randomUUID() + "\",\"kind\":\"POST_PENDING\",\"pending_id\":\"x\","
                                + "\"currency\":\"EUR\"}",
                        "{\"id\":\"" + UUID.randomUUID() + "\",\"kind\":\"PENDING\",\"debit_account_id\":\"" + payer
                                + "\",\"credit_account_id\":\"" + restricted
                                + "\",\"amount\":\"1.00\",\"currency\":\"EUR\",\"code\":\"RELEASE\","
                                + "\"expires_at\":\"tomorrow\"}"));
        assertThat(more.status()).isEqualTo(422);
        List<String> moreResults = new ArrayList<>();
        more.json()
                .get("results")
                .forEach(result -> moreResults.add(result.get("result").asText()));
        assertThat(moreResults)
                .containsExactly("CREDIT_ACCOUNT_ID_MALFORMED", "PENDING_ID_MALFORMED", "EXPIRES_AT_MALFORMED");
        assertThat(server.as(Role.AUDITOR).get("/api/v1/transfers/" + good).status())
                .isEqualTo(200);
    }

    @Test
    void a_linked_batch_with_a_bad_member_is_not_applied_at_all() {
        UUID payer = open("EUR", "PAYER", "");
        UUID restricted = open("EUR", "RESTRICTED", "");
        UUID first = UUID.randomUUID();
        String linkedFirst = transfer(first, payer, restricted, "5.00", "EUR").replace("}}", "},\"linked\":true}");
        ApiClient.Response response = operator.post(
                "/api/v1/transfers",
                batch(linkedFirst, transfer(UUID.randomUUID(), payer, restricted, "5.5.5", "EUR")));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("results").get(0).get("result").asText()).isEqualTo("LINKED_EVENT_FAILED");
        assertThat(response.json().get("results").get(1).get("result").asText()).isEqualTo("AMOUNT_MALFORMED");
        assertThat(server.as(Role.AUDITOR).get("/api/v1/transfers/" + first).status())
                .isEqualTo(404);
        assertThat(server.as(Role.AUDITOR)
                        .get("/api/v1/accounts/" + restricted)
                        .json()
                        .get("balances")
                        .get("credits_posted")
                        .asText())
                .isEqualTo("0.00");
    }

    @Test
    void holds_are_placed_posted_and_voided_over_http() {
        UUID payer = open("EUR", "PAYER", "");
        UUID restricted = open("EUR", "RESTRICTED", "\"DEBITS_MUST_NOT_EXCEED_CREDITS\"");
        UUID vendor = open("EUR", "VENDOR", "");
        operator.post("/api/v1/transfers", batch(transfer(UUID.randomUUID(), payer, restricted, "100.00", "EUR")));
        UUID hold = UUID.randomUUID();
        ApiClient.Response placed = operator.post(
                "/api/v1/transfers",
                batch("{\"id\":\"" + hold + "\",\"kind\":\"PENDING\",\"debit_account_id\":\"" + restricted
                        + "\",\"credit_account_id\":\"" + vendor
                        + "\",\"amount\":\"60.00\",\"currency\":\"EUR\",\"code\":\"RELEASE\","
                        + "\"expires_at\":\"2100-01-01T00:00:00Z\"}"));
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        ApiClient.Response posted = operator.post(
                "/api/v1/transfers",
                batch("{\"id\":\"" + UUID.randomUUID() + "\",\"kind\":\"POST_PENDING\",\"pending_id\":\"" + hold
                        + "\",\"amount\":\"40.00\",\"currency\":\"EUR\"}"));
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        JsonNode balances = server.as(Role.AUDITOR)
                .get("/api/v1/accounts/" + restricted)
                .json()
                .get("balances");
        assertThat(balances.get("debits_posted").asText()).isEqualTo("40.00");
        assertThat(balances.get("debits_pending").asText()).isEqualTo("0.00");
        ApiClient.Response voided = operator.post(
                "/api/v1/transfers",
                batch("{\"id\":\"" + UUID.randomUUID() + "\",\"kind\":\"VOID_PENDING\",\"pending_id\":\"" + hold
                        + "\",\"currency\":\"EUR\"}"));
        assertThat(voided.status()).isEqualTo(422);
        assertThat(voided.json().get("results").get(0).get("result").asText())
                .isEqualTo("PENDING_TRANSFER_ALREADY_POSTED");
        ApiClient.Response unknownKind = operator.post(
                "/api/v1/transfers",
                batch("{\"id\":\"" + UUID.randomUUID() + "\",\"kind\":\"REFUND\",\"currency\":\"EUR\"}"));
        assertThat(unknownKind.json().get("results").get(0).get("result").asText())
                .isEqualTo("KIND_UNKNOWN");
    }

    @Test
    void wrongly_shaped_batches_are_refused_whole_with_problem_details() {
        assertThat(operator.post("/api/v1/transfers", "{}").status()).isEqualTo(422);
        assertThat(operator.post("/api/v1/transfers", "{\"transfers\":[]}").status())
                .isEqualTo(422);
        assertThat(operator.post("/api/v1/transfers", "{\"transfers\":[{\"id\":1,\"amount\":{}}]}")
                        .status())
                .isEqualTo(400);
        assertThat(operator.post("/api/v1/transfers", "{\"transfers\":[null]}").status())
                .isEqualTo(422);
        StringBuilder tooMany = new StringBuilder("{\"transfers\":[");
        for (int i = 0; i <= Ledger.MAX_BATCH; i++) {
            tooMany.append(i == 0 ? "" : ",").append("{\"id\":\"x\",\"currency\":\"EUR\"}");
        }
        ApiClient.Response response =
                operator.post("/api/v1/transfers", tooMany.append("]}").toString());
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("code").asText()).isEqualTo("BATCH_TOO_LARGE");
        assertThat(server.as(Role.PAYER).post("/api/v1/transfers", "{}").status())
                .isEqualTo(403);
    }

    @Test
    void the_generic_transfer_route_neither_debits_nor_credits_a_restricted_account() {
        UUID payer = open("EUR", "PAYER", "");
        UUID restricted = open("EUR", "RESTRICTED", "\"RESTRICTED\",\"DEBITS_MUST_NOT_EXCEED_CREDITS\"");
        UUID vendor = open("EUR", "VENDOR", "");
        // Money enters a restricted account only through the channel's flows (issue 15).
        ApiClient.Response funded = operator.post(
                "/api/v1/transfers", batch(transfer(UUID.randomUUID(), payer, restricted, "100.00", "EUR")));
        assertThat(funded.status()).as(funded.body()).isEqualTo(422);
        assertThat(funded.json().get("results").get(0).get("result").asText()).isEqualTo("ACCOUNT_RESTRICTED");

        for (String code : List.of("TRANSFER", "CONVERSION", "RELEASE")) {
            String debit = "{\"id\":\"" + UUID.randomUUID() + "\",\"debit_account_id\":\"" + restricted
                    + "\",\"credit_account_id\":\"" + vendor + "\",\"amount\":\"1.00\",\"currency\":\"EUR\","
                    + "\"code\":\"" + code + "\"}";
            ApiClient.Response refused = operator.post("/api/v1/transfers", batch(debit));
            assertThat(refused.status()).as(code).isEqualTo(422);
            assertThat(refused.json().get("results").get(0).get("result").asText())
                    .as(code)
                    .isEqualTo("ACCOUNT_RESTRICTED");
        }
        JsonNode balance = operator.get("/api/v1/accounts/" + restricted).json();
        assertThat(balance.get("balances").get("posted_credit_balance").asText())
                .isEqualTo("0.00");
    }
}
