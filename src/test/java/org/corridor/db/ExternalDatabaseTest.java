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

    @Test
    void a_superuser_role_is_refused_unless_told_to_run_as_one() {
        postgres.psql("do $$ begin if not exists (select from pg_roles where rolname = 'boss') then"
                + " create role boss login superuser password 'boss-secret-for-tests'; end if; end $$");
        // A database of its own, so that the superuser's tables do not become the other tests'.
        postgres.psql("create database boss_books owner boss");
        Map<String, String> asSuperuser = Map.of(
                "CORRIDOR_DB_URL", postgres.jdbcUrl().replace("/" + ExternalPostgres.DATABASE, "/boss_books"),
                "CORRIDOR_DB_USER", "boss",
                "CORRIDOR_DB_PASSWORD", "boss-secret-for-tests");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Corridor.open(Config.fromEnvironment(asSuperuser)).close())
                .isInstanceOf(org.corridor.ForbiddenException.class)
                .hasMessageContaining("is a superuser")
                .hasMessageContaining("CORRIDOR_DB_ALLOW_SUPERUSER");
        Map<String, String> allowed = new java.util.HashMap<>(asSuperuser);
        allowed.put("CORRIDOR_DB_ALLOW_SUPERUSER", "true");
        try (Corridor corridor = Corridor.open(Config.fromEnvironment(allowed))) {
            assertThat(corridor.database().isReady()).isTrue();
        }
    }
}
