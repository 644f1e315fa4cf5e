package org.corridor.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.corridor.http.RouteSpec;
import org.corridor.identity.Role;
import org.corridor.identity.RoleMatrix;
import org.corridor.testing.ApiClient;
import org.corridor.testing.TestServer;

/**
 * Throws hostile and malformed input at every registered route, signed in with a role that may
 * call it: deep nesting, huge and odd numbers, duplicate keys, wrong types, control characters,
 * broken JSON, odd path and query values. Every answer must be a clear refusal or a result: never a
 * 5xx, never a stack trace or internal class name.
 */
class HostileInputTest {

    private static TestServer server;
    private static List<RouteSpec> routes;

    @BeforeContainer
    static void start() {
        server = TestServer.start();
        routes = server.server().routes().stream()
                .filter(route -> route.access() instanceof RouteSpec.Access.Requires)
                .toList();
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    @Property(tries = 300)
    void every_route_refuses_hostile_bodies_cleanly(
            @ForAll("routeIndexes") int routeIndex, @ForAll("hostileBodies") String body) {
        RouteSpec route = routes.get(routeIndex % routes.size());
        String method = route.method().equals("GET") ? "POST" : route.method();
        if (route.method().equals("GET")) {
            // GET routes take no body; send the hostile text as a query value instead.
            check(
                    route,
                    "GET",
                    concrete(route.path(), "x") + "?q=" + urlEncode(body) + "&from=" + urlEncode(body),
                    null);
            return;
        }
        check(route, method, concrete(route.path(), "00000000-0000-0000-0000-000000000000"), body);
    }

    @Property(tries = 200)
    void every_route_refuses_hostile_path_values_cleanly(
            @ForAll("routeIndexes") int routeIndex, @ForAll("hostileSegments") String segment) {
        RouteSpec route = routes.get(routeIndex % routes.size());
        if (!route.path().contains("{")) {
            return;
        }
        String body = route.method().equals("GET") ? null : "{}";
        check(route, route.method(), concrete(route.path(), urlEncode(segment)), body);
    }

    private static void check(RouteSpec route, String method, String path, String body) {
        Role role = route.permission()
                .map(RoleMatrix::rolesWith)
                .orElseThrow()
                .iterator()
                .next();
        ApiClient.Response response = server.as(role).send(method, path, body);
        assertThat(response.status())
                .as(method + " " + path + " -> " + response.body())
                .isLessThan(500);
        assertThat(response.body())
                .as(method + " " + path)
                .doesNotContain("Exception")
                .doesNotContain("org.corridor.")
                .doesNotContain("\tat ");
    }

    @Provide
    Arbitrary<Integer> routeIndexes() {
        return Arbitraries.integers().between(0, 10_000);
    }

    @Provide
    Arbitrary<String> hostileSegments() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMinLength(1).ofMaxLength(40),
                Arbitraries.of(
                        "..",
                        "%00",
                        "-1",
                        "1e309",
                        "null",
                        "' or 1=1 --",
                        "\u202Eevil",
                        "a".repeat(5000),
                        "00000000-0000-0000-0000-00000000000G",
                        "ffffffff-ffff-ffff-ffff-ffffffffffff"));
    }

    @Provide
    Arbitrary<String> hostileBodies() {
        Arbitrary<String> deep = Arbitraries.integers().between(50, 20_000).map(n -> "[".repeat(n) + "]".repeat(n));
        Arbitrary<String> deepObjects =
                Arbitraries.integers().between(50, 5_000).map(n -> "{\"a\":".repeat(n) + "1" + "}".repeat(n));
        Arbitrary<String> hugeNumbers = Arbitraries.of(
                "{\"amount\": 1e999999}",
                "{\"amount\": " + "9".repeat(5000) + "}",
                "{\"amount\": -0}",
                "{\"amount\": \"-0.00\"}",
                "{\"amount\": \"92233720368547758.08\"}",
                "{\"amount\": NaN}",
                "{\"amount\": \"1.0000001\"}",
                "{\"id\": 1.5}",
                "{\"limit\": -1}");
        Arbitrary<String> duplicates = Arbitraries.of(
                "{\"name\": \"a\", \"name\": \"b\"}", "{\"a\":1,\"a\":1}", "{\"role\":\"ADMIN\",\"role\":\"ADMIN\"}");
        Arbitrary<String> wrongTypes = Arbitraries.of(
                "[]",
                "1",
                "\"text\"",
                "true",
                "null",
                "{\"name\": []}",
                "{\"name\": {}}",
                "{\"role\": 7}",
                "{\"items\": \"x\"}",
                "{\"transfers\": {}}",
                "{\"date\": \"2024-13-45\"}",
                "{\"on\": \"yesterday\"}");
        Arbitrary<String> broken = Arbitraries.of(
                "",
                "{",
                "}",
                "{\"a\":",
                "{'a': 1}",
                "{\"a\" 1}",
                "\u0000\u0001\u0002",
                "\uFEFF{}",
                "{\"a\":\"\\u00\"}",
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
        Arbitrary<String> randomJson = Combinators.combine(
                        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(12),
                        Arbitraries.strings().ofMaxLength(30),
                        Arbitraries.longs())
                .as((key, value, number) ->
                        "{\"" + escape(key) + "\": \"" + escape(value) + "\", \"n\": " + number + "}");
        Arbitrary<String> noise = Arbitraries.strings().ofMaxLength(200);
        return Arbitraries.oneOf(deep, deepObjects, hugeNumbers, duplicates, wrongTypes, broken, randomJson, noise);
    }

    private static String concrete(String path, String value) {
        return path.replaceAll("\\{[^}]+}", value);
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String urlEncode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
