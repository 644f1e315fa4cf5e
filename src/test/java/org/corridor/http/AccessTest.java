package org.corridor.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.corridor.audit.AuditEntry;
import org.corridor.identity.Role;
import org.corridor.testing.ApiClient;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.corridor.testing.TestServer;
import org.corridor.testing.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every guarded route refuses a token that expired, a token of a disabled user and a token that
 * was never issued, with a 401 problem that gives nothing away, and each refusal is in the audit
 * trail. (Wrong roles and missing tokens: {@link RoleMatrixTest}.)
 */
class AccessTest {

    private static final MutableClock CLOCK = MutableClock.at("2024-07-01T06:00:00Z");
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(TestCorridor.create(CLOCK));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void expired_disabled_and_unknown_tokens_are_refused_on_every_route_and_audited() {
        var users = server.corridor().users();
        String expiring =
                TestUsers.token(server.corridor(), "short-lived", EnumSet.of(Role.AUDITOR), Duration.ofDays(1));
        String disabled = TestUsers.token(server.corridor(), "leaver", Role.ADMIN);
        users.disable(users.byName("admin").actor(), "leaver");
        CLOCK.advance(Duration.ofDays(2));
        String unknown = "cor_" + "A".repeat(43);
        Instant before = CLOCK.instant();

        List<String> violations = new ArrayList<>();
        int refusals = 0;
        for (RouteSpec route : server.server().routes()) {
            if (route.access() instanceof RouteSpec.Access.Public) {
                continue;
            }
            String path = route.path().replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
            String body = route.method().equals("GET") || route.method().equals("DELETE") ? null : "{}";
            for (String token : List.of(expiring, disabled, unknown)) {
                ApiClient.Response response =
                        new ApiClient(server.port(), Optional.of(token)).send(route.method(), path, body);
                refusals++;
                if (response.status() != 401 || !response.isProblem()) {
                    violations.add(route.method() + " " + route.path() + ": " + response.status());
                } else if (!response.json().get("code").asText().equals("UNAUTHENTICATED")
                        || response.body().contains("EXPIRED")
                        || response.body().contains("USER_DISABLED")) {
                    // The caller learns only that the token is not valid, not which account it names.
                    violations.add(route.method() + " " + route.path() + " said too much: " + response.body());
                }
            }
        }
        assertThat(violations).isEmpty();
        server.server().writeRefusalCounts();

        // The first refusals of each address and minute are entries of their own; the rest are
        // counted, with their reasons, in one entry per address and minute (issue 16).
        List<AuditEntry> entries =
                server.corridor().audit().list(before, CLOCK.instant().plusSeconds(1), 0, 100_000);
        List<AuditEntry> refused = entries.stream()
                .filter(entry -> entry.action().equals("ACCESS_REFUSED"))
                .toList();
        long counted = entries.stream()
                .filter(entry -> entry.action().equals("ACCESS_REFUSED_COUNTED"))
                .mapToLong(entry -> org.corridor.audit.CanonicalJson.read(entry.outcome())
                        .path("counted_only")
                        .asLong())
                .sum();
        assertThat(refused.size() + counted).isEqualTo(refusals);
        assertThat(refused).allSatisfy(entry -> assertThat(entry.outcome()).contains("UNAUTHENTICATED"));
        assertThat(refused).anySatisfy(entry -> assertThat(entry.outcome()).contains("EXPIRED"));
        assertThat(refused).anySatisfy(entry -> assertThat(entry.outcome()).contains("USER_DISABLED"));
        assertThat(server.corridor().audit().verify()).isInstanceOf(org.corridor.audit.ChainVerification.Intact.class);
    }
}
