package org.corridor.testing;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.http.HttpServer;
import org.corridor.identity.Role;

/**
 * A real HTTP server on a free loopback port over a fresh test database, with one user per role
 * and their tokens. Close it when done.
 */
public final class TestServer implements AutoCloseable {

    private final Corridor corridor;
    private final HttpServer server;
    private final Map<Role, String> tokens = new EnumMap<>(Role.class);

    public TestServer(Corridor corridor) {
        this.corridor = corridor;
        this.server = HttpServer.start(corridor, "127.0.0.1", 0);
        for (Role role : Role.values()) {
            String name = role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            tokens.put(
                    role,
                    corridor.users()
                            .add(Actor.SYSTEM, name, role, Duration.ofDays(1))
                            .token());
        }
    }

    public static TestServer start() {
        return new TestServer(TestCorridor.create());
    }

    public Corridor corridor() {
        return corridor;
    }

    public HttpServer server() {
        return server;
    }

    public int port() {
        return server.port();
    }

    public String token(Role role) {
        return tokens.get(role);
    }

    /** A client signed in with the given role. */
    public ApiClient as(Role role) {
        return new ApiClient(port(), Optional.of(token(role)));
    }

    public ApiClient anonymous() {
        return new ApiClient(port(), Optional.empty());
    }

    @Override
    public void close() {
        server.close();
        corridor.close();
    }
}
