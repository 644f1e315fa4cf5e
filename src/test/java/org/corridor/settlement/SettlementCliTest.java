package org.corridor.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.corridor.identity.Role;
import org.corridor.testing.Cli;
import org.corridor.testing.Cli.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code corridor settlement ...} end to end on a durable embedded database of the test's own. */
class SettlementCliTest {

    @TempDir
    Path dataDir;

    private Cli.InFolder cli;

    @BeforeEach
    void folder() {
        cli = Cli.in(dataDir.resolve("db"));
    }

    @Test
    void the_scenario_runs_from_the_console() throws IOException {
        // The settlement commands that change anything act as a user: operations, and the payer its deposits.
        String operator = cli.token("olga", Role.OPERATOR);
        String payer = cli.token("moe", Role.PAYER);
        cli.ok(Cli.addW19("--prohibited-currencies", "USD", "--prior-approval", "DISBURSEMENT,CONVERSION"));
        cli.ok(
                "settlement",
                "accounts",
                "open",
                "--name",
                "NIGC-IQD-R",
                "--holder",
                "NIGC",
                "--currency",
                "IQD",
                "--bank",
                "TBI",
                "--country",
                "IQ",
                "--token",
                operator);
        cli.ok(
                "settlement",
                "accounts",
                "open",
                "--name",
                "NIGC-EUR-R",
                "--holder",
                "NIGC",
                "--currency",
                "EUR",
                "--bank",
                "Muscat Partner Bank",
                "--country",
                "OM",
                "--token",
                operator);
        cli.ok(
                "settlement",
                "accounts",
                "opening-balance",
                "NIGC-IQD-R",
                "--amount",
                "IQD 9,828,000,000,000",
                "--value-date",
                "2023-06-30",
                "--note",
                "legacy balance",
                "--token",
                operator);
        cli.ok(
                "settlement",
                "contracts",
                "add",
                "--reference",
                "NIGC-GAS-2024",
                "--seller",
                "NIGC",
                "--buyer",
                "MoE",
                "--commodity",
                "GAS",
                "--price",
                "EUR 7.25/MMBTU",
                "--factor",
                "M3=0.0363",
                "--account",
                "NIGC-IQD-R",
                "--token",
                operator);
        Path metering = dataDir.resolve("metering.csv");
        Files.writeString(
                metering,
                "contract,period_start,period_end,metered_quantity,unit,disputed_quantity,dispute_reason\n"
                        + "NIGC-GAS-2024,2024-06-01,2024-06-30,900000000,m3,0,\n");
        Run imported = cli.ok("settlement", "deliveries", "import", metering.toString(), "--token", operator);
        assertThat(imported.out()).contains("recorded INV-NIGC-GAS-2024-2024-06 32670000.0000 MMBTU EUR 236857500.00");

        Run deposited = cli.ok(
                "settlement",
                "deposits",
                "add",
                "--contract",
                "NIGC-GAS-2024",
                "--amount",
                "IQD 332,547,930,000",
                "--value-date",
                "2024-07-03",
                "--rate",
                "1404",
                "--rate-source",
                "CBI 1,300 IQD/USD x 1.08 USD/EUR",
                "--token",
                payer);
        assertThat(deposited.out()).contains("EUR 236857500.00 FULL under W-19");
        Run refused = cli.run(
                "settlement",
                "deposits",
                "add",
                "--contract",
                "NIGC-GAS-2024",
                "--amount",
                "IQD 1,404,000",
                "--value-date",
                "2024-07-10",
                "--rate",
                "1404",
                "--rate-source",
                "CBI",
                "--token",
                payer);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err())
                .startsWith("corridor: refused AUTHORISATION_EXPIRED")
                .contains("nothing posted");

        Run converted = cli.ok(
                "settlement",
                "conversions",
                "request",
                "--from",
                "NIGC-IQD-R",
                "--to",
                "NIGC-EUR-R",
                "--amount",
                "IQD 140,400,000,000",
                "--requested-on",
                "2024-07-04",
                "--approval",
                "AUTH-CNV-0711",
                "--rate",
                "1 EUR = 1404 IQD",
                "--rate-source",
                "CBI fixing",
                "--spread",
                "0.15",
                "--execute-on",
                "2024-07-05",
                "--token",
                operator);
        assertThat(converted.out()).contains("APPROVED").contains("-> EUR 99850000.00");

        Run ageing = cli.ok("settlement", "accounts", "ageing", "--as-of", "2024-09-30");
        assertThat(ageing.out())
                .contains("NIGC-EUR-R as of 2024-09-30: EUR 99850000.00 | 0-30 0.00 | 31-90 99850000.00")
                .contains("NIGC-IQD-R as of 2024-09-30: IQD 10020147930000.000 | 0-30 0.000 | 31-90 332547930000.000"
                        + " | 91-365 0.000 | >365 9687600000000.000");

        // The ledger's commands take a restricted account's name where they take its id.
        assertThat(cli.ok("ledger", "balance", "NIGC-EUR-R").out())
                .contains("EUR")
                .contains("99850000.00");
        Run unnamed = cli.run("ledger", "balance", "NO-SUCH-R");
        assertThat(unnamed.exitCode()).isEqualTo(1);
        assertThat(unnamed.err()).startsWith("corridor: no account NO-SUCH-R").contains("NIGC-EUR-R");

        Path report = dataDir.resolve("rpt6.csv");
        cli.ok(
                "settlement",
                "reconciliation",
                "--from",
                "2024-06-01",
                "--to",
                "2024-06-30",
                "--output",
                report.toString());
        assertThat(Files.readString(report))
                .startsWith("contract,month,")
                .contains("NIGC-GAS-2024,2024-06,GAS,INV-NIGC-GAS-2024-2024-06")
                .contains(",PAID,");
        assertThat(cli.run("settlement", "accounts", "ageing", "NO-SUCH-ACCOUNT")
                        .exitCode())
                .isEqualTo(1);
    }
}
