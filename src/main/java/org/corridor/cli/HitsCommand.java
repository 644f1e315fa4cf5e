package org.corridor.cli;

import java.util.UUID;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.identity.Permission;
import org.corridor.release.HitState;
import org.corridor.release.Releases;
import org.corridor.release.ScreeningHit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "hits",
        mixinStandardHelpOptions = true,
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
                (hit.superseded() ? "SUPERSEDED (was " + hit.state() + ")" : hit.state())
                        + hit.proposed()
                                .map(proposal -> " (proposed " + proposal + ")")
                                .orElse(""));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Hits, oldest first.")
    static final class ListHits extends StateListCommand<HitState> {
        @Option(
                names = "--state",
                paramLabel = "STATE",
                description = "OPEN, FALSE_POSITIVE, TRUE_MATCH, ESCALATED or SUPERSEDED (party replaced).")
        String state;

        ListHits() {
            super(HitState.class, "not a hit state: ");
        }

        @Override
        String state() {
            return state;
        }

        @Override
        void run(Corridor corridor) {
            user(corridor, Permission.HIT_READ);
            corridor.releases().hits(filter, limit).forEach(hit -> System.out.println(line(hit)));
        }
    }

    @Command(
            name = "dispose",
            mixinStandardHelpOptions = true,
            description = "Dispose of a hit with a rationale; clearing needs a second reviewer who is not the first.")
    static final class Dispose extends DisposeHitCommand {
        Dispose() {
            super("a hit");
        }

        @Override
        String dispose(Corridor corridor, Actor by, UUID id) {
            return line(corridor.releases().dispose(by, id, new Releases.Disposition(decision, rationale)));
        }
    }
}
