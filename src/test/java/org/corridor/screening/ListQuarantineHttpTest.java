package org.corridor.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.corridor.audit.Actor;
import org.corridor.identity.Role;
import org.corridor.testing.ApiClient;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.corridor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 16 over HTTP: the quarantine is shown, and only a second person with LISTS_CONFIRM decides. */
class ListQuarantineHttpTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(TestCorridor.create(MutableClock.at("2026-03-01T08:00:00Z")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void the_importer_is_refused_by_the_api_and_a_reviewer_confirms_the_shrunken_version() {
        Screening screening = server.corridor().screening();
        Actor admin = new Actor("admin", "ADMIN");
        ListVersion full = screening.importSnapshot(admin, ListQuarantineTest.list(SanctionsList.UN, 40, 0, "a"), "f");
        ListVersion shrunk =
                screening.importSnapshot(admin, ListQuarantineTest.list(SanctionsList.UN, 30, 0, "b"), "s");

        JsonNode lists = server.as(Role.AUDITOR).get("/api/v1/screening/lists").json();
        JsonNode activeUn = null;
        for (JsonNode version : lists.get("active")) {
            activeUn = version.get("list").asText().equals("UN") ? version : activeUn;
        }
        assertThat(activeUn.get("id").asLong()).isEqualTo(full.id());
        assertThat(lists.get("quarantined").get(0).get("version").get("id").asLong())
                .isEqualTo(shrunk.id());
        assertThat(lists.get("quarantined").get(0).get("removed").asInt()).isEqualTo(10);

        String confirm = "/api/v1/screening/lists/" + shrunk.id() + "/confirm";
        ApiClient.Response self = server.as(Role.ADMIN).post(confirm, "");
        assertThat(self.status()).as(self.body()).isEqualTo(403);
        assertThat(self.json().get("code").asText()).isEqualTo("LIST_SELF_CONFIRMATION");
        ApiClient.Response operator = server.as(Role.OPERATOR).post(confirm, "");
        assertThat(operator.status()).isEqualTo(403);
        assertThat(operator.json().get("code").asText()).isEqualTo("ROLE_NOT_PERMITTED");
        ApiClient.Response noReason =
                server.as(Role.COMPLIANCE_REVIEWER).post("/api/v1/screening/lists/" + shrunk.id() + "/reject", "{}");
        assertThat(noReason.status()).isEqualTo(422);

        ApiClient.Response reviewer = server.as(Role.COMPLIANCE_REVIEWER).post(confirm, "");

        assertThat(reviewer.status()).as(reviewer.body()).isEqualTo(200);
        assertThat(reviewer.json().get("active").asBoolean()).isTrue();
        assertThat(screening.active().get(SanctionsList.UN).id()).isEqualTo(shrunk.id());
        ApiClient.Response again = server.as(Role.COMPLIANCE_REVIEWER).post(confirm, "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("LIST_NOT_QUARANTINED");
    }

    @Test
    void health_screening_answers_and_alerts_name_a_stale_list_and_health_stays_up() {
        Screening screening = server.corridor().screening();
        screening.importSnapshot(
                new Actor("admin", "ADMIN"),
                new ListSnapshot(
                        SanctionsList.OFAC_NON_SDN,
                        "2025-01-31",
                        Fixtures.sha256("stale"),
                        ListQuarantineTest.list(SanctionsList.OFAC_NON_SDN, 3, 0, "stale")
                                .entities()),
                "an old file");

        ApiClient.Response health = server.anonymous().get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(health.json().get("warnings").toString()).contains("LIST_STALE OFAC_NON_SDN");

        JsonNode answer = server.as(Role.COMPLIANCE_ANALYST)
                .post("/api/v1/screening/parties", "{\"name\": \"Jane Ordinary\"}")
                .json();
        assertThat(answer.get("list_notices").toString()).contains("LIST_STALE").contains("OFAC_NON_SDN");

        JsonNode alerts = server.as(Role.OPERATOR).get("/api/v1/alerts").json();
        assertThat(alerts.toString()).contains("LIST_STALE").contains("OFAC_NON_SDN");
    }
}
