package org.corridor.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.corridor.identity.Role;
import org.corridor.payments.IsoMessages;
import org.corridor.testing.ApiClient;
import org.corridor.testing.TestServer;
import org.corridor.testing.TestUsers;

/**
 * Releases paid over HTTP on a server prepared by {@link ReleaseFixtures#nigcUnderW20}: submitted
 * by the agent, hits cleared with four eyes, approved along the chain and executed by the OPERATOR
 * named "operator"; and more people of a role when a test needs a second pair of eyes.
 */
final class PaidReleases {

    private final TestServer server;
    private final Map<String, ApiClient> people = new HashMap<>();

    PaidReleases(TestServer server) {
        this.server = server;
        ApiClient.Response registered = server.as(Role.OPERATOR).send("PUT", "/api/v1/release-paying-accounts", """
                        {"account": "NIGC-EUR-R", "iban": "OM81 0180 0000 0129 9123 456", "bic": "MPBKOMRX",
                         "name": "NIGC restricted account"}
                        """);
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
    }

    /** Another user of {@code role} named {@code name}, created once. */
    ApiClient person(String name, Role role) {
        return people.computeIfAbsent(name, key -> server.as(role).as(TestUsers.token(server.corridor(), key, role)));
    }

    /** The operator who executes the payments: not their maker. */
    ApiClient executor() {
        return person("paying-desk", Role.OPERATOR);
    }

    /** Submits {@code reference} for {@code quantity} packs at EUR 25.00, and takes it to EXECUTED. */
    JsonNode pay(String reference, String quantity) {
        String body = ReleaseHttpTest.REQUEST
                .replace("DR-2024-0777", reference)
                .replace("\"quantity\": \"1000\"", "\"quantity\": \"" + quantity + "\"");
        ApiClient.Response submitted = server.as(Role.BENEFICIARY_AGENT).post("/api/v1/releases", body);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = submitted.json().get("request").get("id").asText();
        for (JsonNode hit : server.as(Role.COMPLIANCE_ANALYST)
                .get("/api/v1/hits?state=OPEN")
                .json()) {
            String path = "/api/v1/hits/" + hit.get("id").asText() + "/dispositions";
            server.as(Role.COMPLIANCE_ANALYST)
                    .post(path, "{\"decision\": \"FALSE_POSITIVE\", \"rationale\": \"different entity\"}");
            server.as(Role.COMPLIANCE_REVIEWER)
                    .post(path, "{\"decision\": \"FALSE_POSITIVE\", \"rationale\": \"confirmed\"}");
        }
        String approvals = "/api/v1/releases/" + id + "/approvals";
        server.as(Role.OPERATOR).post(approvals, "{\"step\": \"MAKER\"}");
        server.as(Role.APPROVER).post(approvals, "{\"step\": \"COMPLIANCE\"}");
        ApiClient.Response approved = person("authority-desk", Role.OPERATOR)
                .post(approvals, "{\"step\": \"AUTHORITY\", \"reference\": \"AUTH-" + reference + "\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("state").asText()).as(approved.body()).isEqualTo("APPROVED");
        // The maker does not pay what they made: another operator executes.
        ApiClient.Response executed =
                executor().post("/api/v1/releases/" + id + "/execute", "{\"value_date\": \"2024-07-17\"}");
        assertThat(executed.json().get("state").asText()).as(executed.body()).isEqualTo("EXECUTED");
        return executed.json();
    }

    /** The references a bank's message about the release's pacs.008 gives back. */
    static IsoMessages.Original original(JsonNode release) {
        JsonNode execution = release.get("execution");
        return new IsoMessages.Original(
                execution.get("message_id").asText(),
                release.get("reference").asText(),
                UUID.fromString(execution.get("uetr").asText()));
    }

    /** Posts a bank message as the given client. */
    static ApiClient.Response importMessage(ApiClient client, String xml) {
        return client.post("/api/v1/payment-messages", xml);
    }
}
