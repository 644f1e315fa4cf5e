package org.corridor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.corridor.identity.Role;
import org.corridor.testing.ApiClient;
import org.corridor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A client learns what to send from the API itself: the description, the names, the refusals. */
class ApiExplainsItselfTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void every_path_and_query_parameter_is_described_and_the_uuid_ones_say_so() {
        JsonNode openapi = server.as(Role.AUDITOR).get("/api/v1/openapi.json").json();
        List<String> undescribed = new ArrayList<>();
        for (RouteSpec route : server.server().routes()) {
            JsonNode operation = operation(openapi, route);
            for (JsonNode parameter : operation.path("parameters")) {
                if (parameter.path("description").asText().isBlank()) {
                    undescribed.add(route.method() + " " + route.path() + " "
                            + parameter.get("name").asText());
                }
            }
        }
        assertThat(undescribed).as("parameters without a description").isEmpty();
        JsonNode deposit = openapi.at("/paths/~1api~1v1~1deposits~1{id}/get/parameters/0");
        assertThat(deposit.at("/schema/format").asText()).isEqualTo("uuid");
        assertThat(deposit.get("description").asText()).startsWith("must be a UUID");
        JsonNode account = openapi.at("/paths/~1api~1v1~1accounts~1{id}~1balance/get/parameters/0");
        assertThat(account.at("/schema/format").isMissingNode()).isTrue();
        assertThat(account.get("description").asText()).contains("NIGC-EUR-R");
    }

    @Test
    void every_json_body_sent_or_answered_has_an_example() {
        JsonNode openapi = server.as(Role.AUDITOR).get("/api/v1/openapi.json").json();
        List<String> without = new ArrayList<>();
        for (RouteSpec route : server.server().routes()) {
            JsonNode operation = operation(openapi, route);
            if (route.requestBody().isPresent()
                    && operation
                            .at("/requestBody/content/application~1json/example")
                            .isMissingNode()) {
                without.add("request of " + route.method() + " " + route.path());
            }
            JsonNode success = operation.path("responses").path(Integer.toString(route.successStatus()));
            if (route.responseBody().isPresent()
                    && route.responseContentType().equals("application/json")
                    && success.at("/content/application~1json/example").isMissingNode()) {
                without.add("response of " + route.method() + " " + route.path());
            }
        }
        assertThat(without).isEmpty();
        assertThat(openapi.at("/components/schemas/Release/properties/state/enum")
                        .toString())
                .contains("IN_REVIEW", "HELD", "EXECUTED");
        assertThat(openapi.at("/components/schemas/ScreeningHit/properties/state/enum")
                        .toString())
                .contains("OPEN", "FALSE_POSITIVE");
        JsonNode money = openapi.at("/components/schemas/Release/properties/amount");
        assertThat(money.get("$ref").asText()).isEqualTo("#/components/schemas/Money");
    }

    /**
     * Fields of the API's records that have no description yet (src/main/resources/openapi-fields.properties).
     * The count may only fall: a new field without a description fails this test.
     */
    private static final int UNDESCRIBED_FIELDS = 413;

    @Test
    void no_field_is_added_without_a_description() {
        JsonNode schemas =
                server.as(Role.AUDITOR).get("/api/v1/openapi.json").json().at("/components/schemas");
        List<String> undescribed = new ArrayList<>();
        schemas.properties()
                .forEach(schema -> schema.getValue()
                        .path("properties")
                        .properties()
                        .forEach(field -> {
                            if (field.getValue().path("description").asText().isBlank()) {
                                undescribed.add(schema.getKey() + "." + field.getKey());
                            }
                        }));
        assertThat(undescribed.size())
                .as("fields without a description: %s", undescribed)
                .isLessThanOrEqualTo(UNDESCRIBED_FIELDS);
    }

    private static JsonNode operation(JsonNode openapi, RouteSpec route) {
        return openapi.get("paths").get(route.path()).get(route.method().toLowerCase(Locale.ROOT));
    }

    @Test
    void an_account_is_addressed_by_its_name_where_it_is_addressed_by_its_id() {
        ApiClient operator = server.as(Role.OPERATOR);
        ApiClient.Response opened = operator.post(
                "/api/v1/restricted-accounts",
                "{\"name\":\"ACME-EUR-R\",\"holder\":\"ACME\",\"currency\":\"EUR\",\"bank\":\"Bank Muscat\","
                        + "\"country\":\"OM\"}");
        assertThat(opened.status()).as(opened.body()).isIn(200, 201);
        String id = opened.json().get("id").asText();
        ApiClient auditor = server.as(Role.AUDITOR);
        ApiClient.Response byName = auditor.get("/api/v1/accounts/ACME-EUR-R/balance");
        assertThat(byName.status()).as(byName.body()).isEqualTo(200);
        assertThat(byName.json().get("account_id").asText()).isEqualTo(id);
        assertThat(auditor.get("/api/v1/accounts/ACME-EUR-R").json().get("id").asText())
                .isEqualTo(id);
        ApiClient.Response unknown = auditor.get("/api/v1/accounts/NO-SUCH-R/balance");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("ACCOUNT_NOT_FOUND");
        assertThat(unknown.json().get("detail").asText()).contains("UUID").contains("name");
    }

    @Test
    void every_fault_of_a_body_is_reported_in_one_answer() {
        ApiClient.Response refused = server.as(Role.OPERATOR)
                .post(
                        "/api/v1/restricted-accounts",
                        "{\"name\":5,\"currency\":\"EUR\",\"colour\":\"red\",\"id\":\"not-a-uuid\"}");
        assertThat(refused.status()).isBetween(400, 422);
        assertThat(refused.isProblem()).isTrue();
        List<String> faults = new ArrayList<>();
        refused.json()
                .get("errors")
                .forEach(error -> faults.add(
                        error.get("field").asText() + " " + error.get("code").asText()));
        assertThat(faults)
                .contains(
                        "name TYPE_INVALID",
                        "holder FIELD_MISSING",
                        "bank FIELD_MISSING",
                        "country FIELD_MISSING",
                        "colour FIELD_UNKNOWN");
        assertThat(refused.json().get("detail").asText()).contains("faults in all");
    }

    @Test
    void every_missing_query_parameter_is_reported_in_one_answer() {
        ApiClient.Response refused =
                server.as(Role.AUDITOR).get("/api/v1/accounts/00000000-0000-0000-0000-000000000001/statement");
        assertThat(refused.status()).isEqualTo(422);
        List<String> missing = new ArrayList<>();
        refused.json()
                .get("errors")
                .forEach(error -> missing.add(error.get("field").asText()));
        assertThat(missing).containsExactly("from", "to");
    }
}
