package org.corridor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.corridor.identity.Role;
import org.corridor.testing.Cli;
import org.corridor.testing.Cli.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code corridor report|alerts|retention} end to end on a durable embedded database of the test's own. */
class ReportCliTest {

    @TempDir
    Path dir;

    private Cli.InFolder cli;

    @BeforeEach
    void folder() {
        cli = Cli.in(dir.resolve("db"));
    }

    @Test
    void reports_alerts_and_holds_from_the_console() throws Exception {
        cli.ok(Cli.addW19());
        cli.ok(
                "authorisations",
                "add",
                "--reference",
                "W-20",
                "--renews",
                "W-19",
                "--valid-from",
                "2024-07-16",
                "--valid-to",
                "2024-11-12");

        // Reports act as a user: an auditor reads them all; an administrator not the compliance data.
        String auditor = cli.token("aud", Role.AUDITOR);
        String admin = cli.token("adm", Role.ADMIN);
        for (String report : new String[] {"rpt-4", "rpt-9"}) {
            Run refused = cli.run("report", report, "--from", "2024-07-01", "--to", "2024-07-31", "--token", admin);
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).startsWith("corridor: ").contains("REPORT_NOT_PERMITTED");
        }
        assertThat(cli.run("report", "rpt-3", "--from", "2024-07-01", "--to", "2024-07-31")
                        .err())
                .contains("UNAUTHENTICATED");

        Path csv = dir.resolve("rpt-3.csv");
        Run written = cli.ok(
                "report",
                "rpt-3",
                "--from",
                "2024-07-01",
                "--to",
                "2024-09-30",
                "--format",
                "csv",
                "--output",
                csv.toString(),
                "--token",
                auditor);
        assertThat(written.out()).contains("written RPT-3");
        assertThat(Files.readString(csv)).contains("IRAQ-ENERGY,2024-07-09,2024-07-15,7,W-19,W-20,false");

        Path pdf = dir.resolve("rpt-3.pdf");
        cli.ok(
                "report",
                "RPT-3",
                "--from",
                "2024-07-01",
                "--to",
                "2024-09-30",
                "--format",
                "pdf",
                "--output",
                pdf.toString(),
                "--token",
                auditor);
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");

        Path audit = dir.resolve("rpt-9.json");
        cli.ok(
                "report",
                "audit-extract",
                "--from",
                "2020-01-01",
                "--to",
                "2030-12-31",
                "--format",
                "json",
                "--output",
                audit.toString(),
                "--token",
                auditor);
        assertThat(Files.readString(audit)).contains("AUTHORISATION_RENEWED").contains("previous_hash");

        Run refused = cli.run(
                "report",
                "rpt-4",
                "--from",
                "2024-07-01",
                "--to",
                "2024-07-31",
                "--format",
                "pdf",
                "--output",
                dir.resolve("x.pdf").toString(),
                "--token",
                auditor);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err().strip()).isEqualTo("corridor: RPT-4 is produced as csv or json, not pdf");
        assertThat(Files.exists(dir.resolve("x.pdf"))).isFalse();
        assertThat(cli.run("report", "rpt-12", "--from", "2024-07-01", "--to", "2024-07-31", "--token", auditor)
                        .exitCode())
                .isEqualTo(1);
        assertThat(cli.run("report", "rpt-1", "--from", "2024-07-01", "--token", auditor)
                        .exitCode())
                .isEqualTo(2);

        assertThat(cli.ok("alerts", "--as-of", "2024-07-10", "--token", auditor).out())
                .contains("NO_VALID_AUTHORISATION");
        Run hold = cli.ok("retention", "hold", "--subject", "all", "--reason", "regulator's inquiry");
        assertThat(hold.out()).startsWith("legal hold ").contains("placed on all");
        assertThat(cli.ok("retention", "holds").out()).contains("ACTIVE").contains("regulator's inquiry");
        assertThat(cli.ok("retention", "check", "--as-of", "2040-01-01").out())
                .contains("audit entries past retention are kept");
    }
}
