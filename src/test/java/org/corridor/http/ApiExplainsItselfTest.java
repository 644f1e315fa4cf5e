package org.corridor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.corridor.identity.Role;
import org.corridor.testing.ApiClient;
import org.corridor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A client learns what to send from the API itself: the description, the names, the refusals. */
class ApiExplainsItselfTest {

    private static final PropertyNamingStrategies.NamingBase SNAKE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

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
     * Fields of the API's records without a description (src/main/resources/openapi-fields.properties):
     * none, so a new field without one fails this test.
     */
    private static final int UNDESCRIBED_FIELDS = 0;

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
                .isEqualTo(UNDESCRIBED_FIELDS);
    }

    @Test
    void every_field_whose_java_type_is_an_enum_carries_its_enum() {
        JsonNode schemas =
                server.as(Role.AUDITOR).get("/api/v1/openapi.json").json().at("/components/schemas");
        Set<Class<?>> seen = new HashSet<>();
        List<String> without = new ArrayList<>();
        for (RouteSpec route : server.server().routes()) {
            route.requestBody().ifPresent(type -> enumFields(type, schemas, seen, without));
            route.responseBody().ifPresent(type -> enumFields(type, schemas, seen, without));
        }
        assertThat(without).as("enum-typed fields without their enum").isEmpty();
        assertThat(schemas.at("/Approval/properties/step/enum").toString()).contains("SENIOR_COMPLIANCE");
    }

    @Test
    void closed_sets_carried_as_text_list_the_texts_the_wire_carries() {
        JsonNode openapi = server.as(Role.AUDITOR).get("/api/v1/openapi.json").json();
        JsonNode schemas = openapi.at("/components/schemas");
        assertThat(texts(schemas.at("/IdentityChange/properties/state/enum")))
                .containsExactly("PENDING", "CONFIRMED", "REJECTED");
        assertThat(texts(schemas.at("/OwnerHit/properties/state/enum")))
                .containsExactly("OPEN", "FALSE_POSITIVE", "TRUE_MATCH", "ESCALATED");
        assertThat(texts(stateParameter(openapi, "/api/v1/identity-changes")))
                .containsExactly("PENDING", "CONFIRMED", "REJECTED");
        assertThat(texts(stateParameter(openapi, "/api/v1/ownership/hits")))
                .containsExactly("OPEN", "FALSE_POSITIVE", "TRUE_MATCH", "ESCALATED");
        assertThat(texts(schemas.at("/ScreeningRoutesNoticeView/properties/kind/enum")))
                .containsExactly("LIST_STALE", "LIST_SAMPLE", "LIST_QUARANTINED");
        assertThat(texts(schemas.at("/ScreeningHit/properties/source/enum")))
                .containsExactly("NAME", "OWNERSHIP", "VESSEL");
        assertThat(texts(schemas.at("/RetentionViewRetentionRecord/properties/kind/enum")))
                .containsExactly("DEPOSIT", "CONVERSION", "RESTRICTED_TRANSFER", "DISBURSEMENT");
        assertThat(texts(schemas.at("/RetentionViewRetentionRecord/properties/status/enum")))
                .containsExactly("ELIGIBLE", "LEGAL_HOLD");
        assertThat(texts(schemas.at("/IdleFundsViewAccountAgeing/properties/status/enum")))
                .containsExactly("ACTIVE", "APPROACHING_IDLE", "IDLE", "EMPTY");
        assertThat(texts(schemas.at("/Alert/properties/kind/enum")))
                .contains("AUTHORISATION_EXPIRY", "UNMATCHED_CREDIT", "LIST_STALE");
        assertThat(texts(schemas.at("/Alert/properties/severity/enum"))).containsExactly("warn", "bad");
    }

    /** The values the {@code state} query parameter of a GET route takes. */
    private static JsonNode stateParameter(JsonNode openapi, String path) {
        for (JsonNode parameter : openapi.path("paths").path(path).path("get").path("parameters")) {
            if (parameter.path("name").asText().equals("state")) {
                return parameter.at("/schema/enum");
            }
        }
        return MissingNode.getInstance();
    }

    private static List<String> texts(JsonNode values) {
        List<String> texts = new ArrayList<>();
        values.forEach(value -> texts.add(value.asText()));
        return texts;
    }

    private static void enumFields(Type type, JsonNode schemas, Set<Class<?>> seen, List<String> without) {
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                enumFields(argument, schemas, seen, without);
            }
            return;
        }
        if (!(type instanceof Class<?> cls) || !seen.add(cls)) {
            return;
        }
        if (cls.isSealed() && cls.isInterface()) {
            for (Class<?> permitted : cls.getPermittedSubclasses()) {
                enumFields(permitted, schemas, seen, without);
            }
        }
        if (!cls.isRecord() || cls.getPackageName().equals("org.corridor.money")) {
            return;
        }
        String component = JsonSchemas.componentName(cls);
        for (RecordComponent field : cls.getRecordComponents()) {
            enumType(field.getGenericType()).ifPresent(enumType -> {
                String name = SNAKE.translate(field.getName());
                JsonNode schema = schemas.path(component).path("properties").path(name);
                JsonNode values = schema.has("anyOf") ? schema.at("/anyOf/0") : schema;
                values = values.path("type").asText().equals("array") ? values.path("items") : values;
                List<String> listed = new ArrayList<>();
                values.path("enum").forEach(value -> listed.add(value.asText()));
                if (!listed.equals(JsonSchemas.names(enumType))) {
                    without.add(component + "." + name);
                }
            });
            enumFields(field.getGenericType(), schemas, seen, without);
        }
    }

    /** The enum a field holds, alone, optional or in a collection. */
    private static Optional<Class<?>> enumType(Type type) {
        if (type instanceof ParameterizedType parameterized
                && !Map.class.isAssignableFrom((Class<?>) parameterized.getRawType())) {
            return enumType(parameterized.getActualTypeArguments()[0]);
        }
        return type instanceof Class<?> cls && cls.isEnum() ? Optional.of(cls) : Optional.empty();
    }

    @Test
    void a_value_outside_a_closed_set_is_refused_with_the_allowed_values_named() {
        JsonNode openapi = server.as(Role.AUDITOR).get("/api/v1/openapi.json").json();
        assertThat(openapi.at("/components/schemas/UserRoutesNewUser/properties/role/anyOf/0/enum")
                        .toString())
                .contains("COMPLIANCE_REVIEWER", "AUDITOR");
        ApiClient.Response refused = server.as(Role.ADMIN)
                .post("/api/v1/users", "{\"name\":\"newcomer\",\"roles\":[\"AUDITOR\",\"WIZARD\",\"SORCERER\"]}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("code").asText()).isEqualTo("VALUE_INVALID");
        List<String> faults = new ArrayList<>();
        refused.json()
                .get("errors")
                .forEach(error -> faults.add(error.get("field").asText()));
        assertThat(faults).containsExactly("roles[1]", "roles[2]");
        assertThat(refused.json().at("/errors/0/detail").asText()).contains("COMPLIANCE_REVIEWER", "AUDITOR");
    }

    @Test
    void every_bad_query_and_path_parameter_is_reported_in_one_answer() {
        ApiClient auditor = server.as(Role.AUDITOR);
        ApiClient.Response audit = auditor.get("/api/v1/audit?from=yesterday&to=2024-13-01&after_seq=-1&limit=many");
        assertThat(audit.status()).as(audit.body()).isEqualTo(422);
        assertThat(fields(audit)).containsExactly("from", "to", "after_seq", "limit");
        assertThat(audit.json().get("detail").asText()).contains("4 faults in all");
        ApiClient.Response releases = auditor.get("/api/v1/releases?state=LOST&limit=x");
        assertThat(fields(releases)).containsExactly("state", "limit");
        assertThat(releases.json().at("/errors/0/detail").asText()).contains("IN_REVIEW", "EXECUTED");
        ApiClient.Response statement = auditor.get("/api/v1/accounts/NIGC-EUR-R/statement?to=never");
        assertThat(fields(statement)).containsExactly("from", "to");
        ApiClient.Response deposit = auditor.get("/api/v1/deposits/not-a-uuid");
        assertThat(deposit.status()).isEqualTo(422);
        assertThat(deposit.json().get("code").asText()).isEqualTo("ID_MALFORMED");
        assertThat(fields(deposit)).containsExactly("id");
        JsonNode state = auditor.get("/api/v1/openapi.json").json().at("/paths/~1api~1v1~1releases/get/parameters/0");
        assertThat(state.get("name").asText()).isEqualTo("state");
        assertThat(state.at("/schema/enum").toString()).contains("HELD");
    }

    private static List<String> fields(ApiClient.Response refused) {
        List<String> fields = new ArrayList<>();
        refused.json()
                .path("errors")
                .forEach(error -> fields.add(error.get("field").asText()));
        return fields;
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
