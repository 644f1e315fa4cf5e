package org.corridor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.corridor.app.Config;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.authorisation.Category;
import org.corridor.http.JsonSupport;
import org.corridor.identity.Role;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.release.Approval;
import org.corridor.release.NewRequest;
import org.corridor.release.Release;
import org.corridor.release.ReleaseFixtures;
import org.corridor.release.Releases;
import org.corridor.release.ScreeningHit;
import org.corridor.screening.ListFormat;
import org.corridor.screening.ListReader;
import org.corridor.testing.Cli;
import org.corridor.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console attack of issue 15: one person at the console, who can set the JVM's user.name
 * (CORRIDOR_JAVA_OPTS=-Duser.name=alice), tries to take the approval steps of one request as
 * several people and to execute it. Before the controls the CLI's actor was "cli:" + user.name and
 * the attack paid the request.
 */
class ConsoleIdentityAttackTest {

    @TempDir
    Path dir;

    @Test
    void one_console_user_takes_at_most_one_step_whatever_user_name_the_jvm_reports() throws Exception {
        String token;
        String reference = "DR-CONSOLE-0001";
        try (Corridor corridor = Corridor.open(Config.fromEnvironment().withDataDir(dir))) {
            LocalDate today = LocalDate.now(corridor.zone());
            // A small list is enough: the attack is on who takes the steps, not on what screening finds.
            corridor.screening()
                    .importSnapshots(
                            Actor.SYSTEM,
                            ListReader.read(
                                    ListFormat.UN_XML,
                                    Path.of(getClass()
                                            .getResource("/screening/un-small.xml")
                                            .toURI())),
                            "un-small.xml");
            ReleaseFixtures.registerGeneralLicence(
                    corridor, "GL-CONSOLE", "GL-CONSOLE", "General licence", today, Category.MEDICINE);
            ReleaseFixtures.openFundedAccount(
                    corridor,
                    "NIGC-EUR-R",
                    "console",
                    Money.parse("1000000.00", Currency.EUR),
                    today.minusDays(10),
                    "test");
            TestUsers.token(corridor, "nigc-agent", Role.BENEFICIARY_AGENT, "NIGC");
            NewRequest request = JsonSupport.mapper()
                    .readValue(
                            InsiderAttacksTest.request(
                                    reference, "NIGC-EUR-R", "Shiraz Pharmaceutical Distribution", "10"),
                            NewRequest.class);
            Release submitted = corridor.releases()
                    .submit(new Actor("nigc-agent", "BENEFICIARY_AGENT"), request)
                    .request();
            for (ScreeningHit hit : submitted.hits()) {
                corridor.releases()
                        .dispose(
                                new Actor("amira", "COMPLIANCE_ANALYST"),
                                hit.id(),
                                new Releases.Disposition("FALSE_POSITIVE", "another entity"));
                corridor.releases()
                        .dispose(
                                new Actor("rita", "COMPLIANCE_REVIEWER"),
                                hit.id(),
                                new Releases.Disposition("FALSE_POSITIVE", "confirmed"));
            }
            corridor.releases()
                    .registerPayingAccount(
                            new Actor("olga", "OPERATOR"),
                            new Releases.PayingAccountInput(
                                    "NIGC-EUR-R", "OM81 0180 0000 0129 9123 456", "MPBKOMRX", "NIGC restricted"));
            // The attacker's own account: one person who may both make and check.
            token = TestUsers.token(corridor, "mallory", Role.OPERATOR);
            // The commands below join the database server this corridor started.
            attack(reference, token);
            Release after = corridor.releases().byReference(reference);
            assertThat(after.state()).isNotEqualTo("EXECUTED");
            assertThat(after.approvals().stream().map(Approval::actor).distinct())
                    .as("people who took a step from one console")
                    .hasSizeLessThanOrEqualTo(1);
            assertThat(after.approvals().stream().map(Approval::actor)).allMatch(name -> !name.startsWith("cli:"));
            assertThat(after.approvals()).hasSizeLessThanOrEqualTo(1);
        }
    }

    /** Every way the console allowed, then the attacker's one token, under three user names. */
    private void attack(String reference, String token) {
        String original = System.getProperty("user.name");
        try {
            for (String[] step : List.of(
                    new String[] {"alice", "MAKER", "OPERATOR"},
                    new String[] {"bob", "COMPLIANCE", "APPROVER"},
                    new String[] {"carol", "AUTHORITY", "OPERATOR"})) {
                System.setProperty("user.name", step[0]);
                // As the console allowed before: no token, a role said on the command line.
                Cli.in(dir)
                        .run(
                                "releases",
                                "approve",
                                reference,
                                "--step",
                                step[1],
                                "--role",
                                step[2],
                                "--reference",
                                "AUTH-" + step[0]);
                // With the one token the attacker holds.
                Cli.in(dir)
                        .run(
                                "releases",
                                "approve",
                                reference,
                                "--step",
                                step[1],
                                "--reference",
                                "AUTH-" + step[0],
                                "--token",
                                token);
            }
            System.setProperty("user.name", "dave");
            Cli.in(dir)
                    .run(
                            "releases",
                            "execute",
                            reference,
                            "--value-date",
                            LocalDate.now().toString());
            Cli.in(dir)
                    .run(
                            "releases",
                            "execute",
                            reference,
                            "--value-date",
                            LocalDate.now().toString(),
                            "--token",
                            token);
        } finally {
            System.setProperty("user.name", original);
        }
    }
}
