package org.corridor.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.testing.Cli.run;

import java.nio.file.Path;
import java.util.UUID;
import org.corridor.identity.Role;
import org.corridor.testing.Cli;
import org.corridor.testing.Cli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code corridor ledger ...} end to end on a durable embedded database of the test's own. */
class LedgerCommandTest {

    @TempDir
    Path dataDir;

    /** The token of the operator who opens accounts and posts transfers: ledger writes act as a user. */
    private String operator;

    @Test
    void accounts_are_opened_funded_and_read_by_balance_and_statement() {
        String dir = dataDir.toString();
        operator = Cli.in(dataDir).token("olga", Role.OPERATOR);
        assertThat(run(
                                "ledger",
                                "open",
                                UUID.randomUUID().toString(),
                                "--currency",
                                "IQD",
                                "--code",
                                "PAYER",
                                "--holder",
                                "MoE",
                                "--data-dir",
                                dir)
                        .err())
                .startsWith("corridor: UNAUTHENTICATED");
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
                dir,
                "--token",
                operator);
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
                                dir,
                                "--token",
                                operator)
                        .exitCode())
                .isZero();

        UUID settlement = UUID.randomUUID();
        assertThat(run(
                                "ledger",
                                "open",
                                settlement.toString(),
                                "--currency",
                                "IQD",
                                "--code",
                                "SETTLEMENT",
                                "--holder",
                                "TBI",
                                "--data-dir",
                                dir,
                                "--token",
                                operator)
                        .exitCode())
                .isZero();

        // The console is a generic edge: it neither credits nor debits a restricted account (issue 15).
        Run credit = transfer(dir, payer, restricted, "IQD 332,547,930,000", "DEPOSIT");
        assertThat(credit.exitCode()).isEqualTo(1);
        assertThat(credit.err()).contains("ACCOUNT_RESTRICTED");
        Run debit = transfer(dir, restricted, payer, "IQD 400,000,000,000", "TRANSFER");
        assertThat(debit.exitCode()).isEqualTo(1);
        assertThat(debit.err()).contains("ACCOUNT_RESTRICTED");
        assertThat(run("ledger", "balance", restricted.toString(), "--data-dir", dir)
                        .out())
                .contains("posted IQD 0.000");

        Run deposit = transfer(dir, payer, settlement, "IQD 332,547,930,000", "DEPOSIT");
        assertThat(deposit.exitCode()).as(deposit.err()).isZero();
        assertThat(deposit.out()).startsWith("OK ");

        Run balance = run("ledger", "balance", settlement.toString(), "--data-dir", dir);
        assertThat(balance.exitCode()).as(balance.err()).isZero();
        assertThat(balance.out()).contains("posted IQD 332547930000.000");
        Run before = run("ledger", "balance", settlement.toString(), "--at", "2000-01-01", "--data-dir", dir);
        assertThat(before.out()).contains("posted IQD 0.000");

        Run statement = run(
                "ledger",
                "statement",
                settlement.toString(),
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

    private Run transfer(String dir, UUID debit, UUID credit, String amount, String code) {
        return run(
                "ledger",
                "transfer",
                "--debit",
                debit.toString(),
                "--credit",
                credit.toString(),
                "--amount",
                amount,
                "--code",
                code,
                "--ref",
                "invoice=INV-2024-06",
                "--data-dir",
                dir,
                "--token",
                operator);
    }
}
