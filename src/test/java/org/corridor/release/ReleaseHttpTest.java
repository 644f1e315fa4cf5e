package org.corridor.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.corridor.app.Corridor;
import org.corridor.identity.Role;
import org.corridor.payments.MessageSchemas;
import org.corridor.testing.ApiClient;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.corridor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A release over HTTP from submission to pacs.008, each step by the role the matrix grants it to. */
class ReleaseHttpTest {

    private static TestServer server;

    static final String REQUEST = """
            {
              "reference": "DR-2024-0777",
              "holder": "NIGC",
              "pay_from": "NIGC-EUR-R",
              "purchaser": {"name": "Shiraz Pharmaceutical Distribution", "country": "IR"},
              "end_users": [{"name": "Shiraz University Hospital", "country": "IR"}],
              "vendor": {"name": "Alpenmed Pharma AG", "country": "CH", "address": "Aeschenvorstadt 1, 4051 Basel"},
              "vendor_account": {"iban": "CH93 0076 2011 6238 5295 7", "bic": "UBSWCHZH80A", "bank_name": "Swiss Commercial Bank"},
              "lines": [
                {"line": "1", "description": "Imatinib 400 mg tablets (oncology)", "hs_code": "3004.90",
                 "quantity": "1000", "unit": "pack", "unit_price": "25.00", "origin": "CH", "category": "MEDICINE",
                 "end_uses": [{"end_user": "Shiraz University Hospital", "type": "HOSPITAL", "quantity": "1000"}]}
              ],
              "incoterm": "CIP",
              "shipment": {"carrier": "Alpine Container Line", "vessel_name": "Alpine Express", "vessel_imo": "9321483",
                           "port_of_loading": "Genoa", "port_of_discharge": "Bandar Abbas"}
            }
            """;

    @BeforeAll
    static void start() {
        Corridor corridor = TestCorridor.create(MutableClock.at("2024-07-17T06:00:00Z"));
        server = new TestServer(corridor);
        ReleaseFixtures.nigcUnderW20(corridor, "http");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ApiClient another(String name, Role role) {
        return server.person(name, role);
    }

    @Test
    void a_document_of_4_mb_is_decoded_and_stored_by_its_sha256_and_one_over_5_mb_is_refused() throws Exception {
        byte[] pdf = new byte[4 * 1024 * 1024];
        new java.util.Random(16).nextBytes(pdf);
        ApiClient.Response submitted =
                server.as(Role.BENEFICIARY_AGENT).post("/api/v1/releases", withDocument("DR-2024-0778", pdf));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        JsonNode document = submitted.json().get("request").get("documents").get(0);
        assertThat(document.get("sha256").asText())
                .isEqualTo(java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(pdf)));
        assertThat(document.get("size_bytes").asInt()).isEqualTo(pdf.length);

        ApiClient.Response tooLarge = server.as(Role.BENEFICIARY_AGENT)
                .post("/api/v1/releases", withDocument("DR-2024-0779", new byte[5 * 1024 * 1024 + 1]));
        assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(422);
        assertThat(tooLarge.json().get("code").asText()).isEqualTo("DOCUMENT_TOO_LARGE");
    }

    private static String withDocument(String reference, byte[] content) {
        return REQUEST.replace("DR-2024-0777", reference)
                .replace(
                        "\"incoterm\": \"CIP\",",
                        "\"incoterm\": \"CIP\", \"documents\": [{\"type\": \"PI\", \"name\": \"PI-" + reference
                                + ".pdf\", \"content_base64\": \""
                                + java.util.Base64.getEncoder().encodeToString(content)
                                + "\"}],");
    }

    @Test
    void a_release_goes_from_submission_to_a_payment_instruction_over_http() {
        assertThat(server.as(Role.OPERATOR)
                        .send("PUT", "/api/v1/release-paying-accounts", """
                                {"account": "NIGC-EUR-R", "iban": "OM81 0180 0000 0129 9123 456", "bic": "MPBKOMRX",
                                 "name": "NIGC restricted account"}
                                """)
                        .status())
                .isEqualTo(200);
        assertThat(server.as(Role.OPERATOR).post("/api/v1/releases", REQUEST).status())
                .isEqualTo(403);
        ApiClient.Response submitted = server.as(Role.BENEFICIARY_AGENT).post("/api/v1/releases", REQUEST);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        JsonNode request = submitted.json().get("request");
        assertThat(request.get("amount").get("amount").asText()).isEqualTo("25000.00");
        assertThat(request.get("amount").get("currency").asText()).isEqualTo("EUR");
        assertThat(request.has("currency"))
                .as("one money shape: no flat currency beside it")
                .isFalse();
        String id = request.get("id").asText();

        // Whatever the shipped lists say about these names goes through the queue with four eyes.
        for (JsonNode hit : server.as(Role.COMPLIANCE_ANALYST)
                .get("/api/v1/hits?state=OPEN")
                .json()) {
            String path = "/api/v1/hits/" + hit.get("id").asText() + "/dispositions";
            assertThat(server.as(Role.COMPLIANCE_ANALYST)
                            .post(path, "{\"decision\": \"FALSE_POSITIVE\", \"rationale\": \"different entity\"}")
                            .status())
                    .isEqualTo(200);
            assertThat(server.as(Role.COMPLIANCE_REVIEWER)
                            .post(path, "{\"decision\": \"FALSE_POSITIVE\", \"rationale\": \"confirmed\"}")
                            .json()
                            .get("state")
                            .asText())
                    .isEqualTo("FALSE_POSITIVE");
        }
        assertThat(server.as(Role.COMPLIANCE_ANALYST)
                        .post(
                                "/api/v1/hits/" + UUID.randomUUID() + "/dispositions",
                                "{\"decision\": \"FALSE_POSITIVE\", \"rationale\": \"x\"}")
                        .status())
                .isEqualTo(404);

        String approvals = "/api/v1/releases/" + id + "/approvals";
        assertThat(server.as(Role.OPERATOR)
                        .post(approvals, "{\"step\": \"MAKER\"}")
                        .status())
                .isEqualTo(200);
        assertThat(server.as(Role.APPROVER)
                        .post(approvals, "{\"step\": \"COMPLIANCE\"}")
                        .status())
                .isEqualTo(200);
        ApiClient.Response missingReference =
                another("operator-2", Role.OPERATOR).post(approvals, "{\"step\": \"AUTHORITY\"}");
        assertThat(missingReference.status()).isEqualTo(422);
        ApiClient.Response approved = another("operator-3", Role.OPERATOR)
                .post(approvals, "{\"step\": \"AUTHORITY\", \"reference\": \"AUTH-DSB-0777\"}");
        assertThat(approved.json().get("state").asText()).as(approved.body()).isEqualTo("APPROVED");

        assertThat(server.as(Role.APPROVER)
                        .post("/api/v1/releases/" + id + "/execute", "{\"value_date\": \"2024-07-17\"}")
                        .status())
                .isEqualTo(403);
        // The maker does not pay what they made; another operator executes.
        ApiClient.Response byMaker = server.as(Role.OPERATOR)
                .post("/api/v1/releases/DR-2024-0777/execute", "{\"value_date\": \"2024-07-17\"}");
        assertThat(byMaker.status()).isEqualTo(403);
        assertThat(byMaker.json().get("code").asText()).isEqualTo("MAKER_DOES_NOT_EXECUTE");
        // A later value date schedules the execution and moves nothing now; an earlier one is refused (issue 23).
        ApiClient payer = another("operator-4", Role.OPERATOR);
        ApiClient.Response scheduled =
                payer.post("/api/v1/releases/DR-2024-0777/execute", "{\"value_date\": \"2024-07-20\"}");
        assertThat(scheduled.json().get("state").asText()).as(scheduled.body()).isEqualTo("SCHEDULED");
        JsonNode notYet = scheduled.json().path("execution");
        assertThat(notYet.isNull() || notYet.isMissingNode()).isTrue();
        ApiClient.Response past =
                payer.post("/api/v1/releases/DR-2024-0777/execute", "{\"value_date\": \"2024-07-16\"}");
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.json().get("code").asText()).isEqualTo("VALUE_DATE_IN_PAST");
        ApiClient.Response executed =
                payer.post("/api/v1/releases/DR-2024-0777/execute", "{\"value_date\": \"2024-07-17\"}");
        assertThat(executed.json().get("state").asText()).as(executed.body()).isEqualTo("EXECUTED");
        assertThat(executed.json().get("execution").get("authorisation").asText())
                .isEqualTo("W-20");

        ApiClient.Response xml = server.as(Role.AUDITOR).get("/api/v1/releases/" + id + "/pacs008");
        assertThat(xml.status()).isEqualTo(200);
        assertThat(xml.contentType()).startsWith("application/xml");
        assertThat(MessageSchemas.validatePacs008(xml.body())).isEmpty();
        assertThat(xml.body()).contains("<EndToEndId>DR-2024-0777</EndToEndId>").contains("AUTH-DSB-0777");

        JsonNode listed =
                server.as(Role.AUDITOR).get("/api/v1/releases?state=EXECUTED").json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("transitions").size()).isGreaterThanOrEqualTo(4);
        assertThat(server.as(Role.OPERATOR)
                        .get("/api/v1/release-follow-ups/overdue?as_of=2024-08-17")
                        .json())
                .hasSize(3);
    }
}
