package org.corridor.cli;

import org.corridor.audit.Actor;
import org.corridor.identity.Permission;
import org.corridor.release.LineResolution;
import org.corridor.release.Release;
import org.corridor.release.Releases;
import picocli.CommandLine.Command;
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

    @Command(
            name = "resolve",
            mixinStandardHelpOptions = true,
            description = "Decide an escalated line (a COMPLIANCE_ANALYST or COMPLIANCE_REVIEWER who did not submit"
                    + " the request): ALLOW is proposed, then confirmed by another COMPLIANCE_REVIEWER; DENY removes"
                    + " the line at once. Once no line is escalated the request goes on, screened.")
    static final class Resolve extends ReleasesCommand.OnRequest {
        @Parameters(index = "1", paramLabel = "LINE", description = "The line's number, such as 2.")
        String line;

        @Option(names = "--decision", required = true, paramLabel = "D", description = "ALLOW or DENY.")
        String decision;

        @Option(names = "--rationale", required = true, paramLabel = "TEXT", description = "Why.")
        String rationale;

        Resolve() {
            super(Permission.RELEASE_LINE_RESOLVE);
        }

        @Override
        void act(Releases releases, Actor by, Release found) {
            System.out.println(ReleasesCommand.line(
                    releases.resolveLine(by, found.id(), line, new Releases.LineResolutionInput(decision, rationale))));
        }
    }

    @Command(
            name = "split",
            mixinStandardHelpOptions = true,
            description = "Split an escalated line off into a request of its own (REQUEST-L<line>), held for it with"
                    + " the same submitter and chain; prints the rest of the request, which goes on.")
    static final class Split extends ReleasesCommand.OnRequest {
        @Parameters(index = "1", paramLabel = "LINE", description = "The line's number, such as 4.")
        String line;

        @Option(names = "--rationale", required = true, paramLabel = "TEXT", description = "Why.")
        String rationale;

        Split() {
            super(Permission.RELEASE_LINE_RESOLVE);
        }

        @Override
        void act(Releases releases, Actor by, Release found) {
            System.out.println(ReleasesCommand.line(
                    releases.splitLine(by, found.id(), line, new Releases.LineSplitInput(rationale))));
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "The decisions taken on a request's escalated lines, oldest first, one per line of output.")
    static final class Decisions extends ReleasesCommand.OnRequest {
        Decisions() {
            super(Permission.RELEASE_READ);
        }

        @Override
        void act(Releases releases, Actor by, Release found) {
            for (LineResolution decision : releases.lineResolutions(found.id())) {
                System.out.println(String.join(
                        "\t",
                        decision.line(),
                        decision.decision()
                                + decision.splitInto().map(into -> " " + into).orElse(""),
                        decision.reason(),
                        decision.actor() + " (" + decision.actorRole() + ")",
                        decision.decidedAt().toString(),
                        decision.rationale()));
            }
        }
    }
}
