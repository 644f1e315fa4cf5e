package org.corridor.testing;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.corridor.app.Corridor;
import org.corridor.http.HttpServer;
import org.corridor.identity.Role;

/**
 * A real HTTP server on a free loopback port over a fresh test database, with one user per role
 * and their tokens (the agent acts for NIGC), set up through the real dual control: see
 * {@link TestUsers}. A second ADMIN, "admin-2", confirms the first's proposals. Close it when done.
 */
public final class TestServer implements AutoCloseable {

    private final Corridor corridor;
    private final HttpServer server;
    private final Map<Role, String> tokens = new EnumMap<>(Role.class);

    public TestServer(Corridor corridor) {
        this.corridor = corridor;
        this.server = HttpServer.start(corridor, "127.0.0.1", 0);
        tokens.put(Role.ADMIN, TestUsers.token(corridor, "admin", Role.ADMIN));
        TestUsers.token(corridor, "admin-2", Role.ADMIN);
        for (Role role : Role.values()) {
            if (role == Role.ADMIN) {
                continue;
            }
            String name = role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            String[] holders = role == Role.BENEFICIARY_AGENT ? new String[] {"NIGC"} : new String[0];
            tokens.put(role, TestUsers.token(corridor, name, role, holders));
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

    /**
     * A further person with their own token: {@code role}, bound to {@code holders} when an agent.
     */
    public ApiClient person(String name, Role role, String... holders) {
        return new ApiClient(port(), Optional.of(TestUsers.token(corridor, name, role, holders)));
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
