package org.corridor.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.testing.Cli.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.corridor.identity.Role;
import org.corridor.testing.Cli;
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
        Cli.InFolder folder = Cli.in(dir.resolve("data"));
        String agent = folder.token("nigc-agent", Role.BENEFICIARY_AGENT, "NIGC");
        String analyst = folder.token("amira", Role.COMPLIANCE_ANALYST);
        String operator = folder.token("olga", Role.OPERATOR);

        // Business commands act as a user with a token; the operating-system user names nobody.
        Run anonymous = run("releases", "submit", request.toString(), "--data-dir", data);
        assertThat(anonymous.exitCode()).isEqualTo(1);
        assertThat(anonymous.err().strip()).startsWith("corridor: UNAUTHENTICATED");
        assertThat(run("hits", "list", "--data-dir", data, "--token", agent).err())
                .contains("ROLE_NOT_PERMITTED");

        Run submitted = run("releases", "submit", request.toString(), "--data-dir", data, "--token", agent);
        assertThat(submitted.exitCode()).isEqualTo(1);
        assertThat(submitted.err().strip()).startsWith("corridor: ").contains("NIGC-EUR-R");

        Run listed = run("releases", "list", "--data-dir", data, "--token", agent);
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).isEmpty();

        Run hits = run("hits", "list", "--state", "OPEN", "--data-dir", data, "--token", analyst);
        assertThat(hits.exitCode()).as(hits.err()).isZero();

        Run unknown = run(
                "hits",
                "dispose",
                "00000000-0000-0000-0000-000000000000",
                "--decision",
                "FALSE_POSITIVE",
                "--rationale",
                "x",
                "--data-dir",
                data,
                "--token",
                analyst);
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("no screening hit");

        // Escalated lines are decided by compliance only; the refusal is one line.
        assertThat(run("releases", "lines", "--help").out()).contains("resolve", "split", "list");
        Run notCompliance = run(
                "releases",
                "lines",
                "resolve",
                "DR-0000",
                "1",
                "--decision",
                "ALLOW",
                "--rationale",
                "x",
                "--data-dir",
                data,
                "--token",
                operator);
        assertThat(notCompliance.exitCode()).isEqualTo(1);
        assertThat(notCompliance.err().strip()).startsWith("corridor: ROLE_NOT_PERMITTED");
        Run noRequest = run(
                "releases",
                "lines",
                "split",
                "DR-0000",
                "1",
                "--rationale",
                "x",
                "--data-dir",
                data,
                "--token",
                analyst);
        assertThat(noRequest.exitCode()).isEqualTo(1);
        assertThat(noRequest.err().strip()).startsWith("corridor: ").contains("DR-0000");

        Run missing = run("releases", "show", "DR-0000", "--data-dir", data, "--token", operator);
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(run("releases", "approve", "DR-0000", "--data-dir", data, "--token", operator)
                        .exitCode())
                .isEqualTo(2);
    }
}
