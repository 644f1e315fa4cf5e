package org.corridor.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;
import org.corridor.ForbiddenException;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEntry;
import org.corridor.identity.Role;
import org.corridor.ledger.HoldState;
import org.corridor.testing.ApiClient;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.corridor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An approver rejects a live request over HTTP: REJECTED_BY_APPROVER, its hold voided, audited. */
class ReleaseRejectionTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        Corridor corridor = TestCorridor.create(MutableClock.at("2024-07-17T06:00:00Z"));
        server = new TestServer(corridor);
        ReleaseFixtures.nigcUnderW20(corridor, "rejection");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String submit(String reference) {
        ApiClient.Response submitted = server.as(Role.BENEFICIARY_AGENT)
                .post("/api/v1/releases", ReleaseHttpTest.REQUEST.replace("DR-2024-0777", reference));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        for (JsonNode hit : server.as(Role.COMPLIANCE_ANALYST)
                .get("/api/v1/hits?state=OPEN")
                .json()) {
            String path = "/api/v1/hits/" + hit.get("id").asText() + "/dispositions";
            server.as(Role.COMPLIANCE_ANALYST)
                    .post(path, "{\"decision\": \"FALSE_POSITIVE\", \"rationale\": \"different entity\"}");
            server.as(Role.COMPLIANCE_REVIEWER)
                    .post(path, "{\"decision\": \"FALSE_POSITIVE\", \"rationale\": \"confirmed\"}");
        }
        return submitted.json().get("request").get("id").asText();
    }

    @Test
    void a_step_taken_by_the_wrong_role_is_refused_naming_who_may_take_it() {
        String id = submit("DR-2024-0902");
        JsonNode refused = server.as(Role.APPROVER)
                .post("/api/v1/releases/" + id + "/approvals", "{\"step\": \"MAKER\"}")
                .json();
        assertThat(refused.get("code").asText()).isEqualTo("APPROVAL_ROLE_REQUIRED");
        assertThat(refused.get("detail").asText())
                .startsWith("MAKER is taken by an OPERATOR; ")
                .endsWith("APPROVER");
        JsonNode compliance = server.as(Role.OPERATOR)
                .post("/api/v1/releases/" + id + "/approvals", "{\"step\": \"COMPLIANCE\"}")
                .json();
        assertThat(compliance.get("detail").asText()).startsWith("COMPLIANCE is taken by an APPROVER; ");
        assertThat(ApprovalStep.AUTHORITY.takers()).isEqualTo("an APPROVER or an OPERATOR");
    }

    @Test
    void an_approver_rejects_a_request_and_its_hold_is_voided() {
        String id = submit("DR-2024-0901");
        String approvals = "/api/v1/releases/" + id + "/approvals";
        assertThat(server.as(Role.OPERATOR)
                        .post(approvals, "{\"step\": \"MAKER\"}")
                        .status())
                .isEqualTo(200);
        JsonNode checked = server.as(Role.APPROVER)
                .post(approvals, "{\"step\": \"COMPLIANCE\"}")
                .json();
        // The bank's steps are taken: the hold is placed while the Authority's step is awaited.
        assertThat(checked.get("hold_id").isTextual()).as(checked.toString()).isTrue();
        UUID hold = UUID.fromString(checked.get("hold_id").asText());
        assertThat(server.corridor().ledger().holdState(hold)).contains(HoldState.PENDING);

        String rejections = "/api/v1/releases/" + id + "/rejections";
        assertThat(server.as(Role.OPERATOR)
                        .post(rejections, "{\"reason_text\": \"not mine to reject\"}")
                        .json()
                        .get("code")
                        .asText())
                .isEqualTo("APPROVAL_ROLE_REQUIRED");
        assertThat(server.as(Role.APPROVER).post(rejections, "{}").status()).isEqualTo(422);
        Instant before = server.corridor().clock().instant();
        ApiClient.Response rejected =
                server.as(Role.APPROVER).post(rejections, "{\"reason_text\": \"end user not credible\"}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().get("state").asText()).isEqualTo("REJECTED");
        assertThat(rejected.json().get("reason").asText()).isEqualTo("REJECTED_BY_APPROVER");
        JsonNode transitions = rejected.json().get("transitions");
        JsonNode last = transitions.get(transitions.size() - 1);
        assertThat(last.get("to").asText()).isEqualTo("REJECTED");
        assertThat(last.get("detail").asText()).isEqualTo("end user not credible");
        assertThat(server.corridor().ledger().holdState(hold)).contains(HoldState.VOIDED);
        assertThat(server.corridor().audit().list(before.minusSeconds(1), before.plusSeconds(3600), 0, 1000))
                .extracting(AuditEntry::action)
                .containsOnlyOnce("RELEASE_REJECTED");

        ApiClient.Response again = server.as(Role.APPROVER).post(rejections, "{\"reason_text\": \"once more\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("RELEASE_STATE_CONFLICT");
    }

    @Test
    void nobody_rejects_a_request_they_submitted() {
        String id = submit("DR-2024-0902");
        Release release = server.corridor().releases().get(UUID.fromString(id));
        Actor submitter = new Actor(release.submittedBy(), "APPROVER");
        assertThatThrownBy(() -> server.corridor()
                        .releases()
                        .reject(submitter, release.id(), new Releases.RejectionInput("my own")))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("SUBMITTER_TAKES_NO_STEP")
                .hasMessageContaining("submitted");
        assertThat(server.corridor().releases().get(release.id()).state()).isEqualTo("IN_REVIEW");
    }
}
