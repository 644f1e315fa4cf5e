package org.corridor.release;

import static org.assertj.core.api.Assertions.assertThat;

import org.corridor.app.Corridor;
import org.corridor.identity.Role;
import org.corridor.testing.ApiClient;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.corridor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An escalated goods line decided over HTTP by the roles the matrix grants; the others get a problem. */
class EscalatedLinesHttpTest {

    private static TestServer server;

    /** One line whose end users receive 900 of 1,000 packs: escalated, END_USE_QUANTITY_MISMATCH. */
    private static final String REQUEST = ReleaseHttpTest.REQUEST
            .replace("DR-2024-0777", "DR-2024-0881")
            .replace("\"type\": \"HOSPITAL\", \"quantity\": \"1000\"", "\"type\": \"HOSPITAL\", \"quantity\": \"900\"");

    @BeforeAll
    static void start() {
        Corridor corridor = TestCorridor.create(MutableClock.at("2024-07-17T06:00:00Z"));
        server = new TestServer(corridor);
        ReleaseFixtures.nigcUnderW20(corridor, "lines");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ApiClient.Response resolve(ApiClient as, String decision, String rationale) {
        return as.post(
                "/api/v1/releases/DR-2024-0881/lines/1/resolutions",
                "{\"decision\": \"" + decision + "\", \"rationale\": \"" + rationale + "\"}");
    }

    @Test
    void compliance_resolves_an_escalated_line_with_four_eyes_and_others_are_refused_with_a_problem() {
        ApiClient.Response submitted = server.as(Role.BENEFICIARY_AGENT).post("/api/v1/releases", REQUEST);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        assertThat(submitted.json().get("request").get("reason").asText()).isEqualTo("LINE_ESCALATED");

        for (Role role : new Role[] {Role.OPERATOR, Role.ADMIN, Role.APPROVER, Role.BENEFICIARY_AGENT}) {
            ApiClient.Response refused = resolve(server.as(role), "ALLOW", "mine");
            assertThat(refused.status()).as(role + " " + refused.body()).isEqualTo(403);
            assertThat(refused.isProblem()).isTrue();
        }
        ApiClient.Response invalid = resolve(server.as(Role.COMPLIANCE_ANALYST), "MAYBE", "x");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("code").asText()).isEqualTo("LINE_DECISION_INVALID");

        assertThat(resolve(server.as(Role.COMPLIANCE_ANALYST), "ALLOW", "statement covers all 1,000")
                        .json()
                        .get("state")
                        .asText())
                .isEqualTo("HELD");
        ApiClient.Response again = resolve(server.as(Role.COMPLIANCE_ANALYST), "ALLOW", "again");
        assertThat(again.status()).isEqualTo(403);
        assertThat(again.json().get("code").asText()).isEqualTo("SAME_PERSON_TWO_DECISIONS");
        ApiClient.Response confirmed = resolve(server.as(Role.COMPLIANCE_REVIEWER), "ALLOW", "confirmed");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("state").asText()).isEqualTo("IN_REVIEW");

        ApiClient.Response decisions = server.as(Role.AUDITOR).get("/api/v1/releases/DR-2024-0881/line-resolutions");
        assertThat(decisions.status()).isEqualTo(200);
        assertThat(decisions.json()).hasSize(2);
        assertThat(decisions.json().get(1).get("decision").asText()).isEqualTo("ALLOWED");
        assertThat(decisions.json().get(1).get("reason").asText()).isEqualTo("END_USE_QUANTITY_MISMATCH");

        ApiClient.Response split = server.as(Role.COMPLIANCE_ANALYST)
                .post("/api/v1/releases/DR-2024-0881/lines/1/split", "{\"rationale\": \"late\"}");
        assertThat(split.status()).isEqualTo(409);
        assertThat(split.json().get("code").asText()).isEqualTo("LINE_NOT_ESCALATED");
    }
}
