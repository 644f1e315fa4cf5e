package org.corridor.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.identity.Permission;
import org.corridor.release.Release;
import org.corridor.release.Releases;
import org.corridor.release.ReportFiling;
import picocli.CommandLine.Command;
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
    static final class Amend extends ReleasesCommand.OnRequest {
        @Parameters(index = "1", paramLabel = "FILE", description = "The amendment as JSON, with its note.")
        Path file;

        private Releases.Amendment amendment;

        Amend() {
            super(Permission.RELEASE_SUBMIT);
        }

        @Override
        void check() throws IOException {
            amendment = ReleasesCommand.body(file, Releases.Amendment.class, "not an amendment: ");
        }

        @Override
        void act(Releases releases, Actor by, Release found) {
            System.out.println(ReleasesCommand.line(releases.amend(by, found.id(), amendment)));
        }
    }

    @Command(
            name = "reject",
            mixinStandardHelpOptions = true,
            description = "Reject a live request (an APPROVER, not its submitter), with the rationale; its"
                    + " ledger hold, if any, is voided.")
    static final class Reject extends ReleasesCommand.OnRequest {
        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why it is rejected.")
        String reason;

        Reject() {
            super(Permission.RELEASE_APPROVE);
        }

        @Override
        void act(Releases releases, Actor by, Release found) {
            System.out.println(
                    ReleasesCommand.line(releases.reject(by, found.id(), new Releases.RejectionInput(reason))));
        }
    }

    @Command(
            name = "file-report",
            mixinStandardHelpOptions = true,
            description = "Record that the RPT-5 report of an event (REJ-n or REQ-reference, as RPT-5 and the alerts"
                    + " name it) was filed with the authority (a COMPLIANCE_ANALYST or COMPLIANCE_REVIEWER);"
                    + " clears its REJECTION_REPORT_DUE alert.")
    static final class FileReport extends SignedInCommand {
        @Parameters(index = "0", paramLabel = "EVENT", description = "The event, such as REJ-1.")
        String event;

        @Option(names = "--reference", required = true, paramLabel = "REF", description = "The filing's reference.")
        String reference;

        @Option(names = "--filed-on", paramLabel = "DATE", description = "YYYY-MM-DD (default: today).")
        String filedOn;

        private Optional<LocalDate> on;

        @Override
        void check() {
            on = Optional.ofNullable(filedOn).map(text -> ReleasesCommand.date("--filed-on", text));
        }

        @Override
        void run(Corridor corridor) {
            Actor by = actor(corridor, Permission.REJECTION_REPORT_FILE);
            ReportFiling filing =
                    corridor.releases().fileReport(by, event, new Releases.ReportFilingInput(reference, on));
            System.out.println(filing.eventId() + " filed on " + filing.filedOn() + " under " + filing.reference()
                    + ", recorded by " + filing.filedBy());
        }
    }
}
