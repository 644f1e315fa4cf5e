package org.corridor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `corridor demo --no-serve` plays domain.md 6(b) through the API on a fresh embedded database, and
 * every figure it reports is the one 6(b) gives.
 */
class DemoTest {

    @TempDir
    Path dataDir;

    @Test
    void the_demo_replays_the_scenario_and_reports_the_figures_of_domain_6b() throws Exception {
        CliTest.Run demo = CliTest.run("demo", "--no-serve", "--yes", "--data-dir", dataDir.toString());
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out())
                .contains("step 1  June invoices")
                .contains("net invoiced EUR 289,507,500")
                .contains("EUR 99,850,000 credited to NIGC-EUR-R")
                .contains("gap 2024-07-09 to 2024-07-15, 7 days");
        assertThat(demo.outLines()).anyMatch(line -> line.matches("\\s+AUDITOR\\s+cor_[A-Za-z0-9_-]{43}"));

        JsonNode summary = new ObjectMapper().readTree(Files.readString(dataDir.resolve("demo-summary.json")));
        assertThat(summary.get("invoiced_eur").asText()).isEqualTo("289507500.00");
        assertThat(summary.get("converted_eur").asText()).isEqualTo("99850000.00");
        assertThat(summary.get("deposits_iqd").get("NIGC-IQD-R").asText()).isEqualTo("939632651100.000");
        assertThat(summary.get("deposits_iqd").get("TAV-IQD-R").asText()).isEqualTo("230607000000.000");
        assertThat(summary.get("deposits_iqd").get("total").asText()).isEqualTo("1170239651100.000");
        assertThat(summary.get("gap_days").asInt()).isEqualTo(7);

        // A second run refuses to wipe the folder unless told to.
        CliTest.Run again = CliTest.run("demo", "--no-serve", "--data-dir", dataDir.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("--yes");
    }
}
