package org.corridor.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.testing.Cli.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.corridor.testing.Cli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ownership and vessels commands end to end on a durable embedded database of the test's own. */
class OwnershipCliTest {

    @TempDir
    Path dir;

    @Test
    void import_explain_and_screen_the_scenario_forwarder_and_vessel() throws Exception {
        String data = dir.resolve("data").toString();
        Path graph = Files.writeString(dir.resolve("gulf-star.csv"), OwnershipTest.FORWARDER_CSV);
        Run imported = run("ownership", "import", graph.toString(), "--data-dir", data);
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out().strip())
                .isEqualTo(
                        "imported " + graph + ": 3 rows; 3 edges, 4 parties, 2 designations written; graph version 1");

        Run explained = run("ownership", "explain", "gulf-star-logistics-fze", "--data-dir", data);
        assertThat(explained.exitCode()).as(explained.err()).isZero();
        assertThat(explained.out())
                .startsWith("Gulf Star Logistics FZE (gulf-star-logistics-fze): BLOCKED_BY_OWNERSHIP\n"
                        + "blocked share 55% under OFAC (OFAC_BLOCKED_HOLDINGS); listed path share 55%; escalation"
                        + " at 25%\n"
                        + "regime OFAC: BLOCKED_BY_OWNERSHIP, 55% under OFAC_BLOCKED_HOLDINGS: 50% or more held")
                .contains("  Entity X [DEMO:ENTITY-X] -[30%]-> Gulf Star Logistics FZE = 30%\n")
                .contains("  Entity Y [DEMO:ENTITY-Y] -[25%]-> Gulf Star Logistics FZE = 25%\n");

        Path feed = Files.writeString(dir.resolve("feed.csv"), """
                imo,kind,observed_on,duration_hours,area,counterpart,from_flag,to_flag,source
                9000001,AIS_GAP,2024-06-18,41,Gulf of Oman STS area,,,,AIS risk feed 2024-07-04
                """);
        Run recorded = run("vessels", "indicators", feed.toString(), "--data-dir", data);
        assertThat(recorded.exitCode()).as(recorded.err()).isZero();
        assertThat(recorded.out().strip()).isEqualTo("recorded " + feed + ": 1 new indicators");

        Run screened = run(
                "vessels",
                "screen",
                "--imo",
                "9000001",
                "--name",
                "MV Sea Lark",
                "--on",
                "2024-07-05",
                "--data-dir",
                data);
        assertThat(screened.exitCode()).as(screened.err()).isZero();
        assertThat(screened.out())
                .startsWith("IMO 9000001 \"MV Sea Lark\": ESCALATE (as of 2024-07-05)\n")
                .contains("ESCALATE AIS_GAP: AIS gap of 41 hours in Gulf of Oman STS area (a known ship-to-ship"
                        + " transfer area) on 2024-06-18");

        Path fleet =
                Files.writeString(dir.resolve("fleet.csv"), "imo,name\n9000001,MV Sea Lark\n9176187,Plain Sailing\n");
        Run batch = run("vessels", "screen", "--input", fleet.toString(), "--on", "2024-07-05", "--data-dir", data);
        assertThat(batch.exitCode()).as(batch.err()).isZero();
        assertThat(batch.out())
                .contains("line 2: IMO 9000001 \"MV Sea Lark\": ESCALATE (as of 2024-07-05)\n")
                .contains("line 3: IMO 9176187 \"Plain Sailing\": CLEAR (as of 2024-07-05)\n");

        Path bad = Files.writeString(dir.resolve("bad.csv"), """
                owner_id,owner_name,owned_id,owned_name,share_percent,source,as_of
                entity-z,Entity Z,gulf-star-logistics-fze,Gulf Star Logistics FZE,50,register,2024-06-30
                """);
        Run refused = run("ownership", "import", bad.toString(), "--data-dir", data);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err().strip())
                .startsWith(
                        "corridor: 1 row refused, nothing imported: line 2: the direct owners of Gulf Star Logistics"
                                + " FZE (gulf-star-logistics-fze) would hold 150% together");
    }

    @Test
    void help_describes_the_commands_and_a_missing_target_is_a_usage_error() {
        Run help = run("ownership", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("import", "explain", "history", "rules", "bench");
        assertThat(run("vessels", "--help").out()).contains("register", "indicators", "screen", "show");
        assertThat(run("vessels", "screen").exitCode()).isEqualTo(2);
        assertThat(run("ownership", "explain").exitCode()).isEqualTo(2);
    }
}
