package org.corridor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.testing.Cli.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.corridor.db.EmbeddedPostgresServer;
import org.corridor.testing.Cli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line end to end on a durable embedded database in a folder of the test's own: each
 * command starts and stops the server, so the sequence also proves that data survives restarts.
 */
class CliTest {

    @TempDir
    Path dataDir;

    @Test
    void help_describes_every_command_and_usage_errors_exit_2() {
        Run help = run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("serve", "demo", "migrate", "users", "audit");
        for (String command : List.of("serve", "demo", "migrate", "users", "audit")) {
            Run commandHelp = run(command, "--help");
            assertThat(commandHelp.exitCode()).as(command).isZero();
            assertThat(commandHelp.out()).as(command).startsWith("Usage: corridor " + command);
        }
        assertThat(run("no-such-command").exitCode()).isEqualTo(2);
        assertThat(run("users", "add", "x", "--role", "KING", "--data-dir", dataDir.toString())
                        .exitCode())
                .isEqualTo(2);
    }

    @Test
    void users_add_prints_the_token_last_and_data_survives_restarts_and_tampering_is_caught() throws Exception {
        String dir = dataDir.toString();
        Run added = run("users", "add", "alice", "--role", "OPERATOR", "--data-dir", dir);
        assertThat(added.exitCode()).as(added.err()).isZero();
        String token = added.outLines().get(added.outLines().size() - 1);
        assertThat(token).matches("cor_[A-Za-z0-9_-]{43}");

        Run duplicate = run("users", "add", "alice", "--role", "OPERATOR", "--data-dir", dir);
        assertThat(duplicate.exitCode()).isEqualTo(1);
        assertThat(duplicate.err().strip()).isEqualTo("corridor: a user named alice already exists");

        Run list = run("users", "list", "--data-dir", dir);
        assertThat(list.out()).contains("alice").contains("OPERATOR").contains("active");

        assertThat(run("users", "disable", "alice", "--data-dir", dir).exitCode())
                .isZero();
        assertThat(run("users", "list", "--data-dir", dir).out()).contains("disabled");

        Run verify = run("audit", "verify", "--data-dir", dir);
        assertThat(verify.exitCode()).isZero();
        assertThat(verify.outLines().get(0)).isEqualTo("audit chain intact: 2 entries");
        assertThat(verify.out()).contains("audit verification: nothing found wrong");
        Run checkpoint = run("audit", "checkpoint", "--data-dir", dir);
        assertThat(checkpoint.exitCode()).as(checkpoint.err()).isZero();
        assertThat(checkpoint.out()).startsWith("checkpoint: entry 2 hash ");
        assertThat(Files.readAllLines(dataDir.resolve("audit-checkpoints.jsonl")))
                .hasSize(1);
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("audit-signing.key")))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, true);
                Connection connection =
                        DriverManager.getConnection(server.jdbcUrl("corridor"), server.user(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute("alter table audit_entry disable trigger user");
            statement.execute("update audit_entry set actor = 'mallory' where seq = 1");
            statement.execute("delete from audit_entry where seq = 2");
            statement.execute("alter table audit_entry enable trigger user");
        }
        Run broken = run("audit", "verify", "--data-dir", dir);
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.out()).contains("audit chain broken at entry 1: HASH_MISMATCH", "CHAIN_TRUNCATED: ");
        assertThat(broken.err().strip())
                .isEqualTo("corridor: audit verification found 2 problems: HASH_MISMATCH, CHAIN_TRUNCATED");
        assertThat(Files.exists(dataDir.resolve("pg/PG_VERSION"))).isTrue();
    }

    @Test
    void migrate_applies_every_migration_once() {
        Run first = run("migrate", "--data-dir", dataDir.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).containsPattern("applied [1-9][0-9]* migration");
        Run second = run("migrate", "--data-dir", dataDir.toString());
        assertThat(second.out()).contains("applied 0 migration");
    }
}
