package org.corridor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.testing.Cli.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        Run bare = run();
        assertThat(bare.exitCode()).as("a bare corridor is a usage error").isEqualTo(2);
        assertThat(bare.err()).startsWith("Usage: corridor").contains("releases", "demo");
        Run releases = run("releases", "--help");
        assertThat(releases.exitCode()).isZero();
        // Scheduling is execute with a later value date: no separate command is promised.
        assertThat(releases.out()).doesNotContainPattern("(?m)^\\s+schedule\\s");
        for (String command : List.of("submit", "show", "list", "amend", "approve", "reject", "execute")) {
            assertThat(releases.out()).as(command).containsPattern("(?m)^\\s+" + command + "\\s");
            assertThat(run("releases", command, "--help").exitCode())
                    .as(command)
                    .isZero();
        }
        assertThat(run("users", "add", "x", "--role", "KING", "--data-dir", dataDir.toString())
                        .exitCode())
                .isEqualTo(2);
    }

    private static String last(Run run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.outLines().get(run.outLines().size() - 1);
    }

    private static String change(Run run) {
        Matcher id = Pattern.compile("\\(change ([0-9a-f-]{36})\\)").matcher(run.out());
        assertThat(id.find()).as(run.out()).isTrue();
        return id.group(1);
    }

    @Test
    void users_are_added_under_dual_control_and_data_survives_restarts_and_tampering_is_caught() throws Exception {
        String dir = dataDir.toString();
        String code = last(run("users", "bootstrap", "alice", "--data-dir", dir));
        assertThat(code).matches("[0-9A-Z]{26}-[0-9A-Z]{26}");
        assertThat(run("users", "bootstrap", "mallory", "--data-dir", dir).err())
                .contains("only the first ADMIN of an empty database");
        String alice = last(run("login", "--enrol", code, "--data-dir", dir));
        assertThat(alice).matches("cor_[A-Za-z0-9_-]{43}");

        Run proposedBob = run("users", "add", "bob", "--role", "ADMIN", "--token", alice, "--data-dir", dir);
        String bobFirst = last(proposedBob);
        String bobSecond = last(run("users", "bootstrap-confirm", change(proposedBob), "--data-dir", dir));
        String bob = last(run("login", "--enrol", bobFirst + "-" + bobSecond, "--data-dir", dir));

        Run proposed = run("users", "add", "carol", "--role", "OPERATOR", "--token", alice, "--data-dir", dir);
        String first = last(proposed);
        Run own = run("users", "confirm", change(proposed), "--token", alice, "--data-dir", dir);
        assertThat(own.exitCode()).isEqualTo(1);
        assertThat(own.err().strip())
                .isEqualTo("corridor: SAME_PERSON_PROPOSES_AND_CONFIRMS: alice proposed this change; another ADMIN"
                        + " confirms it");
        String second = last(run("users", "confirm", change(proposed), "--token", bob, "--data-dir", dir));
        assertThat(last(run("login", "--enrol", first + "-" + second, "--data-dir", dir)))
                .matches("cor_[A-Za-z0-9_-]{43}");
        assertThat(run("login", "--enrol", first + "-" + second, "--data-dir", dir)
                        .exitCode())
                .as("a code works once")
                .isEqualTo(1);

        Run duplicate = run("users", "add", "carol", "--role", "OPERATOR", "--token", alice, "--data-dir", dir);
        assertThat(duplicate.exitCode()).isEqualTo(1);
        assertThat(duplicate.err().strip()).isEqualTo("corridor: a user named carol already exists");

        Run anonymous = run("users", "list", "--data-dir", dir);
        assertThat(anonymous.exitCode()).isEqualTo(1);
        assertThat(anonymous.err()).startsWith("corridor: UNAUTHENTICATED");
        Run list = run("users", "list", "--token", alice, "--data-dir", dir);
        assertThat(list.out()).contains("carol").contains("OPERATOR").contains("active");

        assertThat(run("users", "disable", "carol", "--token", bob, "--data-dir", dir)
                        .exitCode())
                .isZero();
        assertThat(run("users", "list", "--token", bob, "--data-dir", dir).out())
                .contains("disabled");

        Run verify = run("audit", "verify", "--data-dir", dir);
        assertThat(verify.exitCode()).isZero();
        assertThat(verify.outLines().get(0)).matches("audit chain intact: \\d+ entries");
        assertThat(verify.out()).contains("audit verification: nothing found wrong");
        Run checkpoint = run("audit", "checkpoint", "--data-dir", dir);
        assertThat(checkpoint.exitCode()).as(checkpoint.err()).isZero();
        assertThat(checkpoint.out()).startsWith("checkpoint: entry ");
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
            statement.execute("delete from audit_entry where seq = (select max(seq) from audit_entry)");
            statement.execute("alter table audit_entry enable trigger user");
        }
        Run broken = run("audit", "verify", "--data-dir", dir);
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.out()).contains("audit chain broken at entry 1: HASH_MISMATCH", "CHAIN_TRUNCATED: ");
        assertThat(broken.err().strip())
                .isEqualTo("corridor: audit verification found 2 problems: HASH_MISMATCH, CHAIN_TRUNCATED");
        assertThat(Files.exists(dataDir.resolve("pg/PG_VERSION"))).isTrue();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, true);
                Connection connection =
                        DriverManager.getConnection(server.jdbcUrl("corridor"), server.user(), server.password());
                Statement statement = connection.createStatement()) {
            // Whoever administers the database server credits an account behind the ledger's back.
            statement.execute("insert into ledger_account (id, currency, code, holder, flags, credits_posted,"
                    + " created_at) values ('00000000-0000-0000-0000-00000000000b', 'EUR', 'RESTRICTED', 'NIGC', 0,"
                    + " 100000, now())");
        }
        Run books = run("ledger", "check", "--data-dir", dir);
        assertThat(books.exitCode()).isEqualTo(1);
        assertThat(books.out()).contains("BALANCE_MISMATCH").contains("00000000-0000-0000-0000-00000000000b");
        assertThat(books.err()).startsWith("corridor: ledger check found");
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
