package org.corridor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.corridor.identity.Role;
import org.corridor.testing.ApiClient;
import org.corridor.testing.TestCorridor;
import org.corridor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpApiTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(TestCorridor.create(
                java.time.Clock.systemUTC(), java.util.Map.of("CORRIDOR_MAX_REQUEST_BYTES", "100000")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void health_needs_no_token_and_reports_the_database() {
        ApiClient.Response response = server.anonymous().get("/health");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("database").asText()).isEqualTo("UP");
    }

    @Test
    void a_call_without_a_token_gets_401_problem_details() {
        ApiClient.Response response = server.anonymous().get("/api/v1/me");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(problem.get("type").asText()).startsWith("urn:corridor:problem:");
        assertThat(problem.get("title").asText()).isEqualTo("Unauthorized");
    }

    @Test
    void a_valid_token_reaches_an_authenticated_endpoint() {
        ApiClient.Response response = server.as(Role.AUDITOR).get("/api/v1/me");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("role").asText()).isEqualTo("AUDITOR");
        assertThat(response.json().get("permissions").toString()).contains("AUDIT_READ");
    }

    @Test
    void malformed_and_wrongly_shaped_json_is_a_400_that_names_the_place() {
        ApiClient admin = server.as(Role.ADMIN);
        ApiClient.Response malformed = admin.post("/api/v1/users", "{\"name\": \"x\",");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("code").asText()).isEqualTo("JSON_MALFORMED");
        assertThat(malformed.json().get("detail").asText()).contains("line 1");

        ApiClient.Response unknown =
                admin.post("/api/v1/users", "{\"name\": \"x\", \"role\": \"PAYER\", \"admin\": true}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asText()).contains("unknown field 'admin'");

        ApiClient.Response duplicate =
                admin.post("/api/v1/users", "{\"name\": \"x\", \"name\": \"y\", \"role\": \"PAYER\"}");
        assertThat(duplicate.status()).isEqualTo(400);

        ApiClient.Response deep = admin.post("/api/v1/users", "[".repeat(5000) + "]".repeat(5000));
        assertThat(deep.status()).isEqualTo(400);
        assertThat(deep.body()).doesNotContain("org.corridor").doesNotContain("Exception");

        ApiClient.Response wrongType = admin.post("/api/v1/users", "{\"name\": [1], \"role\": \"PAYER\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body()).doesNotContain("org.corridor");
    }

    @Test
    void a_rule_broken_by_the_input_is_a_422_with_its_code() {
        ApiClient.Response response =
                server.as(Role.ADMIN).post("/api/v1/users", "{\"name\": \"ok-name\", \"role\": \"KING\"}");
        assertThat(response.status()).isEqualTo(422);
        // A role is a closed set: the value is refused at the edge, with the roles that exist named.
        assertThat(response.json().get("code").asText()).isEqualTo("VALUE_INVALID");
        assertThat(response.json().get("detail").asText()).contains("role must be one of [ADMIN, OPERATOR");
    }

    @Test
    void an_oversized_body_gets_413() {
        String big = "{\"name\": \"" + "x".repeat(200_000) + "\"}";
        ApiClient.Response response = server.as(Role.ADMIN).post("/api/v1/users", big);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void unknown_routes_are_404_problem_details() {
        ApiClient.Response response = server.as(Role.ADMIN).get("/api/v1/no-such-thing");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void metrics_are_prometheus_text_with_per_route_figures() {
        server.as(Role.AUDITOR).get("/api/v1/me");
        ApiClient.Response response = server.anonymous().get("/metrics");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body())
                .contains("corridor_http_requests_seconds_count{method=\"GET\",route=\"/api/v1/me\",status=\"200\"}")
                .contains("hikaricp_connections")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void the_openapi_description_lists_exactly_the_registered_routes() {
        JsonNode openapi = server.as(Role.AUDITOR).get("/api/v1/openapi.json").json();
        assertThat(openapi.get("openapi").asText()).isEqualTo("3.1.0");
        java.util.Set<String> documented = new java.util.TreeSet<>();
        for (var path : openapi.get("paths").properties()) {
            for (var method : path.getValue().properties()) {
                documented.add(method.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
            }
        }
        java.util.Set<String> registered = new java.util.TreeSet<>();
        server.server().routes().forEach(route -> registered.add(route.method() + " " + route.path()));
        assertThat(documented).isEqualTo(registered);
        for (RouteSpec route : server.server().routes()) {
            JsonNode operation =
                    openapi.get("paths").get(route.path()).get(route.method().toLowerCase(java.util.Locale.ROOT));
            route.permission()
                    .ifPresent(p -> assertThat(
                                    operation.get("x-required-permission").asText())
                            .isEqualTo(p.name()));
            assertThat(operation.get("summary").asText()).as(route.path()).isNotBlank();
        }
        // Every $ref resolves.
        java.util.regex.Matcher refs = java.util.regex.Pattern.compile("#/components/schemas/([A-Za-z0-9]+)")
                .matcher(openapi.toString());
        while (refs.find()) {
            assertThat(openapi.get("components").get("schemas").has(refs.group(1)))
                    .as(refs.group(1))
                    .isTrue();
        }
    }

    @Test
    void refused_calls_are_in_the_audit_trail() {
        server.anonymous().get("/api/v1/audit");
        server.as(Role.PAYER).get("/api/v1/audit");
        JsonNode page = server.as(Role.AUDITOR).get("/api/v1/audit?limit=1000").json();
        java.util.List<String> refusals = new java.util.ArrayList<>();
        page.get("entries").forEach(entry -> {
            if (entry.get("action").asText().equals("ACCESS_REFUSED")
                    && entry.get("subject").asText().equals("route:GET /api/v1/audit")) {
                refusals.add(entry.get("actor").asText() + ":"
                        + entry.get("outcome").get("status").asInt());
            }
        });
        assertThat(refusals).contains("anonymous:401", "payer:403");
    }
}
