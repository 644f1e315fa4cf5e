package org.corridor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import org.corridor.InvalidInputException;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.http.JsonSupport;
import org.corridor.identity.Permission;
import org.corridor.release.NewRequest;
import org.corridor.release.Release;
import org.corridor.release.Releases;
import org.corridor.release.RequestState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "releases",
        mixinStandardHelpOptions = true,
        description = "Disbursement requests: submit, show, list, amend, approve, reject and execute, as the user"
                + " of --token or CORRIDOR_TOKEN.",
        subcommands = {
            ReleasesCommand.Submit.class,
            ReleasesCommand.Show.class,
            ReleasesCommand.ListReleases.class,
            ReleasesCommand.Approve.class,
            ReleasesCommand.Execute.class,
            ReleaseLinesCommand.class,
            ReleasesChangeCommands.Amend.class,
            ReleasesChangeCommands.Reject.class,
            ReleasesChangeCommands.FileReport.class
        })
final class ReleasesCommand extends CommandGroup {

    static LocalDate date(String option, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw new InvalidInputException("PARAMETER_INVALID", option + " must be a YYYY-MM-DD date: " + text);
        }
    }

    static String json(Object value) {
        try {
            return JsonSupport.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String line(Release release) {
        return String.join(
                "\t",
                release.reference(),
                release.state()
                        + release.reason().map(reason -> "(" + reason + ")").orElse(""),
                release.amount().toDecimalString() + " "
                        + release.amount().currency().code(),
                release.id().toString());
    }

    /**
     * A command on one request: sign in for the command's permission, find the request by id or
     * reference (which checks that the user may see it), act on it and print what it became.
     */
    abstract static class OnRequest extends SignedInCommand {
        @Parameters(index = "0", paramLabel = "REQUEST", description = "Id or reference.")
        String request;

        private final Permission permission;

        OnRequest(Permission permission) {
            this.permission = permission;
        }

        @Override
        final void run(Corridor corridor) {
            Releases releases = corridor.releases();
            Actor by = actor(corridor, permission);
            act(releases, by, releases.find(by, request));
        }

        /** The command's own step on the request found, which prints its outcome. */
        abstract void act(Releases releases, Actor by, Release found);
    }

    @Command(
            name = "submit",
            mixinStandardHelpOptions = true,
            description = "Submit a request from a JSON file (the body of POST /api/v1/releases).")
    static final class Submit extends SignedInCommand {
        @Parameters(index = "0", paramLabel = "FILE", description = "The request as JSON.")
        Path file;

        private NewRequest submitted;

        @Override
        void check() throws IOException {
            submitted = body(file, NewRequest.class, "not a release request: ");
        }

        @Override
        void run(Corridor corridor) {
            Releases.Submission submission =
                    corridor.releases().submit(actor(corridor, Permission.RELEASE_SUBMIT), submitted);
            System.out.println(line(submission.request()));
            submission.parts().forEach(part -> System.out.println(line(part)));
        }
    }

    /** A JSON file read as the body its API route takes; what does not parse is refused as BODY_INVALID. */
    static <T> T body(Path file, Class<T> type, String refusal) throws IOException {
        try {
            return JsonSupport.mapper().readValue(Files.readString(file, StandardCharsets.UTF_8), type);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("BODY_INVALID", refusal + e.getOriginalMessage());
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "A request as JSON, with its history.")
    static final class Show extends OnRequest {
        @Option(names = "--pacs008", description = "Print the payment instruction of an executed request instead.")
        boolean pacs008;

        Show() {
            super(Permission.RELEASE_READ);
        }

        @Override
        void act(Releases releases, Actor by, Release found) {
            if (pacs008) {
                System.out.println(found.execution()
                        .orElseThrow(() -> new InvalidInputException(
                                "PAYMENT_NOT_FOUND", found.reference() + " has not been executed"))
                        .pacs008());
            } else {
                System.out.println(json(found));
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Requests, oldest first.")
    static final class ListReleases extends StateListCommand<RequestState> {
        @Option(names = "--state", paramLabel = "STATE", description = "Only requests in this state.")
        String state;

        ListReleases() {
            super(RequestState.class, "not a request state: ");
        }

        @Override
        String state() {
            return state;
        }

        @Override
        void run(Corridor corridor) {
            corridor.releases()
                    .list(actor(corridor, Permission.RELEASE_READ), filter, limit)
                    .forEach(release -> System.out.println(line(release)));
        }
    }

    @Command(
            name = "approve",
            mixinStandardHelpOptions = true,
            description = "Take a step of a request's approval chain.")
    static final class Approve extends OnRequest {
        @Option(
                names = "--step",
                required = true,
                paramLabel = "STEP",
                description = "MAKER (an OPERATOR), COMPLIANCE or SENIOR_COMPLIANCE (an APPROVER), or AUTHORITY"
                        + " (an OPERATOR or an APPROVER, with --reference).")
        String step;

        @Option(names = "--reference", paramLabel = "REF", description = "The Authority's approval reference.")
        String reference;

        @Option(names = "--note", paramLabel = "TEXT", description = "A note kept with the step.")
        String note;

        Approve() {
            super(Permission.RELEASE_APPROVE);
        }

        @Override
        void act(Releases releases, Actor by, Release found) {
            System.out.println(line(releases.approve(
                    by,
                    found.id(),
                    new Releases.ApprovalInput(step, Optional.ofNullable(reference), Optional.ofNullable(note)))));
        }
    }

    @Command(
            name = "execute",
            mixinStandardHelpOptions = true,
            description = "Execute an approved request today, or schedule it for a later value date (idempotent);"
                    + " a failed check holds it (exit 3).")
    static final class Execute extends OnRequest {
        @Option(names = "--value-date", required = true, paramLabel = "DATE", description = "YYYY-MM-DD.")
        String valueDate;

        Execute() {
            super(Permission.RELEASE_EXECUTE);
        }

        @Override
        void act(Releases releases, Actor by, Release found) {
            Release release = releases.execute(by, found.id(), date("--value-date", valueDate));
            System.out.println(line(release));
            // A later value date is accepted as SCHEDULED: it executes on that day, not now.
            exitCode = release.state().equals("EXECUTED") || release.state().equals("SCHEDULED") ? 0 : 3;
        }
    }
}
