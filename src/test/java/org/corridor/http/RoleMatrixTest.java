package org.corridor.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.corridor.identity.Role;
import org.corridor.identity.RoleMatrix;
import org.corridor.testing.ApiClient;
import org.corridor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks every registered route with no token and with a token of every role: 401 without one, 403
 * for a role the matrix does not grant, and never 401 or 403 for a role it does.
 */
class RoleMatrixTest {

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
    void every_route_with_every_role_follows_the_matrix() {
        List<String> violations = new ArrayList<>();
        List<RouteSpec> routes = server.server().routes();
        assertThat(routes).hasSizeGreaterThan(5);
        for (RouteSpec route : routes) {
            String path = concrete(route.path());
            String body = route.method().equals("GET") || route.method().equals("DELETE") ? null : "{}";
            ApiClient.Response anonymous = server.anonymous().send(route.method(), path, body);
            if (route.access() instanceof RouteSpec.Access.Public) {
                if (anonymous.status() == 401 || anonymous.status() == 403) {
                    violations.add(
                            route.method() + " " + route.path() + " is public but refused: " + anonymous.status());
                }
                continue;
            }
            if (anonymous.status() != 401 || !anonymous.isProblem()) {
                violations.add(route.method() + " " + route.path() + " without token: " + anonymous.status());
            }
            for (Role role : Role.values()) {
                ApiClient.Response response = server.as(role).send(route.method(), path, body);
                boolean allowed = RoleMatrix.allows(role, route.permission().orElseThrow());
                if (allowed && (response.status() == 401 || response.status() == 403)) {
                    violations.add(route.method() + " " + route.path() + " refused " + role + ": " + response.status()
                            + " " + response.body());
                }
                if (!allowed && response.status() != 403) {
                    violations.add(
                            route.method() + " " + route.path() + " let " + role + " through: " + response.status());
                }
                if (response.status() >= 500) {
                    violations.add(route.method() + " " + route.path() + " as " + role + " failed: " + response.status()
                            + " " + response.body());
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    /** Fills path parameters with a well-formed id that names nothing. */
    private static String concrete(String path) {
        return path.replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
    }
}
