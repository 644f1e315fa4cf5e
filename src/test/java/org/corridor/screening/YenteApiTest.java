package org.corridor.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
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

/**
 * The yente-compatible API over real HTTP, with requests and answers shaped as yente's published
 * documentation shows, against the shipped OFAC SDN list, the small UN list and the hand-written
 * FollowTheMoney fixture.
 */
class YenteApiTest {

    private static final String MAHAN_AIR = "ofac_sdn-12927";

    /** Five example entities as a yente client sends them (yente's /match documentation). */
    private static final String FIVE_QUERIES = """
            {"queries": {
              "airline": {"schema": "Company", "properties": {"name": ["Mahan Air"], "jurisdiction": ["ir"]}},
              "entity1": {"schema": "Person", "properties":
                  {"name": ["John Doe"], "birthDate": ["1975-04-21"], "nationality": ["us"]}},
              "entity2": {"schema": "Company", "properties":
                  {"name": ["Brilliant Amazing Limited"], "jurisdiction": ["hk"], "registrationNumber": ["84BA99810"]}},
              "ship": {"schema": "Vessel", "properties": {"name": ["Northern Star"], "imoNumber": ["9000001"]}},
              "cyrillic": {"schema": "Person", "properties":
                  {"name": ["Борис Петровский"], "birthDate": ["1965"], "nationality": ["ru"]}}
            }}
            """;

    private static TestServer server;
    private static ListVersion sdn;
    private static ListVersion opensanctions;

    @BeforeAll
    static void start() {
        server = new TestServer(TestCorridor.create(MutableClock.at("2026-03-01T08:00:00Z")));
        Screening screening = server.corridor().screening();
        Actor admin = new Actor("admin", "ADMIN");
        sdn = screening.importSnapshot(
                admin, ShippedLists.load(EnumSet.of(SanctionsList.OFAC_SDN)).get(0), "shipped");
        screening.importSnapshot(admin, Fixtures.un(), "un-small.xml");
        opensanctions = screening.importSnapshot(admin, FtmListTest.fixture(), "opensanctions-small.ftm.json.gz");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void match_sanctions_with_five_yente_queries_answers_in_yentes_shape_with_mahan_air_first() {
        ApiClient.Response response = server.as(Role.COMPLIANCE_ANALYST).post("/match/sanctions", FIVE_QUERIES);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(fieldNames(body.get("responses")))
                .containsExactly("airline", "entity1", "entity2", "ship", "cyrillic");
        assertThat(body.get("limit").asInt()).isEqualTo(5);
        assertThat(body.get("matcher").get("name").asText()).isEqualTo("corridor");
        assertThat(fieldNames(body.get("matcher").get("features"))).contains("name", "birth_date");
        for (JsonNode answer : body.get("responses")) {
            assertThat(answer.get("status").asInt()).isEqualTo(200);
            assertThat(answer.get("total").get("relation").asText()).isEqualTo("eq");
            assertThat(answer.get("total").get("value").asInt())
                    .isGreaterThanOrEqualTo(answer.get("results").size());
        }
        JsonNode airline = body.get("responses").get("airline");
        assertThat(airline.get("query").get("schema").asText()).isEqualTo("Company");
        assertThat(airline.get("query").get("properties").get("name").get(0).asText())
                .isEqualTo("Mahan Air");
        JsonNode first = airline.get("results").get(0);
        assertThat(first.get("id").asText()).isEqualTo(MAHAN_AIR);
        assertThat(first.get("caption").asText()).isEqualTo("MAHAN AIR");
        assertThat(first.get("schema").asText()).isEqualTo("Organization");
        assertThat(first.get("match").asBoolean()).isTrue();
        assertThat(first.get("score").asDouble()).isGreaterThanOrEqualTo(0.9);
        assertThat(first.get("datasets").toString()).isEqualTo("[\"ofac_sdn\"]");
        assertThat(first.get("properties").get("name").get(0).asText()).isEqualTo("MAHAN AIR");
        assertThat(first.get("properties").get("programId").toString()).contains("SDGT");
        assertThat(first.get("features").get("name").asDouble()).isPositive();
        assertThat(first.get("explanations").get("name").get("detail").asText()).isNotBlank();
        assertThat(first.get("explanations").get("name").get("score").asDouble())
                .isPositive();
        assertThat(first.has("referents")).isTrue();

        assertThat(body.get("responses").get("entity1").get("results")).isEmpty();
        assertThat(body.get("responses").get("entity2").get("results")).isEmpty();
        JsonNode ship = body.get("responses").get("ship").get("results").get(0);
        assertThat(ship.get("id").asText()).isEqualTo("NK-fixture-vessel-1");
        assertThat(ship.get("datasets").toString()).isEqualTo("[\"opensanctions\"]");
        assertThat(ship.get("match").asBoolean()).isTrue();
        JsonNode boris = body.get("responses").get("cyrillic").get("results").get(0);
        assertThat(boris.get("id").asText()).isEqualTo("NK-fixture-person-1");
        assertThat(boris.get("referents").toString()).contains("us-ofac-90001");

        AuditEntry entry = lastAudit("screening.match");
        assertThat(entry.actor()).isEqualTo("compliance-analyst");
        assertThat(entry.versions()).contains(sdn.label()).contains(opensanctions.label());
        assertThat(entry.outcome()).contains("OFAC_SDN:12927");
    }

    @Test
    void threshold_cutoff_limit_algorithm_and_excluded_ids_shape_the_answer() {
        String one = """
                {"queries": {"q": {"schema": "Company", "properties": {"name": ["Mahan Air"]}}}}
                """;
        ApiClient.Response strict =
                server.as(Role.OPERATOR).post("/match/ofac_sdn?threshold=1&cutoff=0.5&limit=2&algorithm=logic-v1", one);

        assertThat(strict.status()).as(strict.body()).isEqualTo(200);
        JsonNode body = strict.json();
        assertThat(body.get("limit").asInt()).isEqualTo(2);
        assertThat(body.get("matcher").get("name").asText()).isEqualTo("logic-v1");
        JsonNode results = body.get("responses").get("q").get("results");
        assertThat(results.size()).isBetween(1, 2);
        for (JsonNode result : results) {
            assertThat(result.get("match").asBoolean())
                    .isEqualTo(result.get("score").asDouble() >= 1.0);
            assertThat(result.get("score").asDouble()).isGreaterThanOrEqualTo(0.5);
        }

        JsonNode excluded = server.as(Role.OPERATOR)
                .post("/match/sanctions?exclude_entity_ids=" + MAHAN_AIR, one)
                .json();
        assertThat(excluded.get("responses").get("q").get("results").toString()).doesNotContain(MAHAN_AIR);

        String boris = """
                {"queries": {"q": {"schema": "Person", "properties": {"name": ["Boris Ivanovich Petrovsky"]}}}}
                """;
        JsonNode byReferent = server.as(Role.OPERATOR)
                .post("/match/sanctions?exclude_entity_ids=gb-hmt-90002", boris)
                .json();
        assertThat(byReferent.get("responses").get("q").get("results").toString())
                .doesNotContain("NK-fixture-person-1");
        JsonNode otherDataset =
                server.as(Role.OPERATOR).post("/match/un", boris).json();
        assertThat(otherDataset.get("responses").get("q").get("results")).isEmpty();
    }

    @Test
    void entities_search_and_catalogue_answer_as_yente_does() {
        ApiClient client = server.as(Role.COMPLIANCE_REVIEWER);

        JsonNode entity = client.get("/entities/" + MAHAN_AIR).json();
        assertThat(entity.get("caption").asText()).isEqualTo("MAHAN AIR");
        assertThat(entity.get("datasets").toString()).isEqualTo("[\"ofac_sdn\"]");
        JsonNode merged = client.get("/entities/us-ofac-90001").json();
        assertThat(merged.get("id").asText()).isEqualTo("NK-fixture-person-1");
        assertThat(merged.get("properties").get("alias").toString()).contains("Борис Иванович Петровский");
        ApiClient.Response unknown = client.get("/entities/no-such-entity");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();

        ApiClient.Response search = client.get("/search/sanctions?q=Mahan%20Air&limit=3");
        assertThat(search.status()).as(search.body()).isEqualTo(200);
        assertThat(search.json().get("results").get(0).get("id").asText()).isEqualTo(MAHAN_AIR);
        assertThat(search.json().get("limit").asInt()).isEqualTo(3);
        assertThat(search.json().get("total").get("value").asInt()).isPositive();
        assertThat(lastAudit("screening.search").subject()).isEqualTo("Mahan Air");

        JsonNode catalog = server.as(Role.AUDITOR).get("/catalog").json();
        JsonNode datasets = catalog.get("datasets");
        assertThat(datasets.get(0).get("name").asText()).isEqualTo("sanctions");
        assertThat(datasets.get(0).get("children").toString()).isEqualTo("[\"ofac_sdn\",\"un\",\"opensanctions\"]");
        List<String> names = new ArrayList<>();
        datasets.forEach(dataset -> names.add(dataset.get("name").asText()));
        assertThat(names).containsExactly("sanctions", "ofac_sdn", "un", "opensanctions");
        assertThat(datasets.get(1).get("version").asText()).isEqualTo(sdn.label());
        assertThat(catalog.get("current").toString()).contains("opensanctions");
    }

    @Test
    void bad_requests_and_callers_without_the_screening_role_are_refused_with_a_reason() {
        String one = """
                {"queries": {"q": {"schema": "Person", "properties": {"name": ["Jane Ordinary"]}}}}
                """;
        assertThat(server.anonymous().post("/match/sanctions", one).status()).isEqualTo(401);
        assertThat(server.as(Role.AUDITOR).post("/match/sanctions", one).status())
                .isEqualTo(403);
        assertThat(server.as(Role.PAYER).get("/entities/" + MAHAN_AIR).status()).isEqualTo(403);

        ApiClient analyst = server.as(Role.COMPLIANCE_ANALYST);
        assertRefused(analyst.post("/match/no_such_list", one), 404, "DATASET_UNKNOWN");
        assertRefused(analyst.post("/match/sanctions?algorithm=magic", one), 422, "ALGORITHM_UNKNOWN");
        assertRefused(analyst.post("/match/sanctions?threshold=2", one), 422, "threshold");
        assertRefused(
                analyst.post(
                        "/match/sanctions", "{\"queries\": {\"q\": {\"schema\": \"Planet\", \"properties\": {}}}}"),
                422,
                "queries.q.schema");
        assertRefused(
                analyst.post(
                        "/match/sanctions", "{\"queries\": {\"q\": {\"schema\": \"Person\", \"properties\": {}}}}"),
                422,
                "queries.q.properties.name");
        assertRefused(
                analyst.post(
                        "/match/sanctions",
                        "{\"queries\": {\"q\": {\"schema\": \"Person\", \"properties\":"
                                + " {\"name\": [\"A B\"], \"birthDate\": [\"yesterday\"]}}}}"),
                422,
                "queries.q.properties.birthDate");
        assertRefused(
                analyst.post("/match/sanctions", "{\"weights\": {\"name_literal\": 0.8}, \"queries\": {}}"),
                422,
                "weights");
        assertRefused(analyst.post("/match/sanctions", "{\"queries\": {}}"), 422, "queries");
        assertRefused(analyst.get("/search/sanctions"), 422, "q");
        assertRefused(analyst.post("/match/sanctions?topics=sanction", one), 422, "PARAMETER_UNSUPPORTED");
    }

    private static void assertRefused(ApiClient.Response response, int status, String reason) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.body()).isTrue();
        assertThat(response.body()).contains(reason);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
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
