package org.corridor.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEntry;
import org.corridor.identity.Role;
import org.corridor.testing.ApiClient;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.corridor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The screening routes over real HTTP, against the small fixture lists. */
class ScreeningHttpTest {

    private static TestServer server;
    private static ListVersion sdn;
    private static ListVersion un;

    @BeforeAll
    static void start() {
        server = new TestServer(TestCorridor.create(MutableClock.at("2026-03-01T08:00:00Z")));
        Screening screening = server.corridor().screening();
        Actor admin = new Actor("admin", "ADMIN");
        sdn = screening.importSnapshots(admin, Fixtures.ofac(), "ofac-small").get(0);
        un = screening.importSnapshot(admin, Fixtures.un(), "un-small.xml");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void one_party_gets_its_explained_hits_and_the_list_versions_used_and_is_audited() {
        ApiClient.Response response = server.as(Role.COMPLIANCE_ANALYST).post("/api/v1/screening/parties", """
                {"name": "Ghasem Soleymani", "type": "PERSON", "birth_date": "1957-03-11", "nationality": "Iran"}
                """);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("outcome").asText()).isEqualTo("POTENTIAL_MATCH");
        JsonNode hit = body.get("hits").get(0);
        assertThat(hit.get("list").asText()).isEqualTo("OFAC_SDN");
        assertThat(hit.get("entity_id").asText()).isEqualTo("10481");
        assertThat(hit.get("entity_name").asText()).isEqualTo("SOLEIMANI, Qasem");
        assertThat(hit.get("matched_name").asText()).isNotBlank();
        assertThat(hit.get("score").asDouble()).isGreaterThanOrEqualTo(0.9);
        assertThat(hit.get("programmes").toString()).contains("IRGC");
        assertThat(hit.get("why").toString()).contains("birth_date");
        assertThat(body.get("list_versions").get("OFAC_SDN").asText()).isEqualTo(sdn.label());
        assertThat(body.get("list_versions").get("UN").asText()).isEqualTo(un.label());

        AuditEntry entry = lastAudit("screening.screen");
        assertThat(entry.actor()).isEqualTo("compliance-analyst");
        assertThat(entry.subject()).isEqualTo("Ghasem Soleymani");
        assertThat(entry.versions()).contains(sdn.label()).contains(un.label());
        assertThat(entry.outcome()).contains("OFAC_SDN:10481");
    }

    @Test
    void a_batch_answers_in_input_order_against_one_set_of_versions() {
        ApiClient.Response response = server.as(Role.OPERATOR).post("/api/v1/screening/batch", """
                {"parties": [
                  {"id": "c-1", "name": "Jane Ordinary"},
                  {"id": "v-1", "name": "MV Artavil", "type": "Vessel",
                   "identifiers": [{"type": "IMO", "value": "IMO 9187629"}]},
                  {"name": "SADDAM HUSSEIN AL-TIKRITI", "nationality": "IQ"}
                ], "threshold": 0.7, "limit": 3}
                """);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode results = response.json().get("results");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).get("index").asInt()).isZero();
        assertThat(results.get(0).get("id").asText()).isEqualTo("c-1");
        assertThat(results.get(0).get("outcome").asText()).isEqualTo("CLEAR");
        assertThat(results.get(1).get("hits").get(0).get("entity_id").asText()).isEqualTo("15036");
        assertThat(results.get(1).get("hits").get(0).get("score").asDouble()).isEqualTo(1.0);
        assertThat(results.get(2).get("hits").get(0).get("list").asText()).isEqualTo("UN");
        assertThat(response.json().get("list_versions").get("UN").asText()).isEqualTo(un.label());
        assertThat(lastAudit("screening.batch").versions()).contains(un.label());
    }

    @Test
    void bad_parties_are_refused_with_the_field_named() {
        ApiClient client = server.as(Role.APPROVER);
        assertThat(client.post("/api/v1/screening/parties", "{}").status()).isEqualTo(422);
        ApiClient.Response badDate =
                client.post("/api/v1/screening/parties", "{\"name\": \"X\", \"birth_date\": \"11/13/14/1957\"}");
        assertThat(badDate.status()).isEqualTo(422);
        assertThat(badDate.body()).contains("birth_date");
        assertThat(client.post("/api/v1/screening/parties", "{\"name\": \"X\", \"nationality\": \"Swaziland\"}")
                        .status())
                .isEqualTo(200);
        StringBuilder many = new StringBuilder("{\"parties\": [");
        for (int i = 0; i <= ScreeningRoutes.MAX_BATCH; i++) {
            many.append(i == 0 ? "" : ",").append("{\"name\": \"N").append(i).append("\"}");
        }
        assertThat(client.post("/api/v1/screening/batch", many.append("]}").toString())
                        .status())
                .isEqualTo(422);
        assertThat(client.post("/api/v1/screening/parties", "{\"name\": \"X\", \"threshold\": 2}")
                        .status())
                .isEqualTo(422);
    }

    @Test
    void a_batch_screens_every_party_and_names_each_unreadable_field() {
        ApiClient.Response response = server.as(Role.OPERATOR).post("/api/v1/screening/batch", """
                {"parties": [
                  {"id": "a", "name": "SADDAM HUSSEIN AL-TIKRITI", "birth_date": "1937-4-28", "nationality": "Swaziland"},
                  {"id": "b", "name": "SADDAM HUSSEIN AL-TIKRITI", "type": "Spaceship", "birth_date": "circa 1937"},
                  {"id": "c", "name": "SADDAM HUSSEIN AL-TIKRITI", "birth_date": "someday", "nationality": "Atlantis",
                   "identifiers": [{"type": "PASSPORT"}]},
                  {"id": "d", "name": " "},
                  {"id": "e", "name": "Jane Ordinary", "nationality": "East Timor", "birth_date": "16/07/1969"}
                ]}
                """);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode results = response.json().get("results");
        assertThat(results).hasSize(5);
        assertThat(results.get(0).get("warnings")).isEmpty();
        assertThat(results.get(0).get("outcome").asText()).isEqualTo("POTENTIAL_MATCH");
        assertThat(results.get(1).get("warnings").toString()).contains("parties[1].type");
        assertThat(results.get(1).get("outcome").asText()).isEqualTo("POTENTIAL_MATCH");
        assertThat(results.get(2).get("warnings")).hasSize(3);
        assertThat(results.get(2).get("warnings").toString())
                .contains("parties[2].birth_date")
                .contains("parties[2].nationality")
                .contains("parties[2].identifiers[0]");
        assertThat(results.get(2).get("outcome").asText()).isEqualTo("POTENTIAL_MATCH");
        assertThat(results.get(3).get("outcome").asText()).isEqualTo("NOT_SCREENED");
        assertThat(results.get(3).get("warnings").toString()).contains("parties[3].name");
        assertThat(results.get(4).get("warnings")).isEmpty();
        assertThat(results.get(4).get("outcome").asText()).isEqualTo("CLEAR");
    }

    @Test
    void the_lists_route_shows_active_versions_and_history() {
        ApiClient.Response response = server.as(Role.AUDITOR).get("/api/v1/screening/lists");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode active = response.json().get("active");
        assertThat(active).hasSize(3);
        assertThat(active.get(0).get("list").asText()).isEqualTo("OFAC_SDN");
        assertThat(active.get(0).get("version").asText()).isEqualTo(sdn.label());
        assertThat(active.get(0).get("entity_count").asInt()).isEqualTo(6);
        assertThat(active.get(0).get("active").asBoolean()).isTrue();
        assertThat(response.json().get("history")).hasSize(3);
        assertThat(server.as(Role.PAYER).get("/api/v1/screening/lists").status())
                .isEqualTo(403);
        assertThat(server.as(Role.AUDITOR)
                        .post("/api/v1/screening/parties", "{\"name\": \"X\"}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void with_no_lists_in_the_database_screening_answers_409_not_clear() {
        try (TestServer empty = TestServer.start()) {
            ApiClient.Response response =
                    empty.as(Role.OPERATOR).post("/api/v1/screening/parties", "{\"name\": \"Qasem Soleimani\"}");
            assertThat(response.status()).isEqualTo(409);
            assertThat(response.body()).contains("NO_ACTIVE_LISTS");
        }
    }

    private static AuditEntry lastAudit(String action) {
        List<AuditEntry> entries =
                server.corridor().audit().list(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 0, 10_000).stream()
                        .filter(entry -> entry.action().equals(action))
                        .toList();
        assertThat(entries).isNotEmpty();
        return entries.get(entries.size() - 1);
    }
}
