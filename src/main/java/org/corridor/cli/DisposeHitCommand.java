package org.corridor.cli;

import java.util.UUID;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.identity.Permission;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The disposal of a screening hit, on a release's party or on an owner: the same four-eyes review
 * with a decision and a rationale, as a holder of HIT_DISPOSE; each queue gives only its own call.
 */
abstract class DisposeHitCommand extends SignedInCommand {

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

    private final String named;
    private UUID id;

    /** {@code named} says how the refusal of a malformed id names the hit ("a hit"). */
    DisposeHitCommand(String named) {
        this.named = named;
    }

    @Override
    final void check() {
        id = recordId(hit, named + " is named by its id: ");
    }

    @Override
    final void run(Corridor corridor) {
        System.out.println(dispose(corridor, actor(corridor, Permission.HIT_DISPOSE), id));
    }

    /** Disposes of the hit and gives its line as the queue prints it. */
    abstract String dispose(Corridor corridor, Actor by, UUID id);
}
