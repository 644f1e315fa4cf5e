package org.corridor.cli;

import java.util.UUID;
import java.util.concurrent.Callable;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.identity.Permission;
import org.corridor.release.LineResolution;
import org.corridor.release.Release;
import org.corridor.release.Releases;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code releases lines}: the compliance decisions on goods lines that eligibility escalated, as the
 * user of --token or CORRIDOR_TOKEN, through the same checks as the API.
 */
@Command(
        name = "lines",
        description = "Escalated goods lines: resolve (ALLOW with four eyes, or DENY), split off into a request of"
                + " their own, list the decisions taken.",
        subcommands = {
            ReleaseLinesCommand.Resolve.class,
            ReleaseLinesCommand.Split.class,
            ReleaseLinesCommand.Decisions.class
        })
final class ReleaseLinesCommand extends CommandGroup {

    /** The request and line a subcommand acts on, and who signs in. */
    static final class Target {
        @Mixin
        DatabaseOptions database;

        @Mixin
        SignIn signIn;

        @Parameters(index = "0", paramLabel = "REQUEST", description = "Id or reference.")
        String request;

        /** Signs in for {@code permission}, makes {@code change} to the request and prints where it stands. */
        int print(Permission permission, String command, Change change) {
            try (Corridor corridor = database.open()) {
                Releases releases = corridor.releases();
                Actor by = signIn.actor(corridor, permission, command);
                System.out.println(ReleasesCommand.line(
                        change.apply(releases, by, releases.find(by, request).id())));
            }
            return 0;
        }
    }

    /** A change to a request by the signed-in person. */
    interface Change {
        Release apply(Releases releases, Actor by, UUID id);
    }

    @Command(
            name = "resolve",
            mixinStandardHelpOptions = true,
            description = "Decide an escalated line (a COMPLIANCE_ANALYST or COMPLIANCE_REVIEWER who did not submit"
                    + " the request): ALLOW is proposed, then confirmed by another COMPLIANCE_REVIEWER; DENY removes"
                    + " the line at once. Once no line is escalated the request goes on, screened.")
    static final class Resolve implements Callable<Integer> {
        @Mixin
        Target target;

        @Parameters(index = "1", paramLabel = "LINE", description = "The line's number, such as 2.")
        String line;

        @Option(names = "--decision", required = true, paramLabel = "D", description = "ALLOW or DENY.")
        String decision;

        @Option(names = "--rationale", required = true, paramLabel = "TEXT", description = "Why.")
        String rationale;

        @Override
        public Integer call() {
            return target.print(
                    Permission.RELEASE_LINE_RESOLVE,
                    "releases lines resolve",
                    (releases, by, id) ->
                            releases.resolveLine(by, id, line, new Releases.LineResolutionInput(decision, rationale)));
        }
    }

    @Command(
            name = "split",
            mixinStandardHelpOptions = true,
            description = "Split an escalated line off into a request of its own (REQUEST-L<line>), held for it with"
                    + " the same submitter and chain; prints the rest of the request, which goes on.")
    static final class Split implements Callable<Integer> {
        @Mixin
        Target target;

        @Parameters(index = "1", paramLabel = "LINE", description = "The line's number, such as 4.")
        String line;

        @Option(names = "--rationale", required = true, paramLabel = "TEXT", description = "Why.")
        String rationale;

        @Override
        public Integer call() {
            return target.print(
                    Permission.RELEASE_LINE_RESOLVE,
                    "releases lines split",
                    (releases, by, id) -> releases.splitLine(by, id, line, new Releases.LineSplitInput(rationale)));
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "The decisions taken on a request's escalated lines, oldest first, one per line of output.")
    static final class Decisions implements Callable<Integer> {
        @Mixin
        Target target;

        @Override
        public Integer call() {
            try (Corridor corridor = target.database.open()) {
                Releases releases = corridor.releases();
                Actor by = target.signIn.actor(corridor, Permission.RELEASE_READ, "releases lines list");
                for (LineResolution decision : releases.lineResolutions(
                        releases.find(by, target.request).id())) {
                    System.out.println(String.join(
                            "\t",
                            decision.line(),
                            decision.decision()
                                    + decision.splitInto()
                                            .map(into -> " " + into)
                                            .orElse(""),
                            decision.reason(),
                            decision.actor() + " (" + decision.actorRole() + ")",
                            decision.decidedAt().toString(),
                            decision.rationale()));
                }
            }
            return 0;
        }
    }
}
