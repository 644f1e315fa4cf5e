package org.corridor.cli;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.corridor.InvalidInputException;
import org.corridor.app.Corridor;
import org.corridor.identity.Permission;
import org.corridor.ownership.OwnerHit;
import org.corridor.ownership.OwnerHits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ownership hits}: the screening hits on owners and controllers, their explanation and four-eyes review. */
@Command(
        name = "hits",
        description = "Screening hits on the owners and controllers of the ownership data: list, show and dispose.",
        subcommands = {OwnerHitsCommand.ListHits.class, OwnerHitsCommand.Show.class, OwnerHitsCommand.Dispose.class})
final class OwnerHitsCommand extends CommandGroup {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Owner hits, oldest first, one a line.")
    static final class ListHits implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Mixin
        SignIn signIn;

        @Option(names = "--state", paramLabel = "STATE", description = "OPEN, FALSE_POSITIVE, TRUE_MATCH or ESCALATED.")
        String state;

        @Option(names = "--limit", paramLabel = "N", description = "At most N (1 to 500, default 100).")
        int limit = 100;

        @Override
        public Integer call() {
            try (Corridor corridor = database.open()) {
                signIn.user(corridor, Permission.HIT_READ, "ownership hits list");
                corridor.ownership().ownerHits().list(Optional.ofNullable(state), limit).stream()
                        .map(OwnerHit::summary)
                        .forEach(System.out::println);
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One owner hit with its explanation.")
    static final class Show implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Mixin
        SignIn signIn;

        @Parameters(index = "0", paramLabel = "HIT", description = "The hit's id.")
        String hit;

        @Override
        public Integer call() {
            UUID id = id(hit);
            try (Corridor corridor = database.open()) {
                signIn.user(corridor, Permission.HIT_READ, "ownership hits show");
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
            return 0;
        }
    }

    @Command(
            name = "dispose",
            mixinStandardHelpOptions = true,
            description = "Decide an owner hit with a rationale; clearing needs a second reviewer who is not the first,"
                    + " and nobody who recorded data naming the owner decides.")
    static final class Dispose implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Mixin
        SignIn signIn;

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

        @Override
        public Integer call() {
            UUID id = id(hit);
            try (Corridor corridor = database.open()) {
                OwnerHit decided = corridor.ownership()
                        .ownerHits()
                        .dispose(
                                signIn.actor(corridor, Permission.HIT_DISPOSE, "ownership hits dispose"),
                                id,
                                new OwnerHits.Disposition(decision, rationale));
                System.out.println(decided.summary());
            }
            return 0;
        }
    }

    private static UUID id(String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("PARAMETER_INVALID", "an owner hit is named by its id: " + text);
        }
    }
}
