package org.corridor.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.testing.Cli.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.corridor.testing.Cli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The releases and hits commands on a durable embedded database of the test's own. */
class ReleaseCliTest {

    @TempDir
    Path dir;

    @Test
    void the_commands_refuse_in_one_line_what_the_feature_refuses_and_list_what_there_is() throws Exception {
        String data = dir.resolve("data").toString();
        Path request = Files.writeString(dir.resolve("request.json"), ReleaseHttpTest.REQUEST);

        Run submitted = run("releases", "submit", request.toString(), "--data-dir", data);
        assertThat(submitted.exitCode()).isEqualTo(1);
        assertThat(submitted.err().strip()).startsWith("corridor: ").contains("NIGC-EUR-R");

        Run listed = run("releases", "list", "--data-dir", data);
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).isEmpty();

        Run hits = run("hits", "list", "--state", "OPEN", "--data-dir", data);
        assertThat(hits.exitCode()).as(hits.err()).isZero();

        Run unknown = run(
                "hits",
                "dispose",
                "00000000-0000-0000-0000-000000000000",
                "--decision",
                "FALSE_POSITIVE",
                "--rationale",
                "x",
                "--role",
                "COMPLIANCE_ANALYST",
                "--data-dir",
                data);
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("no screening hit");

        Run missing = run("releases", "show", "DR-0000", "--data-dir", data);
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(run("releases", "approve", "DR-0000", "--data-dir", data).exitCode())
                .isEqualTo(2);
    }
}
