package org.corridor.cli;

import java.util.Optional;
import java.util.UUID;
import org.corridor.InvalidInputException;
import org.corridor.app.Corridor;
import org.corridor.release.HitState;
import org.corridor.release.Releases;
import org.corridor.release.ScreeningHit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "hits",
        description = "The screening-hit queue of releases: list and dispose.",
        subcommands = {HitsCommand.ListHits.class, HitsCommand.Dispose.class})
final class HitsCommand extends CommandGroup {

    static String line(ScreeningHit hit) {
        return String.join(
                "\t",
                hit.id().toString(),
                hit.requestReference(),
                hit.partyRole() + " " + hit.partyName(),
                hit.source() + " " + hit.entityName() + " " + hit.score(),
                hit.state()
                        + hit.proposed()
                                .map(proposal -> " (proposed " + proposal + ")")
                                .orElse(""));
    }

    @Command(name = "list", description = "Hits, oldest first.")
    static final class ListHits extends CorridorCommand {
        @Option(names = "--state", paramLabel = "STATE", description = "OPEN, FALSE_POSITIVE, TRUE_MATCH or ESCALATED.")
        String state;

        @Option(names = "--limit", paramLabel = "N", description = "At most N (default 100).")
        int limit = 100;

        private Optional<HitState> filter;

        @Override
        void check() {
            filter = stateFilter(HitState.class, state, "not a hit state: ");
        }

        @Override
        void run(Corridor corridor) {
            corridor.releases().hits(filter, limit).forEach(hit -> System.out.println(line(hit)));
        }
    }

    @Command(
            name = "dispose",
            description = "Dispose of a hit with a rationale; clearing needs a second reviewer who is not the first.")
    static final class Dispose extends CorridorCommand {
        @Parameters(index = "0", paramLabel = "HIT", description = "The hit's id.")
        String hit;

        @Option(
                names = "--decision",
                required = true,
                paramLabel = "DECISION",
                description = "FALSE_POSITIVE, TRUE_MATCH or ESCALATED.")
        String decision;

        @Option(names = "--rationale", required = true, paramLabel = "TEXT", description = "Why.")
        String rationale;

        @Option(
                names = "--role",
                required = true,
                paramLabel = "ROLE",
                description = "COMPLIANCE_ANALYST or COMPLIANCE_REVIEWER.")
        String role;

        private UUID id;

        @Override
        void check() {
            try {
                id = UUID.fromString(hit.trim());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("PARAMETER_INVALID", "a hit is named by its id: " + hit);
            }
        }

        @Override
        void run(Corridor corridor) {
            ScreeningHit disposed = corridor.releases()
                    .dispose(ReleasesCommand.actor(role), id, new Releases.Disposition(decision, rationale));
            System.out.println(line(disposed));
        }
    }
}
