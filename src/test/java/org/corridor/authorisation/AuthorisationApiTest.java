package org.corridor.authorisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import org.corridor.identity.Role;
import org.corridor.testing.ApiClient;
import org.corridor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The authorisation and eligibility routes over real HTTP, as the scenario of the worked scenario of docs/domain.md uses them. */
class AuthorisationApiTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String terms(String reference, String from, String to) {
        return """
                {"reference": "%s", "type": "WAIVER", "series": "IRAQ-ENERGY", "issuer": "US Department of State",
                 "legal_basis": "National security waiver", "valid_from": "%s", "valid_to": "%s",
                 "permitted_purposes": ["FOOD", "AGRI", "MEDICINE", "DEVICE"],
                 "permitted_movements": ["DEPOSIT", "CONVERSION", "TRANSFER", "DISBURSEMENT"],
                 "permitted_currencies": ["IQD", "EUR"], "prohibited_currencies": ["USD"],
                 "permitted_locations": ["IQ", "OM"], "prior_approval_for": ["DISBURSEMENT"],
                 "thresholds": [{"action": "NOTIFY_AUTHORITY", "comparison": "ABOVE",
                                 "amount": {"amount": "10000.00", "currency": "EUR"},
                                 "movements": ["DISBURSEMENT"], "aggregation_days": 30}],
                 "caps": [{"scope": "PER_PERIOD", "limit": {"amount": "500000000.00", "currency": "EUR"},
                           "period_days": 7, "movements": ["CONVERSION"]}],
                 "document": {"name": "%s.pdf", "content_base64": "%s"}}
                """.formatted(reference, from, to, reference, Base64.getEncoder().encodeToString(reference.getBytes()));
    }

    private static final String RELEASE = """
            {"reference": "DR-2024-0412-A", "kind": "DISBURSEMENT", "execution_date": "%s",
             "amount": {"amount": "4704000.00", "currency": "EUR"}, "purposes": ["MEDICINE", "DEVICE"],
             "account_location": "OM", "prior_approval_reference": "AUTH-DSB-0412",
             "linked_payment_key": "vendor:alpenmed"}
            """;

    @Test
    void a_reviewer_registers_and_renews_and_anyone_involved_sees_gaps_and_coverage() {
        ApiClient reviewer = server.as(Role.COMPLIANCE_REVIEWER);
        ApiClient.Response w19 = reviewer.post("/api/v1/authorisations", terms("W-19", "2024-03-11", "2024-07-08"));
        assertThat(w19.status()).as(w19.body()).isEqualTo(201);
        String id = w19.json().get("id").asText();
        assertThat(w19.json().get("document").get("sha256").asText()).hasSize(64);
        assertThat(w19.json().get("caps").get(0).get("period_days").asInt()).isEqualTo(7);

        ApiClient.Response document = server.as(Role.AUDITOR).get("/api/v1/authorisations/" + id + "/document");
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body()).isEqualTo("W-19");

        assertThat(server.as(Role.OPERATOR)
                        .post("/api/v1/authorisations", terms("W-21", "2024-03-11", "2024-07-08"))
                        .status())
                .isEqualTo(403);

        ApiClient.Response expired =
                server.as(Role.OPERATOR).post("/api/v1/coverage-checks", RELEASE.formatted("2024-07-10"));
        assertThat(expired.status()).as(expired.body()).isEqualTo(200);
        assertThat(expired.json().get("covered").asBoolean()).isFalse();
        assertThat(expired.json().get("reasons").get(0).asText()).isEqualTo("AUTHORISATION_EXPIRED");

        ApiClient.Response w20 =
                reviewer.post("/api/v1/authorisations/" + id + "/renewals", terms("W-20", "2024-07-16", "2024-11-12"));
        assertThat(w20.status()).as(w20.body()).isEqualTo(201);
        assertThat(w20.json().get("predecessor_id").asText()).isEqualTo(id);

        JsonNode gaps =
                server.as(Role.AUDITOR).get("/api/v1/authorisation-gaps").json();
        assertThat(gaps.get(0).get("from").asText()).isEqualTo("2024-07-09");
        assertThat(gaps.get(0).get("to").asText()).isEqualTo("2024-07-15");
        assertThat(gaps.get(0).get("days").asInt()).isEqualTo(7);

        JsonNode covered = server.as(Role.APPROVER)
                .post("/api/v1/coverage-checks", RELEASE.formatted("2024-07-17"))
                .json();
        assertThat(covered.get("covered").asBoolean()).isTrue();
        assertThat(covered.get("authorisations").get(0).get("reference").asText())
                .isEqualTo("W-20");
        assertThat(covered.get("authorisations").get(0).get("requirements").toString())
                .contains("PRIOR_APPROVAL", "AUTH-DSB-0412", "NOTIFY_AUTHORITY");

        JsonNode late = server.as(Role.APPROVER)
                .post(
                        "/api/v1/coverage-checks",
                        RELEASE.replace("\"execution_date\": \"%s\"", "\"executed_at\": \"2024-11-12T21:30:00Z\""))
                .json();
        assertThat(late.get("execution_date").asText()).isEqualTo("2024-11-13");
        assertThat(late.get("reasons").get(0).asText()).isEqualTo("AUTHORISATION_EXPIRED");

        JsonNode warnings = server.as(Role.OPERATOR)
                .get("/api/v1/authorisation-warnings?on=2024-11-05&lead_days=30,14,7,1")
                .json();
        assertThat(warnings.get(0).get("reference").asText()).isEqualTo("W-20");
        assertThat(warnings.get(0).get("lead_days").asInt()).isEqualTo(7);

        assertThat(server.as(Role.PAYER)
                        .get("/api/v1/authorisations?valid_on=2024-07-20")
                        .json())
                .hasSize(1);
    }

    @Test
    void incomplete_requests_are_refused_by_name_never_passed() {
        ApiClient reviewer = server.as(Role.COMPLIANCE_REVIEWER);
        ApiClient.Response missing = reviewer.post("/api/v1/authorisations", "{\"reference\": \"W-99\"}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("code").asText()).isEqualTo("FIELD_MISSING");

        ApiClient.Response noKind = reviewer.post("/api/v1/coverage-checks", "{\"execution_date\": \"2024-07-10\"}");
        assertThat(noKind.status()).isEqualTo(422);

        ApiClient.Response badPurpose = reviewer.post(
                "/api/v1/coverage-checks", RELEASE.formatted("2024-07-17").replace("\"DEVICE\"", "\"WEAPONS\""));
        assertThat(badPurpose.status()).isEqualTo(422);
        assertThat(badPurpose.json().get("code").asText()).isEqualTo("VALUE_UNKNOWN");

        // 2024-07-08T22:30Z is 07-09 in Baghdad: a date of 07-08 beside it is a contradiction, not a choice.
        String both = RELEASE.formatted("2024-07-08")
                .replace("\"execution_date\"", "\"executed_at\": \"2024-07-08T22:30:00Z\", \"execution_date\"");
        ApiClient.Response conflict = reviewer.post("/api/v1/coverage-checks", both);
        assertThat(conflict.status()).as(conflict.body()).isEqualTo(422);
        assertThat(conflict.json().get("code").asText()).isEqualTo("EXECUTION_DATE_CONFLICT");
        assertThat(conflict.json().get("detail").asText()).contains("2024-07-09", "Asia/Baghdad");
        ApiClient.Response agreeing =
                reviewer.post("/api/v1/coverage-checks", both.replace("\"2024-07-08\"", "\"2024-07-09\""));
        assertThat(agreeing.status()).as(agreeing.body()).isEqualTo(200);
        assertThat(agreeing.json().get("execution_date").asText()).isEqualTo("2024-07-09");
    }

    @Test
    void eligibility_checks_split_a_line_between_end_users_and_record_the_rules_version() {
        String request = """
                {"on": "2024-07-05", "lines": [
                  {"line": "1", "description": "Imatinib 400 mg tablets", "hs_code": "3004.90", "quantity": "120000",
                   "unit": "pack", "unit_price": "25.00", "currency": "EUR", "category": "MEDICINE",
                   "end_user_type": "HOSPITAL"},
                  {"line": "2", "description": "Insulin glargine pre-filled pens", "hs_code": "3004.31",
                   "quantity": "200000", "unit": "pen", "unit_price": "6.80", "currency": "EUR", "category": "MEDICINE",
                   "end_uses": [{"end_user_type": "HOSPITAL", "quantity": "180000"},
                                {"end_user_type": "LAW_ENFORCEMENT", "quantity": "20000"}]},
                  {"line": "4", "description": "128-slice CT scanner", "hs_code": "9022.12", "quantity": "1",
                   "unit": "unit", "unit_price": "950000", "currency": "EUR", "category": "DEVICE"}]}
                """;
        ApiClient.Response response = server.as(Role.BENEFICIARY_AGENT).post("/api/v1/eligibility-checks", request);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode lines = response.json().get("lines");
        assertThat(response.json().get("rules_version").asInt()).isEqualTo(1);
        assertThat(lines.get(0).get("decision").asText()).isEqualTo("ALLOWED");
        assertThat(lines.get(1).get("decision").asText()).isEqualTo("ALLOWED");
        assertThat(lines.get(1).get("allowed_quantity").asText()).isEqualTo("180000");
        assertThat(lines.get(1).get("portions").get(1).get("reason").asText()).isEqualTo("END_USER_EXCLUDED");
        assertThat(lines.get(2).get("decision").asText()).isEqualTo("ESCALATE");
        assertThat(lines.get(2).get("reason").asText()).isEqualTo("SPECIFIC_LICENCE_REQUIRED");

        assertThat(server.as(Role.PAYER)
                        .post("/api/v1/eligibility-checks", request)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void rules_are_shown_to_readers_and_imported_only_whole_by_reviewers() {
        JsonNode shown =
                server.as(Role.AUDITOR).get("/api/v1/eligibility-rules").json();
        assertThat(shown.get("version").get("version").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(shown.get("rules").get("format").asText()).isEqualTo("corridor-eligibility-rules/1");

        ApiClient.Response bad = server.as(Role.COMPLIANCE_REVIEWER)
                .post(
                        "/api/v1/eligibility-rules?source_name=bad.json",
                        "{\"format\": \"corridor-eligibility-rules/1\"}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("code").asText()).isEqualTo("RULES_INVALID");
        assertThat(bad.body()).contains("hs_rules");

        ApiClient.Response same = server.as(Role.COMPLIANCE_REVIEWER)
                .post("/api/v1/eligibility-rules", Eligibility.defaultRulesContent());
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().get("created").asBoolean()).isFalse();
        assertThat(server.as(Role.COMPLIANCE_ANALYST)
                        .post("/api/v1/eligibility-rules", Eligibility.defaultRulesContent())
                        .status())
                .isEqualTo(403);
    }
}
