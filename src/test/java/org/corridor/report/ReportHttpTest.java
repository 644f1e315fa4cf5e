package org.corridor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.corridor.identity.Role;
import org.corridor.settlement.Scenario;
import org.corridor.testing.ApiClient;
import org.corridor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reports, idle funds, alerts and legal holds over HTTP, with the role checks. */
class ReportHttpTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        new Scenario(server.corridor()).all();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void idle_funds_as_of_a_date_for_the_auditor() {
        ApiClient.Response response = server.as(Role.AUDITOR).get("/api/v1/idle-funds?as_of=2024-09-30");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode view = response.json();
        assertThat(view.get("total_eur").get("amount").asText()).isEqualTo("8833354025.00");
        assertThat(view.get("deposited_eur").get("amount").asText()).isEqualTo("833504025.00");
        assertThat(view.get("gap_days").asLong()).isEqualTo(7);
        assertThat(
                        view.get("older_than90_days_percent") == null
                                ? view.get("older_than_90_days_percent").asText()
                                : view.get("older_than90_days_percent").asText())
                .isEqualTo("89.4");
        JsonNode nigc = view.get("accounts").get(1);
        assertThat(nigc.get("account").asText()).isEqualTo("NIGC-IQD-R");
        assertThat(
                        nigc.get("over365_days") == null
                                ? nigc.get("over_365_days").get("amount").asText()
                                : nigc.get("over365_days").get("amount").asText())
                .isEqualTo("9687600000000.000");
    }

    @Test
    void roles_without_report_read_are_refused() {
        assertThat(server.anonymous().get("/api/v1/idle-funds").status()).isEqualTo(401);
        assertThat(server.as(Role.PAYER).get("/api/v1/idle-funds").status()).isEqualTo(403);
        assertThat(server.as(Role.BENEFICIARY_AGENT)
                        .get("/api/v1/reports/rpt-2?from=2024-07-01&to=2024-09-30")
                        .status())
                .isEqualTo(403);
        assertThat(server.as(Role.AUDITOR)
                        .post("/api/v1/legal-holds", "{\"subject\":\"all\",\"reason\":\"x\"}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void reports_download_in_their_formats_and_refuse_others() {
        ApiClient auditor = server.as(Role.AUDITOR);
        ApiClient.Response csv = auditor.get("/api/v1/reports/RPT-3?from=2024-07-01&to=2024-09-30&format=csv");
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).contains("IRAQ-ENERGY,2024-07-09,2024-07-15,7,W-19,W-20,false");
        ApiClient.Response pdf = auditor.get("/api/v1/reports/idle-funds?from=2024-07-01&to=2024-09-30&format=pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        ApiClient.Response json = auditor.get("/api/v1/reports/rpt-9?from=2020-01-01&to=2030-12-31");
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        assertThat(json.json().get("report").asText()).isEqualTo("RPT-9");

        ApiClient.Response refused = auditor.get("/api/v1/reports/rpt-4?from=2024-07-01&to=2024-07-31&format=pdf");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asText()).isEqualTo("REPORT_FORMAT_UNSUPPORTED");
        assertThat(auditor.get("/api/v1/reports/rpt-11?from=2024-07-01&to=2024-07-31")
                        .status())
                .isEqualTo(404);
        assertThat(auditor.get("/api/v1/reports/rpt-1").status()).isEqualTo(422);
        assertThat(auditor.get("/api/v1/reports/rpt-1?from=2024-08-01&to=2024-07-01")
                        .status())
                .isEqualTo(422);
        assertThat(auditor.get("/api/v1/reports").json().size()).isEqualTo(10);
    }

    @Test
    void alerts_are_listed_for_a_date() {
        ApiClient.Response response = server.as(Role.OPERATOR).get("/api/v1/alerts?as_of=2024-07-10");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("NO_VALID_AUTHORISATION").contains("FUNDS_IDLE");
    }

    @Test
    void legal_holds_are_placed_listed_and_released_by_compliance() {
        ApiClient reviewer = server.as(Role.COMPLIANCE_REVIEWER);
        ApiClient.Response placed =
                reviewer.post("/api/v1/legal-holds", "{\"subject\":\"contract:NIGC-GAS-2024\",\"reason\":\"case 17\"}");
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String id = placed.json().get("id").asText();
        assertThat(server.as(Role.AUDITOR).get("/api/v1/legal-holds").body()).contains(id);
        ApiClient.Response retention = server.as(Role.AUDITOR).get("/api/v1/retention?as_of=2040-01-01");
        assertThat(retention.status()).isEqualTo(200);
        assertThat(retention.body()).contains("LEGAL_HOLD").contains("ELIGIBLE");
        assertThat(reviewer.post("/api/v1/legal-holds", "{}").status()).isEqualTo(422);
        ApiClient.Response released =
                reviewer.post("/api/v1/legal-holds/" + id + "/release", "{\"reason\":\"case closed\"}");
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(released.json().get("released_by").asText()).isEqualTo("compliance-reviewer");
        assertThat(reviewer.post("/api/v1/legal-holds/" + id + "/release", "{\"reason\":\"again\"}")
                        .status())
                .isEqualTo(409);
    }
}
