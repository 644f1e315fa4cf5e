package org.corridor.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.corridor.app.Config;
import org.corridor.app.Corridor;
import org.corridor.audit.ChainVerification;
import org.corridor.identity.Authentication;
import org.corridor.identity.Role;
import org.corridor.testing.ApiClient;
import org.corridor.testing.CorridorProcess;
import org.corridor.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database keeps its data through clean stops, kills and a second process. */
class EmbeddedPostgresServerTest {

    @TempDir
    Path dataDir;

    private Config config() {
        return Config.fromEnvironment(Map.of()).withDataDir(dataDir);
    }

    @Test
    void a_server_killed_with_sigkill_leaves_data_that_the_next_start_recovers() {
        String token;
        try (Corridor corridor = Corridor.open(config())) {
            token = TestUsers.token(corridor, "admin", Role.ADMIN);
        }
        try (CorridorProcess server = CorridorProcess.serve(dataDir)) {
            int port = server.awaitListening();
            ApiClient client = new ApiClient(port, Optional.of(token));
            ApiClient.Response created = client.post("/api/v1/users", "{\"name\": \"bob\", \"role\": \"AUDITOR\"}");
            assertThat(created.status()).isEqualTo(202);
            server.kill();
        }
        // The killed JVM left its PostgreSQL running with nobody owning it; this start takes it over.
        try (Corridor corridor = Corridor.open(config())) {
            assertThat(corridor.users().changes(Optional.of("PENDING"), 10))
                    .extracting(change -> change.subject())
                    .containsExactly("bob");
            assertThat(corridor.users().authenticate(token)).isInstanceOf(Authentication.Authenticated.class);
            assertThat(corridor.audit().verify()).isEqualTo(new ChainVerification.Intact(3));
        }
    }

    @Test
    void a_second_open_in_a_running_process_joins_the_same_server() {
        try (Corridor first = Corridor.open(config());
                Corridor second = Corridor.open(config())) {
            first.users().bootstrap(TestUsers.CONSOLE, "shared", Duration.ofDays(1));
            assertThat(second.users().find("shared")).isPresent();
        }
    }
}
