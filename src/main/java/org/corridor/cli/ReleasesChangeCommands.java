package org.corridor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.corridor.InvalidInputException;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.http.JsonSupport;
import org.corridor.identity.Permission;
import org.corridor.release.Release;
import org.corridor.release.Releases;
import org.corridor.release.ReportFiling;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The commands that change a live request other than by its approval chain (amend, reject), and the
 * record that an RPT-5 report was filed.
 */
final class ReleasesChangeCommands {

    private ReleasesChangeCommands() {}

    @Command(
            name = "amend",
            mixinStandardHelpOptions = true,
            description = "Amend a request (its holder's agents) from a JSON file, the body of"
                    + " POST /api/v1/releases/{id}/amendments: voids the approvals taken, screens every party"
                    + " again and re-runs the checks.")
    static final class Amend implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Mixin
        SignIn signIn;

        @Parameters(index = "0", paramLabel = "REQUEST", description = "Id or reference.")
        String request;

        @Parameters(index = "1", paramLabel = "FILE", description = "The amendment as JSON, with its note.")
        Path file;

        @Override
        public Integer call() throws IOException {
            Releases.Amendment amendment;
            try {
                amendment = JsonSupport.mapper()
                        .readValue(Files.readString(file, StandardCharsets.UTF_8), Releases.Amendment.class);
            } catch (JsonProcessingException e) {
                throw new InvalidInputException("BODY_INVALID", "not an amendment: " + e.getOriginalMessage());
            }
            try (Corridor corridor = database.open()) {
                Releases releases = corridor.releases();
                Actor by = signIn.actor(corridor, Permission.RELEASE_SUBMIT, "releases amend");
                Release amended = releases.amend(by, releases.find(by, request).id(), amendment);
                System.out.println(ReleasesCommand.line(amended));
            }
            return 0;
        }
    }

    @Command(
            name = "reject",
            mixinStandardHelpOptions = true,
            description = "Reject a live request (an APPROVER, not its submitter), with the rationale; its"
                    + " ledger hold, if any, is voided.")
    static final class Reject implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Mixin
        SignIn signIn;

        @Parameters(index = "0", paramLabel = "REQUEST", description = "Id or reference.")
        String request;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why it is rejected.")
        String reason;

        @Override
        public Integer call() {
            try (Corridor corridor = database.open()) {
                Releases releases = corridor.releases();
                Actor by = signIn.actor(corridor, Permission.RELEASE_APPROVE, "releases reject");
                Release rejected =
                        releases.reject(by, releases.find(by, request).id(), new Releases.RejectionInput(reason));
                System.out.println(ReleasesCommand.line(rejected));
            }
            return 0;
        }
    }

    @Command(
            name = "file-report",
            mixinStandardHelpOptions = true,
            description = "Record that the RPT-5 report of an event (REJ-n or REQ-reference, as RPT-5 and the alerts"
                    + " name it) was filed with the authority (a COMPLIANCE_ANALYST or COMPLIANCE_REVIEWER);"
                    + " clears its REJECTION_REPORT_DUE alert.")
    static final class FileReport implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Mixin
        SignIn signIn;

        @Parameters(index = "0", paramLabel = "EVENT", description = "The event, such as REJ-1.")
        String event;

        @Option(names = "--reference", required = true, paramLabel = "REF", description = "The filing's reference.")
        String reference;

        @Option(names = "--filed-on", paramLabel = "DATE", description = "YYYY-MM-DD (default: today).")
        String filedOn;

        @Override
        public Integer call() {
            Optional<LocalDate> on = Optional.ofNullable(filedOn).map(text -> ReleasesCommand.date("--filed-on", text));
            try (Corridor corridor = database.open()) {
                Actor by = signIn.actor(corridor, Permission.REJECTION_REPORT_FILE, "releases file-report");
                ReportFiling filing =
                        corridor.releases().fileReport(by, event, new Releases.ReportFilingInput(reference, on));
                System.out.println(filing.eventId() + " filed on " + filing.filedOn() + " under " + filing.reference()
                        + ", recorded by " + filing.filedBy());
            }
            return 0;
        }
    }
}
