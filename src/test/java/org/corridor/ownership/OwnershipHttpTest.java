package org.corridor.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.corridor.identity.Role;
import org.corridor.testing.ApiClient;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.corridor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ownership and vessel routes over real HTTP, with the roles of the matrix. */
class OwnershipHttpTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(TestCorridor.create(MutableClock.at("2024-07-08T09:00:00Z")));
        ApiClient.Response imported = server.as(Role.COMPLIANCE_ANALYST)
                .post("/api/v1/ownership/import?name=gulf-star.csv", OwnershipTest.FORWARDER_CSV);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void explain_answers_with_the_status_both_shares_and_the_named_paths() {
        ApiClient.Response response =
                server.as(Role.AUDITOR).get("/api/v1/ownership/parties/gulf-star-logistics-fze/explain");
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("status").asText()).isEqualTo("BLOCKED_BY_OWNERSHIP");
        assertThat(body.get("blocked_share_percent").asText()).isEqualTo("55");
        assertThat(body.get("listed_path_share_percent").asText()).isEqualTo("55");
        assertThat(body.get("listed_paths").get(0).get("text").asText())
                .isEqualTo("Entity X [DEMO:ENTITY-X] -[30%]-> Gulf Star Logistics FZE = 30%");
        assertThat(body.get("listed_paths")
                        .get(0)
                        .get("hops")
                        .get(0)
                        .get("source")
                        .asText())
                .isEqualTo(OwnershipTest.REGISTER);
        assertThat(body.get("blocked_owners")
                        .get(1)
                        .get("listings")
                        .get(0)
                        .get("entity_id")
                        .asText())
                .isEqualTo("ENTITY-Y");
        assertThat(body.get("reasons").get(0).get("code").asText()).isEqualTo("BLOCKED_BY_OWNERSHIP");
        assertThat(body.get("explanation").get(0).asText())
                .isEqualTo("Gulf Star Logistics FZE (gulf-star-logistics-fze): BLOCKED_BY_OWNERSHIP");
    }

    @Test
    void a_json_batch_is_recorded_and_refused_whole_with_the_row_named() {
        ApiClient analyst = server.as(Role.COMPLIANCE_REVIEWER);
        ApiClient.Response refused = analyst.post("/api/v1/ownership/edges", """
                {"edges": [
                  {"owner_id": "k", "owner_name": "K", "owned_id": "m", "owned_name": "M", "share_percent": "40",
                   "source": "register", "as_of": "2024-06-30"},
                  {"owner_id": "l", "owner_name": "L", "owned_id": "m", "owned_name": "M", "share_percent": "-5",
                   "source": "register", "as_of": "2024-06-30"}
                ]}""");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asText()).isEqualTo("SHARE_OUT_OF_RANGE");
        assertThat(refused.json().get("detail").asText())
                .isEqualTo("1 row refused, nothing imported: edges[1]: a share is from 0 to 100 percent: -5");
        assertThat(server.as(Role.AUDITOR)
                        .get("/api/v1/ownership/parties/m/explain")
                        .status())
                .isEqualTo(404);

        ApiClient.Response recorded = analyst.post("/api/v1/ownership/edges", """
                {"edges": [
                  {"owner_id": "k", "owner_name": "K", "owner_kind": "PERSON", "owner_listing": "UK:RUS0001",
                   "owned_id": "m", "owned_name": "M", "share_percent": "40", "source": "register",
                   "as_of": "2024-06-30"},
                  {"owner_id": "k", "owner_name": "K", "owned_id": "m", "kind": "CONTROL", "source": "board minutes",
                   "as_of": "2024-06-30"}
                ]}""");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().get("edges_written").asInt()).isEqualTo(2);
        JsonNode explained = server.as(Role.OPERATOR)
                .get("/api/v1/ownership/parties/m/explain")
                .json();
        // K is on the UK list: the UK rule counts control, so M is subject to it; the regime and rule are named.
        assertThat(explained.get("status").asText()).isEqualTo("BLOCKED_BY_OWNERSHIP");
        assertThat(explained.get("regime").asText()).isEqualTo("UK");
        assertThat(explained.get("rule").asText()).startsWith("UK_OWNED_OR_CONTROLLED: ");
        assertThat(explained.get("reasons").findValuesAsText("code"))
                .containsExactly("MINORITY_BLOCKED_INTEREST", "CONTROL_BY_BLOCKED_PERSON");
        assertThat(explained.get("regimes"))
                .extracting(regime -> regime.get("regime").asText() + " "
                        + regime.get("status").asText())
                .containsExactly("OFAC CLEAR", "EU CLEAR", "UK BLOCKED_BY_OWNERSHIP");

        ApiClient.Response history = server.as(Role.AUDITOR).get("/api/v1/ownership/parties/m/edges");
        assertThat(history.json().size()).isEqualTo(2);
        assertThat(history.json().get(0).get("recorded_by").asText()).isEqualTo("compliance-reviewer");
    }

    @Test
    void a_bad_csv_upload_is_a_422_naming_the_line() {
        ApiClient.Response response = server.as(Role.COMPLIANCE_ANALYST).post("/api/v1/ownership/import", """
                owner_id,owner_name,owned_id,owned_name,share_percent,source,as_of
                p,P,q,Q,33.33333,register,2024-06-30
                """);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").asText())
                .isEqualTo("1 row refused, nothing imported: line 2: a share has at most 4 decimals: 33.33333");
    }

    @Test
    void rules_are_read_by_auditors_and_set_by_compliance_only() {
        assertThat(server.as(Role.AUDITOR)
                        .get("/api/v1/ownership/rules")
                        .json()
                        .get("version")
                        .asLong())
                .isZero();
        String change = "{\"minority_threshold_percent\": \"25\", \"source\": \"policy CP-7\"}";
        assertThat(server.as(Role.OPERATOR)
                        .send("PUT", "/api/v1/ownership/rules", change)
                        .status())
                .isEqualTo(403);
        ApiClient.Response changed = server.as(Role.COMPLIANCE_REVIEWER).send("PUT", "/api/v1/ownership/rules", change);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("version").asLong()).isEqualTo(1);
        assertThat(server.as(Role.AUDITOR)
                        .get("/api/v1/vessels/rules")
                        .json()
                        .get("rules")
                        .get("ais_gap_hours")
                        .asText())
                .isEqualTo("24");
    }

    @Test
    void the_scenario_vessel_is_registered_with_its_ais_gap_and_screened_as_escalate() {
        ApiClient.Response registered = server.as(Role.COMPLIANCE_ANALYST).post("/api/v1/vessels", """
                {"imo": "9000001", "name": "MV Sea Lark", "flag_state": "PA", "source": "B/L draft 2024-07-05",
                 "indicators": [{"kind": "AIS_GAP", "observed_on": "2024-06-18", "duration_hours": "41",
                                 "area": "Gulf of Oman STS area", "source": "AIS risk feed"}]}""");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().get("imo_check_digit_valid").asBoolean()).isFalse();

        ApiClient.Response screened = server.as(Role.OPERATOR)
                .post("/api/v1/vessels/screen", "{\"imo\": \"9000001\", \"on\": \"2024-07-05\"}");
        assertThat(screened.status()).isEqualTo(200);
        JsonNode body = screened.json();
        assertThat(body.get("decision").asText()).isEqualTo("ESCALATE");
        assertThat(body.get("reasons").findValuesAsText("code")).containsExactly("IMO_CHECK_DIGIT", "AIS_GAP");
        assertThat(body.get("name").asText()).isEqualTo("MV Sea Lark");

        ApiClient.Response owner = server.as(Role.COMPLIANCE_ANALYST).post("/api/v1/vessels/screen", """
                {"name": "Desert Rose", "registered_owner_id": "gulf-star-logistics-fze",
                 "registered_owner_name": "Gulf Star Logistics FZE"}""");
        assertThat(owner.json().get("decision").asText()).isEqualTo("BLOCKED");
        assertThat(owner.json().get("registered_owner").get("status").asText()).isEqualTo("BLOCKED_BY_OWNERSHIP");

        assertThat(server.as(Role.AUDITOR)
                        .get("/api/v1/vessels/9000001")
                        .json()
                        .get("indicators")
                        .size())
                .isEqualTo(1);
        assertThat(server.as(Role.AUDITOR).get("/api/v1/vessels/9074729").status())
                .isEqualTo(404);
        assertThat(server.as(Role.PAYER)
                        .post("/api/v1/vessels/screen", "{\"imo\": \"9000001\"}")
                        .status())
                .isEqualTo(403);
        assertThat(server.as(Role.OPERATOR).post("/api/v1/vessels/screen", "{}").status())
                .isEqualTo(422);
    }
}
