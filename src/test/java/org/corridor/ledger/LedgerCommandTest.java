package org.corridor.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.testing.Cli.run;

import java.nio.file.Path;
import java.util.UUID;
import org.corridor.testing.Cli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code corridor ledger ...} end to end on a durable embedded database of the test's own. */
class LedgerCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void accounts_are_opened_funded_and_read_by_balance_and_statement() {
        String dir = dataDir.toString();
        UUID payer = UUID.randomUUID();
        UUID restricted = UUID.randomUUID();
        Run opened = run(
                "ledger",
                "open",
                payer.toString(),
                "--currency",
                "IQD",
                "--code",
                "PAYER",
                "--holder",
                "MoE",
                "--data-dir",
                dir);
        assertThat(opened.exitCode()).as(opened.err()).isZero();
        assertThat(run(
                                "ledger",
                                "open",
                                restricted.toString(),
                                "--currency",
                                "IQD",
                                "--code",
                                "RESTRICTED",
                                "--holder",
                                "NIGC",
                                "--flag",
                                "RESTRICTED",
                                "--flag",
                                "DEBITS_MUST_NOT_EXCEED_CREDITS",
                                "--data-dir",
                                dir)
                        .exitCode())
                .isZero();

        Run deposit = run(
                "ledger",
                "transfer",
                "--debit",
                payer.toString(),
                "--credit",
                restricted.toString(),
                "--amount",
                "IQD 332,547,930,000",
                "--code",
                "DEPOSIT",
                "--ref",
                "invoice=INV-2024-06",
                "--data-dir",
                dir);
        assertThat(deposit.exitCode()).as(deposit.err()).isZero();
        assertThat(deposit.out()).startsWith("OK ");

        Run refused = run(
                "ledger",
                "transfer",
                "--debit",
                restricted.toString(),
                "--credit",
                payer.toString(),
                "--amount",
                "IQD 400,000,000,000",
                "--data-dir",
                dir);
        assertThat(refused.exitCode()).isEqualTo(1);
        // The console is a generic edge: it may not debit a restricted account at all.
        assertThat(refused.err()).contains("ACCOUNT_RESTRICTED");

        Run balance = run("ledger", "balance", restricted.toString(), "--data-dir", dir);
        assertThat(balance.exitCode()).as(balance.err()).isZero();
        assertThat(balance.out()).contains("posted IQD 332547930000.000");
        Run before = run("ledger", "balance", restricted.toString(), "--at", "2000-01-01", "--data-dir", dir);
        assertThat(before.out()).contains("posted IQD 0.000");

        Run statement = run(
                "ledger",
                "statement",
                restricted.toString(),
                "--from",
                "2000-01-01",
                "--to",
                "2100-01-01",
                "--data-dir",
                dir);
        assertThat(statement.exitCode()).as(statement.err()).isZero();
        assertThat(statement.out()).contains("DEPOSIT").contains("CREDIT").contains("balance IQD 332547930000.000");

        Run unknown = run("ledger", "balance", UUID.randomUUID().toString(), "--data-dir", dir);
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).startsWith("corridor: no account");
        assertThat(run("ledger", "balance", "not-a-uuid", "--data-dir", dir).exitCode())
                .isEqualTo(1);
        assertThat(run("ledger", "--help").out()).contains("balance", "statement", "transfer");
        assertThat(run("bench", "ledger", "--help").out()).contains("--record", "--transfers");
    }
}
