package org.corridor.authorisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.testing.Cli.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.corridor.testing.Cli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line end to end on a fresh embedded database in a folder of the test's own, as it is
 * checked from outside: {@code eligibility check}, {@code rules} and {@code authorisations}.
 */
class AuthorisationCliTest {

    /** One folder and database for the class: starting a fresh embedded server takes seconds. */
    @TempDir
    static Path dir;

    @Test
    void eligibility_check_follows_the_csv_contract_on_a_fresh_database() throws Exception {
        Path lines = dir.resolve("LINES.csv");
        Path decisions = dir.resolve("DECISIONS.csv");
        Files.writeString(
                lines,
                "line,description,hs_code,quantity,unit,unit_price,currency,category,end_user_type\n"
                        + "1,Imatinib 400 mg tablets (oncology),3004.90,120000,pack,25.00,EUR,MEDICINE,HOSPITAL\n"
                        + "2,Insulin glargine pre-filled pens,3004.31,180000,pen,6.80,EUR,MEDICINE,HOSPITAL\n"
                        + "2,Insulin glargine pre-filled pens,3004.31,20000,pen,6.80,EUR,MEDICINE,LAW_ENFORCEMENT\n"
                        + "3,Patient monitors,9018.19,200,unit,2400,EUR,DEVICE,HOSPITAL\n"
                        + "4,128-slice CT scanner,9022.12,1,unit,950000,EUR,DEVICE,HOSPITAL\n"
                        + "5,Insulin glargine pre-filled pens,3004.31,100,pen,6.80,EUR,MEDICINE,\n"
                        + "6,Whisky,2208.30,100,l,20,EUR,FOOD,DISTRIBUTOR\n");
        Run check = run(
                "eligibility",
                "check",
                "--input",
                lines.toString(),
                "--output",
                decisions.toString(),
                "--on",
                "2024-07-05",
                "--data-dir",
                dir.resolve("data").toString());
        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.out()).contains("7 line(s) on 2024-07-05 with eligibility rules version 1");
        assertThat(Files.readString(decisions))
                .isEqualTo("line,decision,reason,allowed_quantity\n"
                        + "1,ALLOWED,,120000\n"
                        + "2,ALLOWED,,180000\n"
                        + "2,DENIED,END_USER_EXCLUDED,0\n"
                        + "3,ALLOWED,,200\n"
                        + "4,ESCALATE,SPECIFIC_LICENCE_REQUIRED,0\n"
                        + "5,ESCALATE,END_USER_UNKNOWN,0\n"
                        + "6,DENIED,EXCLUDED_ITEM,0\n");

        Files.writeString(lines, "line,description\n1,x\n");
        Run malformed = run(
                "eligibility",
                "check",
                "--input",
                lines.toString(),
                "--output",
                decisions.toString(),
                "--data-dir",
                dir.resolve("data").toString());
        assertThat(malformed.exitCode()).isEqualTo(1);
        assertThat(malformed.err().strip()).isEqualTo("corridor: LINES.csv line 1: the header lacks column 'hs_code'");
        assertThat(run("eligibility", "check", "--output", decisions.toString()).exitCode())
                .isEqualTo(2);

        Run shown = run("rules", "show", "--data-dir", dir.resolve("data").toString());
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out())
                .startsWith("eligibility rules version 1 (active): Corridor default eligibility rules")
                .contains("\"format\": \"corridor-eligibility-rules/1\"");

        Path bad = dir.resolve("bad-rules.json");
        Files.writeString(
                bad,
                Eligibility.defaultRulesContent()
                        .replace("\"status\": \"DENIED\"", "\"status\": \"NO\"")
                        .replace(
                                "{\"prefix\": \"31\", \"status\": \"ESCALATE\"",
                                "{\"prefix\": \"31\", \"status\": \"MAYBE\""));
        Run refused = run(
                "rules",
                "import",
                bad.toString(),
                "--data-dir",
                dir.resolve("data").toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err())
                .contains("  hs_rules[25].status (line 31): must be ALLOWED, ESCALATE or DENIED")
                .contains("corridor: rules file bad-rules.json is invalid: hs_rules[25].status (line 31)");
    }

    @Test
    void authorisations_are_added_renewed_and_their_gaps_listed() {
        String data = dir.resolve("data").toString();
        Run w19 = run(
                "authorisations",
                "add",
                "--reference",
                "W-19",
                "--type",
                "WAIVER",
                "--series",
                "IRAQ-ENERGY",
                "--issuer",
                "US Department of State",
                "--legal-basis",
                "National security waiver",
                "--valid-from",
                "2024-03-11",
                "--valid-to",
                "2024-07-08",
                "--purposes",
                "FOOD,AGRI,MEDICINE,DEVICE",
                "--movements",
                "DEPOSIT,CONVERSION,TRANSFER,DISBURSEMENT",
                "--currencies",
                "IQD,EUR",
                "--prohibited-currencies",
                "USD",
                "--locations",
                "IQ,OM",
                "--prior-approval",
                "DISBURSEMENT",
                "--threshold",
                "NOTIFY_AUTHORITY:ABOVE:10000.00:EUR:30:DISBURSEMENT",
                "--cap",
                "PER_PERIOD:500000000.00:EUR:7:CONVERSION",
                "--data-dir",
                data);
        assertThat(w19.exitCode()).as(w19.err()).isZero();
        assertThat(w19.out()).startsWith("registered W-19 (WAIVER, series IRAQ-ENERGY) valid 2024-03-11 to 2024-07-08");

        Run w20 = run(
                "authorisations",
                "add",
                "--reference",
                "W-20",
                "--renews",
                "W-19",
                "--valid-from",
                "2024-07-16",
                "--valid-to",
                "2024-11-12",
                "--data-dir",
                data);
        assertThat(w20.exitCode()).as(w20.err()).isZero();
        assertThat(w20.out())
                .contains("renewed W-19 as W-20 (WAIVER, series IRAQ-ENERGY)")
                .contains("gap 2024-07-09 to 2024-07-15 (7 days) after W-19");

        Run gaps = run("authorisations", "gaps", "--data-dir", data);
        assertThat(gaps.out()).containsPattern("IRAQ-ENERGY\\s+2024-07-09 2024-07-15\\s+7\\s+W-19\\s+W-20");

        Run inTheGap = run(
                "authorisations",
                "cover",
                "--kind",
                "DEPOSIT",
                "--on",
                "2024-07-10",
                "--amount",
                "IQD 1000.000",
                "--data-dir",
                data);
        assertThat(inTheGap.exitCode()).as("not covered exits 1").isEqualTo(1);
        assertThat(inTheGap.out()).startsWith("NOT COVERED: ");
        String reason = inTheGap.out().lines().findFirst().orElseThrow().substring("NOT COVERED: ".length());
        assertThat(inTheGap.out().split(java.util.regex.Pattern.quote(reason), -1))
                .as("the reason is printed once")
                .hasSize(2);
    }
}
