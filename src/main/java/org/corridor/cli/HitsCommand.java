package org.corridor.cli;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.corridor.InvalidInputException;
import org.corridor.app.Corridor;
import org.corridor.identity.Permission;
import org.corridor.release.HitState;
import org.corridor.release.Releases;
import org.corridor.release.ScreeningHit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "hits",
        mixinStandardHelpOptions = true,
        description = "The screening-hit queue of releases: list and dispose.",
        subcommands = {HitsCommand.ListHits.class, HitsCommand.Dispose.class})
final class HitsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

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
    static final class ListHits implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Mixin
        SignIn signIn;

        @Option(
                names = "--state",
                paramLabel = "STATE",
                description = "OPEN, FALSE_POSITIVE, TRUE_MATCH, ESCALATED or SUPERSEDED (party replaced).")
        String state;

        @Option(names = "--limit", paramLabel = "N", description = "At most N (default 100).")
        int limit = 100;

        @Override
        public Integer call() {
            Optional<HitState> filter;
            try {
                filter = Optional.ofNullable(state).map(text -> HitState.valueOf(text.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("PARAMETER_INVALID", "not a hit state: " + state);
            }
            try (Corridor corridor = database.open()) {
                signIn.user(corridor, Permission.HIT_READ, "hits list");
                corridor.releases().hits(filter, limit).forEach(hit -> System.out.println(line(hit)));
            }
            return 0;
        }
    }

    @Command(
            name = "dispose",
            mixinStandardHelpOptions = true,
            description = "Dispose of a hit with a rationale; clearing needs a second reviewer who is not the first.")
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
            UUID id;
            try {
                id = UUID.fromString(hit.trim());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("PARAMETER_INVALID", "a hit is named by its id: " + hit);
            }
            try (Corridor corridor = database.open()) {
                ScreeningHit disposed = corridor.releases()
                        .dispose(
                                signIn.actor(corridor, Permission.HIT_DISPOSE, "hits dispose"),
                                id,
                                new Releases.Disposition(decision, rationale));
                System.out.println(line(disposed));
            }
            return 0;
        }
    }
}
