package org.corridor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
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
import picocli.CommandLine.Mixin;
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
final class ReleasesCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

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

    @Command(
            name = "submit",
            mixinStandardHelpOptions = true,
            description = "Submit a request from a JSON file (the body of POST /api/v1/releases).")
    static final class Submit implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Mixin
        SignIn signIn;

        @Parameters(index = "0", paramLabel = "FILE", description = "The request as JSON.")
        Path file;

        @Override
        public Integer call() throws IOException {
            NewRequest request;
            try {
                request = JsonSupport.mapper()
                        .readValue(Files.readString(file, StandardCharsets.UTF_8), NewRequest.class);
            } catch (JsonProcessingException e) {
                throw new InvalidInputException("BODY_INVALID", "not a release request: " + e.getOriginalMessage());
            }
            try (Corridor corridor = database.open()) {
                Releases.Submission submission = corridor.releases()
                        .submit(signIn.actor(corridor, Permission.RELEASE_SUBMIT, "releases submit"), request);
                System.out.println(line(submission.request()));
                submission.parts().forEach(part -> System.out.println(line(part)));
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "A request as JSON, with its history.")
    static final class Show implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Mixin
        SignIn signIn;

        @Parameters(index = "0", paramLabel = "REQUEST", description = "Id or reference.")
        String request;

        @Option(names = "--pacs008", description = "Print the payment instruction of an executed request instead.")
        boolean pacs008;

        @Override
        public Integer call() {
            try (Corridor corridor = database.open()) {
                Release release = corridor.releases()
                        .find(signIn.actor(corridor, Permission.RELEASE_READ, "releases show"), request);
                if (pacs008) {
                    System.out.println(release.execution()
                            .orElseThrow(() -> new InvalidInputException(
                                    "PAYMENT_NOT_FOUND", release.reference() + " has not been executed"))
                            .pacs008());
                } else {
                    System.out.println(json(release));
                }
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Requests, oldest first.")
    static final class ListReleases implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Mixin
        SignIn signIn;

        @Option(names = "--state", paramLabel = "STATE", description = "Only requests in this state.")
        String state;

        @Option(names = "--limit", paramLabel = "N", description = "At most N (default 100).")
        int limit = 100;

        @Override
        public Integer call() {
            Optional<RequestState> filter;
            try {
                filter = Optional.ofNullable(state).map(text -> RequestState.valueOf(text.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("PARAMETER_INVALID", "not a request state: " + state);
            }
            try (Corridor corridor = database.open()) {
                corridor.releases()
                        .list(signIn.actor(corridor, Permission.RELEASE_READ, "releases list"), filter, limit)
                        .forEach(release -> System.out.println(line(release)));
            }
            return 0;
        }
    }

    @Command(
            name = "approve",
            mixinStandardHelpOptions = true,
            description = "Take a step of a request's approval chain.")
    static final class Approve implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Mixin
        SignIn signIn;

        @Parameters(index = "0", paramLabel = "REQUEST", description = "Id or reference.")
        String request;

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

        @Override
        public Integer call() {
            try (Corridor corridor = database.open()) {
                Releases releases = corridor.releases();
                Actor by = signIn.actor(corridor, Permission.RELEASE_APPROVE, "releases approve");
                Release release = releases.approve(
                        by,
                        releases.find(by, request).id(),
                        new Releases.ApprovalInput(step, Optional.ofNullable(reference), Optional.ofNullable(note)));
                System.out.println(line(release));
            }
            return 0;
        }
    }

    @Command(
            name = "execute",
            mixinStandardHelpOptions = true,
            description = "Execute an approved request today, or schedule it for a later value date (idempotent);"
                    + " a failed check holds it (exit 3).")
    static final class Execute implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Mixin
        SignIn signIn;

        @Parameters(index = "0", paramLabel = "REQUEST", description = "Id or reference.")
        String request;

        @Option(names = "--value-date", required = true, paramLabel = "DATE", description = "YYYY-MM-DD.")
        String valueDate;

        @Override
        public Integer call() {
            try (Corridor corridor = database.open()) {
                Releases releases = corridor.releases();
                Actor by = signIn.actor(corridor, Permission.RELEASE_EXECUTE, "releases execute");
                Release release =
                        releases.execute(by, releases.find(by, request).id(), date("--value-date", valueDate));
                System.out.println(line(release));
                // A later value date is accepted as SCHEDULED: it executes on that day, not now.
                return release.state().equals("EXECUTED") || release.state().equals("SCHEDULED") ? 0 : 3;
            }
        }
    }
}
