package org.corridor.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import org.corridor.app.Config;
import org.corridor.app.Corridor;
import org.corridor.audit.ChainVerification;
import org.corridor.identity.Authentication;
import org.corridor.identity.Role;
import org.corridor.testing.ExternalPostgres;
import org.corridor.testing.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The external-database mode, proven against Debian's own PostgreSQL server. */
class ExternalDatabaseTest {

    private static ExternalPostgres postgres;

    @BeforeAll
    static void start() {
        assumeTrue(
                ExternalPostgres.binaries().isPresent(), "Debian's postgresql is not installed (.ci/run installs it)");
        postgres = ExternalPostgres.start();
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static Config config() {
        return Config.fromEnvironment(Map.of(
                "CORRIDOR_DB_URL", postgres.jdbcUrl(),
                "CORRIDOR_DB_USER", ExternalPostgres.USER,
                "CORRIDOR_DB_PASSWORD", ExternalPostgres.PASSWORD));
    }

    @Test
    void migrations_and_a_smoke_test_run_on_an_external_server_and_data_survives_reconnecting() {
        String issued;
        try (Corridor corridor = Corridor.open(config())) {
            assertThat(corridor.database().description()).startsWith("jdbc:postgresql://127.0.0.1:");
            assertThat(corridor.database().isReady()).isTrue();
            issued = TestUsers.token(corridor, "ext-user", Role.ADMIN);
        }
        try (Corridor corridor = Corridor.open(config())) {
            assertThat(corridor.users().authenticate(issued)).isInstanceOf(Authentication.Authenticated.class);
            assertThat(corridor.audit().verify()).isEqualTo(new ChainVerification.Intact(2));
            assertThat(corridor.database().migrate())
                    .as("nothing left to migrate")
                    .isZero();
        }
    }

    @Test
    void a_wrong_password_is_refused_with_a_clear_reason() {
        Config wrong = Config.fromEnvironment(Map.of(
                "CORRIDOR_DB_URL",
                postgres.jdbcUrl(),
                "CORRIDOR_DB_USER",
                ExternalPostgres.USER,
                "CORRIDOR_DB_PASSWORD",
                "wrong"));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Corridor.open(wrong).close())
                .hasStackTraceContaining("password authentication failed");
        assertThat(wrong.toString()).doesNotContain(ExternalPostgres.PASSWORD);
        assertThat(wrong.databaseSettings().toString()).doesNotContain("wrong");
    }
}
