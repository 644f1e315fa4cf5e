package org.corridor.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corridor.app.Corridor;
import org.corridor.identity.Role;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.release.ReleaseFixtures;
import org.corridor.testing.ApiClient;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.corridor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The insider attacks of issue 15, each tried through the real HTTP API as one person would try
 * it. Each test failed against the code before the controls (the attack succeeded) and passes now.
 * One server for the class; every test works on requests of its own.
 */
class InsiderAttacksTest {

    private static final Pattern TOKEN = Pattern.compile("cor_[A-Za-z0-9_-]{43}");

    private static TestServer server;

    @BeforeAll
    static void start() {
        Corridor corridor = TestCorridor.create(MutableClock.at("2024-07-17T06:00:00Z"));
        server = new TestServer(corridor);
        ReleaseFixtures.nigcUnderW20(corridor, "attacks");
        ReleaseFixtures.openFundedAccount(
                corridor,
                "NIGC-EUR-2",
                "attacks-2",
                Money.parse("5000000.00", Currency.EUR),
                java.time.LocalDate.parse("2024-07-05"),
                "second account");
        ApiClient.Response paying = server.as(Role.OPERATOR).send("PUT", "/api/v1/release-paying-accounts", """
                {"account": "NIGC-EUR-R", "iban": "OM81 0180 0000 0129 9123 456", "bic": "MPBKOMRX",
                 "name": "NIGC restricted account"}
                """);
        assertThat(paying.status()).as(paying.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // ---------------------------------------------------------------- bullet 1: minted tokens

    @Test
    void one_admin_obtains_no_working_token_of_another_user_and_so_cannot_pass_every_four_eyes_step_alone() {
        ApiClient admin = server.as(Role.ADMIN);
        List<ApiClient.Response> answers = new ArrayList<>();
        for (String name :
                List.of("beneficiary-agent", "compliance-analyst", "compliance-reviewer", "operator", "approver")) {
            answers.add(admin.post("/api/v1/users/" + name + "/tokens", "{}"));
            answers.add(admin.post("/api/v1/users/" + name + "/reissue", "{}"));
        }
        answers.add(admin.post("/api/v1/users", "{\"name\": \"mallory-desk\", \"role\": \"OPERATOR\"}"));
        answers.add(admin.post(
                "/api/v1/users",
                "{\"name\": \"mallory-agent\", \"role\": \"BENEFICIARY_AGENT\", \"holders\": [\"NIGC\"]}"));
        // Whatever an ADMIN's own doors answer, nothing in it signs anyone else in...
        Map<String, String> working = new java.util.TreeMap<>();
        for (ApiClient.Response answer : answers) {
            Matcher token = TOKEN.matcher(answer.body());
            while (token.find()) {
                JsonNode me =
                        server.anonymous().as(token.group()).get("/api/v1/me").json();
                if (me.has("name")) {
                    working.put(me.get("name").asText(), token.group());
                }
            }
            // ...nor does any code in it enrol anyone on its own.
            for (String code : codes(answer)) {
                ApiClient.Response enrolled =
                        server.anonymous().post("/api/v1/enrolments", "{\"code\": \"" + code + "\"}");
                assertThat(enrolled.status()).as(enrolled.body()).isNotIn(200, 201);
            }
        }
        working.remove("admin");

        // The story of the issue, with whatever tokens the administrator could get: one person
        // submits a request whose purchaser is an exact SDN match, clears the hit as two analysts,
        // takes MAKER, COMPLIANCE and AUTHORITY, and executes it.
        String agent = working.getOrDefault("beneficiary-agent", server.token(Role.ADMIN));
        ApiClient.Response submitted = server.anonymous()
                .as(agent)
                .post(
                        "/api/v1/releases",
                        request(
                                "DR-ATTACK-0001",
                                "NIGC-EUR-R",
                                "BAQIYATTALLAH UNIVERSITY OF " + "MEDICAL SCIENCES",
                                "400"));
        if (submitted.status() == 201) {
            String id = submitted.json().get("request").get("id").asText();
            ApiClient analyst =
                    server.anonymous().as(working.getOrDefault("compliance-analyst", server.token(Role.ADMIN)));
            ApiClient reviewer =
                    server.anonymous().as(working.getOrDefault("compliance-reviewer", server.token(Role.ADMIN)));
            for (JsonNode hit : analyst.get("/api/v1/releases/" + id).json().path("hits")) {
                String path = "/api/v1/hits/" + hit.get("id").asText() + "/dispositions";
                analyst.post(path, "{\"decision\": \"FALSE_POSITIVE\", \"rationale\": \"not them\"}");
                reviewer.post(path, "{\"decision\": \"FALSE_POSITIVE\", \"rationale\": \"agreed\"}");
            }
            String approvals = "/api/v1/releases/" + id + "/approvals";
            server.anonymous()
                    .as(working.getOrDefault("operator", server.token(Role.ADMIN)))
                    .post(approvals, "{\"step\": \"MAKER\"}");
            server.anonymous()
                    .as(working.getOrDefault("approver", server.token(Role.ADMIN)))
                    .post(approvals, "{\"step\": \"COMPLIANCE\"}");
            server.anonymous()
                    .as(working.getOrDefault("mallory-desk", server.token(Role.ADMIN)))
                    .post(approvals, "{\"step\": \"AUTHORITY\", \"reference\": \"AUTH-FAKE-1\"}");
            server.anonymous()
                    .as(working.getOrDefault("operator", server.token(Role.ADMIN)))
                    .post("/api/v1/releases/" + id + "/execute", "{\"value_date\": \"2024-07-17\"}");
            assertThat(server.as(Role.AUDITOR)
                            .get("/api/v1/releases/" + id)
                            .json()
                            .get("state")
                            .asText())
                    .isNotEqualTo("EXECUTED");
        }
        assertThat(working).as("tokens of other users an ADMIN obtained").isEmpty();
    }

    /** Enrolment codes or their parts in an answer, wherever they are. */
    private static List<String> codes(ApiClient.Response answer) {
        List<String> codes = new ArrayList<>();
        if (!answer.contentType().contains("json") || answer.body().isBlank()) {
            return codes;
        }
        answer.json().findValues("enrolment_code").forEach(node -> codes.add(node.asText()));
        answer.json().findValues("enrolment_code_part").forEach(node -> codes.add(node.asText()));
        return codes;
    }

    // ---------------------------------------------------------------- bullet 3: cross-holder agents

    @Test
    void an_agent_of_another_holder_neither_lists_nor_reads_nor_pays_from_a_holder_that_is_not_its_own() {
        String id = executed("DR-ATTACK-0301", "Shiraz Pharmaceutical Distribution");
        ApiClient tavanirAgent = server.person("tavanir-agent", Role.BENEFICIARY_AGENT, "TAVANIR");

        JsonNode listed = tavanirAgent.get("/api/v1/releases").json();
        assertThat(listed.toString()).doesNotContain("DR-ATTACK-0301");
        assertThat(tavanirAgent.get("/api/v1/releases/" + id).status()).isEqualTo(404);
        assertThat(tavanirAgent.get("/api/v1/releases/DR-ATTACK-0301").status()).isEqualTo(404);
        ApiClient.Response pacs = tavanirAgent.get("/api/v1/releases/" + id + "/pacs008");
        assertThat(pacs.status()).isEqualTo(404);
        assertThat(pacs.body()).doesNotContain("Alpenmed");

        ApiClient.Response paid = tavanirAgent.post(
                "/api/v1/releases",
                request("DR-ATTACK-0302", "NIGC-EUR-R", "Shiraz Pharmaceutical Distribution", "10"));
        assertThat(paid.status()).as(paid.body()).isEqualTo(403);
        assertThat(paid.json().get("code").asText()).isEqualTo("AGENT_NOT_FOR_HOLDER");
        assertThat(server.as(Role.AUDITOR)
                        .get("/api/v1/releases/DR-ATTACK-0302")
                        .status())
                .isEqualTo(404);
    }

    // ---------------------------------------------------------------- bullet 3: hit details

    @Test
    void an_agent_sees_that_its_request_is_under_compliance_review_and_nothing_of_the_hit() {
        ApiClient agent = server.as(Role.BENEFICIARY_AGENT);
        ApiClient.Response submitted = agent.post(
                "/api/v1/releases",
                request("DR-ATTACK-0401", "NIGC-EUR-R", "BAQIYATTALLAH UNIVERSITY OF MEDICAL SCIENCES", "4"));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = submitted.json().get("request").get("id").asText();
        JsonNode hit = server.as(Role.COMPLIANCE_ANALYST)
                .get("/api/v1/releases/" + id)
                .json()
                .get("hits")
                .get(0);
        server.as(Role.COMPLIANCE_ANALYST)
                .post(
                        "/api/v1/hits/" + hit.get("id").asText() + "/dispositions",
                        "{\"decision\": \"ESCALATED\", \"rationale\": \"exact name, IRGC programme: secret-rationale\"}");

        for (String answer : List.of(
                submitted.body(),
                agent.get("/api/v1/releases/" + id).body(),
                agent.get("/api/v1/releases").body())) {
            // The purchaser's name is the agent's own (here it is also the listed name): what it matched is not.
            assertThat(answer)
                    .doesNotContain("\"entity_name\"")
                    .doesNotContain(hit.get("entity_key").asText())
                    .doesNotContain("IRGC")
                    .doesNotContain("\"score\"")
                    .doesNotContain("compliance-analyst")
                    .doesNotContain("secret-rationale");
        }
        assertThat(agent.get("/api/v1/releases/" + id)
                        .json()
                        .get("compliance_review")
                        .asText())
                .isEqualTo("under compliance review");
        assertThat(agent.get("/api/v1/release-rejections").body()).doesNotContain("TRUE_MATCH");
    }

    // ---------------------------------------------------------------- bullet 4: amendments

    @Test
    void an_amendment_after_three_approvals_voids_them_so_the_authority_step_cannot_complete_the_chain() {
        ApiClient.Response submitted = server.as(Role.BENEFICIARY_AGENT)
                .post(
                        "/api/v1/releases",
                        request("DR-ATTACK-0501", "NIGC-EUR-2", "Shiraz Pharmaceutical Distribution", "48000"));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = submitted.json().get("request").get("id").asText();
        clearHits(id);
        String approvals = "/api/v1/releases/" + id + "/approvals";
        assertThat(server.as(Role.OPERATOR)
                        .post(approvals, "{\"step\": \"MAKER\"}")
                        .status())
                .isEqualTo(200);
        assertThat(server.as(Role.APPROVER)
                        .post(approvals, "{\"step\": \"COMPLIANCE\"}")
                        .status())
                .isEqualTo(200);
        ApiClient.Response senior =
                server.person("senior-0501", Role.APPROVER).post(approvals, "{\"step\": \"SENIOR_COMPLIANCE\"}");
        assertThat(senior.json().get("hold_id").isMissingNode()).isFalse();

        ApiClient otherAgent = server.person("nigc-agent-2", Role.BENEFICIARY_AGENT, "NIGC");
        ApiClient.Response amended = otherAgent.post("/api/v1/releases/" + id + "/amendments", """
                {"forwarder": {"name": "Rhine Freight Forwarding AG", "country": "CH"},
                 "note": "the forwarder changed"}
                """);
        assertThat(amended.status()).as(amended.body()).isEqualTo(200);

        ApiClient.Response authority = server.person("desk-0501", Role.OPERATOR)
                .post(approvals, "{\"step\": \"AUTHORITY\", \"reference\": \"AUTH-0501\"}");
        JsonNode after = server.as(Role.AUDITOR).get("/api/v1/releases/" + id).json();
        assertThat(after.get("state").asText()).isNotEqualTo("APPROVED");
        assertThat(authority.status()).isEqualTo(409);
        assertThat(after.get("approvals")).isEmpty();
        assertThat(after.path("hold_id").isMissingNode() || after.get("hold_id").isNull())
                .isTrue();
        JsonNode last = after.get("transitions").get(after.get("transitions").size() - 1);
        assertThat(last.get("reason").asText()).isEqualTo("AMENDED");
        assertThat(last.get("actor").asText()).isEqualTo("nigc-agent-2");
        assertThat(last.get("detail").asText()).contains("the forwarder changed");
    }

    // ---------------------------------------------------------------- bullet 5: raw ledger credit

    @Test
    void a_raw_transfer_neither_credits_nor_debits_a_restricted_account() {
        ApiClient operator = server.as(Role.OPERATOR);
        String restricted = server.as(Role.AUDITOR)
                .get("/api/v1/restricted-accounts/NIGC-EUR-R")
                .json()
                .get("id")
                .asText();
        String ordinary = UUID.randomUUID().toString();
        assertThat(operator.post(
                                "/api/v1/accounts",
                                "{\"id\":\"" + ordinary
                                        + "\",\"currency\":\"EUR\",\"code\":\"SUSPENSE\",\"holder\":\"BANK\"}")
                        .status())
                .isEqualTo(201);
        String before = balance(restricted);

        ApiClient.Response credit = operator.post(
                "/api/v1/transfers",
                "{\"transfers\":[{\"id\":\"" + UUID.randomUUID()
                        + "\",\"debit_account_id\":\"" + ordinary + "\",\"credit_account_id\":\"" + restricted
                        + "\",\"amount\":\"1000.00\",\"currency\":\"EUR\",\"code\":\"DEPOSIT\"}]}");
        assertThat(credit.status()).as(credit.body()).isEqualTo(422);
        assertThat(credit.body()).contains("ACCOUNT_RESTRICTED");
        ApiClient.Response hold = operator.post(
                "/api/v1/transfers",
                "{\"transfers\":[{\"id\":\"" + UUID.randomUUID()
                        + "\",\"kind\":\"PENDING\",\"debit_account_id\":\"" + ordinary + "\",\"credit_account_id\":\""
                        + restricted + "\",\"amount\":\"1000.00\",\"currency\":\"EUR\",\"code\":\"DEPOSIT\"}]}");
        assertThat(hold.body()).contains("ACCOUNT_RESTRICTED");
        ApiClient.Response debit = operator.post(
                "/api/v1/transfers",
                "{\"transfers\":[{\"id\":\"" + UUID.randomUUID()
                        + "\",\"debit_account_id\":\"" + restricted + "\",\"credit_account_id\":\"" + ordinary
                        + "\",\"amount\":\"1000.00\",\"currency\":\"EUR\",\"code\":\"RELEASE\"}]}");
        assertThat(debit.body()).contains("ACCOUNT_RESTRICTED");
        assertThat(balance(restricted)).isEqualTo(before);
        assertThat(server.corridor().settlement().checkBooks().intact())
                .as("lots, balances and transfers")
                .isTrue();
    }

    private static String balance(String account) {
        return server.as(Role.AUDITOR)
                .get("/api/v1/accounts/" + account)
                .json()
                .get("balances")
                .get("posted_credit_balance")
                .asText();
    }

    // ---------------------------------------------------------------- bullet 6: reports

    @Test
    void an_admin_reads_neither_the_screening_hits_nor_the_audit_extract_through_reports() {
        ApiClient admin = server.as(Role.ADMIN);
        for (String report : List.of("rpt-4", "rpt-9", "screening-hits", "audit-extract")) {
            ApiClient.Response answer = admin.get("/api/v1/reports/" + report + "?from=2024-07-01&to=2024-07-31");
            assertThat(answer.status()).as(report + ": " + answer.body()).isEqualTo(403);
            assertThat(answer.json().get("code").asText()).isEqualTo("REPORT_NOT_PERMITTED");
        }
        assertThat(admin.get("/api/v1/reports").body()).doesNotContain("rpt-4").doesNotContain("rpt-9");
        assertThat(server.as(Role.AUDITOR)
                        .get("/api/v1/reports/rpt-9?from=2024-07-01&to=2024-07-31")
                        .status())
                .isEqualTo(200);
        assertThat(server.as(Role.COMPLIANCE_ANALYST)
                        .get("/api/v1/reports/rpt-4?from=2024-07-01&to=2024-07-31")
                        .status())
                .isEqualTo(200);
    }

    // ---------------------------------------------------------------- the legitimate path, for the attacks

    /** A request of NIGC's taken all the way to execution by distinct people; returns its id. */
    private static String executed(String reference, String purchaser) {
        ApiClient.Response submitted = server.as(Role.BENEFICIARY_AGENT)
                .post("/api/v1/releases", request(reference, "NIGC-EUR-R", purchaser, "10"));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = submitted.json().get("request").get("id").asText();
        clearHits(id);
        String approvals = "/api/v1/releases/" + id + "/approvals";
        assertThat(server.as(Role.OPERATOR)
                        .post(approvals, "{\"step\": \"MAKER\"}")
                        .status())
                .isEqualTo(200);
        assertThat(server.as(Role.APPROVER)
                        .post(approvals, "{\"step\": \"COMPLIANCE\"}")
                        .status())
                .isEqualTo(200);
        ApiClient.Response authority = server.person("desk-" + reference, Role.OPERATOR)
                .post(approvals, "{\"step\": \"AUTHORITY\", \"reference\": \"AUTH-" + reference + "\"}");
        assertThat(authority.json().get("state").asText()).as(authority.body()).isEqualTo("APPROVED");
        ApiClient.Response paid = server.person("payer-desk-" + reference, Role.OPERATOR)
                .post("/api/v1/releases/" + id + "/execute", "{\"value_date\": \"2024-07-17\"}");
        assertThat(paid.json().get("state").asText()).as(paid.body()).isEqualTo("EXECUTED");
        return id;
    }

    private static void clearHits(String id) {
        for (JsonNode hit : server.as(Role.COMPLIANCE_ANALYST)
                .get("/api/v1/releases/" + id)
                .json()
                .get("hits")) {
            String path = "/api/v1/hits/" + hit.get("id").asText() + "/dispositions";
            assertThat(server.as(Role.COMPLIANCE_ANALYST)
                            .post(path, "{\"decision\": \"FALSE_POSITIVE\", \"rationale\": \"another entity\"}")
                            .status())
                    .isEqualTo(200);
            assertThat(server.as(Role.COMPLIANCE_REVIEWER)
                            .post(path, "{\"decision\": \"FALSE_POSITIVE\", \"rationale\": \"confirmed\"}")
                            .status())
                    .isEqualTo(200);
        }
    }

    /** A request for imatinib tablets at EUR 25.00 a pack, paid to Alpenmed Pharma AG. */
    static String request(String reference, String payFrom, String purchaser, String packs) {
        return """
                {
                  "reference": "%s",
                  "holder": "NIGC",
                  "pay_from": "%s",
                  "purchaser": {"name": "%s", "country": "IR"},
                  "end_users": [{"name": "Shiraz University Hospital", "country": "IR"}],
                  "vendor": {"name": "Alpenmed Pharma AG", "country": "CH", "address": "Aeschenvorstadt 1, 4051 Basel"},
                  "vendor_account": {"iban": "CH93 0076 2011 6238 5295 7", "bic": "UBSWCHZH80A",
                                     "bank_name": "Swiss Commercial Bank"},
                  "lines": [
                    {"line": "1", "description": "Imatinib 400 mg tablets (oncology)", "hs_code": "3004.90",
                     "quantity": "%s", "unit": "pack", "unit_price": "25.00", "origin": "CH", "category": "MEDICINE",
                     "end_uses": [{"end_user": "Shiraz University Hospital", "type": "HOSPITAL", "quantity": "%s"}]}
                  ],
                  "incoterm": "CIP",
                  "shipment": {"carrier": "Alpine Container Line", "vessel_name": "Alpine Express",
                               "vessel_imo": "9321483", "port_of_loading": "Genoa", "port_of_discharge": "Bandar Abbas"}
                }
                """.formatted(reference, payFrom, purchaser, packs, packs);
    }
}
