package org.corridor.cli;

import java.util.Optional;
import java.util.UUID;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.identity.Permission;
import org.corridor.ownership.OwnerHit;
import org.corridor.ownership.OwnerHits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ownership hits}: the screening hits on owners and controllers, their explanation and four-eyes review. */
@Command(
        name = "hits",
        description = "Screening hits on the owners and controllers of the ownership data: list, show and dispose.",
        subcommands = {OwnerHitsCommand.ListHits.class, OwnerHitsCommand.Show.class, OwnerHitsCommand.Dispose.class})
final class OwnerHitsCommand extends CommandGroup {

    private static final String NAMED = "an owner hit";

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Owner hits, oldest first, one a line.")
    static final class ListHits extends SignedInCommand {
        @Option(names = "--state", paramLabel = "STATE", description = "OPEN, FALSE_POSITIVE, TRUE_MATCH or ESCALATED.")
        String state;

        @Option(names = "--limit", paramLabel = "N", description = "At most N (1 to 500, default 100).")
        int limit = 100;

        @Override
        void run(Corridor corridor) {
            user(corridor, Permission.HIT_READ);
            corridor.ownership().ownerHits().list(Optional.ofNullable(state), limit).stream()
                    .map(OwnerHit::summary)
                    .forEach(System.out::println);
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One owner hit with its explanation.")
    static final class Show extends SignedInCommand {
        @Parameters(index = "0", paramLabel = "HIT", description = "The hit's id.")
        String hit;

        private UUID id;

        @Override
        void check() {
            id = recordId(hit, NAMED + " is named by its id: ");
        }

        @Override
        void run(Corridor corridor) {
            user(corridor, Permission.HIT_READ);
            OwnerHit shown = corridor.ownership().ownerHits().get(id);
            System.out.println(shown.summary());
            shown.why().forEach(line -> System.out.println("  " + line));
            shown.firstBy()
                    .ifPresent(by -> System.out.println(
                            "first: " + by + ": " + shown.firstRationale().orElse("")));
            shown.secondBy()
                    .ifPresent(by -> System.out.println(
                            "second: " + by + ": " + shown.secondRationale().orElse("")));
        }
    }

    @Command(
            name = "dispose",
            mixinStandardHelpOptions = true,
            description = "Decide an owner hit with a rationale; clearing needs a second reviewer who is not the first,"
                    + " and nobody who recorded data naming the owner decides.")
    static final class Dispose extends DisposeHitCommand {
        Dispose() {
            super(NAMED);
        }

        @Override
        String dispose(Corridor corridor, Actor by, UUID id) {
            return corridor.ownership()
                    .ownerHits()
                    .dispose(by, id, new OwnerHits.Disposition(decision, rationale))
                    .summary();
        }
    }
}
