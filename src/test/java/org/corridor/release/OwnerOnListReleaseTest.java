package org.corridor.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.corridor.app.Corridor;
import org.corridor.identity.Role;
import org.corridor.testing.ApiClient;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.corridor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Finding 2 of issue 23, end to end over HTTP with the shipped lists: ownership data names the
 * IRGC, by name only, as 60% owner of the vendor. Its owner is screened like a party, so the
 * vendor's release stops for review instead of executing.
 */
class OwnerOnListReleaseTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        Corridor corridor = TestCorridor.create(MutableClock.at("2024-07-17T06:00:00Z"));
        server = new TestServer(corridor);
        ReleaseFixtures.nigcUnderW20(corridor, "owner-on-list");
        new PaidReleases(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_release_to_a_vendor_60_percent_owned_by_the_irgc_named_without_a_listing_reference_cannot_execute() {
        ApiClient.Response recorded = server.as(Role.COMPLIANCE_ANALYST).post("/api/v1/ownership/edges", """
                {"edges": [{"owner_id": "irgc", "owner_name": "ISLAMIC REVOLUTIONARY GUARD CORPS",
                  "owned_id": "alpenmed-pharma-ag", "owned_name": "Alpenmed Pharma AG", "share_percent": "60",
                  "source": "vendor's shareholder register", "as_of": "2024-06-30"}]}""");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);

        JsonNode vendor = server.as(Role.OPERATOR)
                .get("/api/v1/ownership/parties/alpenmed-pharma-ag/explain")
                .json();
        assertThat(vendor.get("status").asText()).as(vendor.toString()).isNotEqualTo("CLEAR");

        ApiClient.Response submitted = server.as(Role.BENEFICIARY_AGENT)
                .post("/api/v1/releases", ReleaseHttpTest.REQUEST.replace("DR-2024-0777", "DR-IRGC-OWNED"));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = submitted.json().get("request").get("id").asText();
        // Whatever name hits the request raised are cleared with four eyes; an ownership hit is left open.
        for (JsonNode hit : server.as(Role.COMPLIANCE_ANALYST)
                .get("/api/v1/hits?state=OPEN")
                .json()) {
            if (hit.get("source").asText().equals("OWNERSHIP")) {
                continue;
            }
            String path = "/api/v1/hits/" + hit.get("id").asText() + "/dispositions";
            server.as(Role.COMPLIANCE_ANALYST)
                    .post(path, "{\"decision\": \"FALSE_POSITIVE\", \"rationale\": \"different entity\"}");
            server.as(Role.COMPLIANCE_REVIEWER)
                    .post(path, "{\"decision\": \"FALSE_POSITIVE\", \"rationale\": \"confirmed\"}");
        }
        String approvals = "/api/v1/releases/" + id + "/approvals";
        server.as(Role.OPERATOR).post(approvals, "{\"step\": \"MAKER\"}");
        server.as(Role.APPROVER).post(approvals, "{\"step\": \"COMPLIANCE\"}");
        server.person("authority-desk", Role.OPERATOR)
                .post(approvals, "{\"step\": \"AUTHORITY\", \"reference\": \"AUTH-IRGC\"}");
        ApiClient.Response executed = server.person("paying-desk", Role.OPERATOR)
                .post("/api/v1/releases/" + id + "/execute", "{\"value_date\": \"2024-07-17\"}");

        JsonNode release =
                server.as(Role.OPERATOR).get("/api/v1/releases/" + id).json();
        assertThat(release.get("state").asText()).as(executed.body()).isNotEqualTo("EXECUTED");
        assertThat(release.get("hits").findValuesAsText("source")).contains("OWNERSHIP");
    }
}
