package org.corridor.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * A list of records in an optional state, at most {@code --limit} long, as a signed-in user. The
 * subclass declares its {@code --state} option, whose help names its own states; a state that does
 * not exist is refused before the database is opened.
 */
abstract class StateListCommand<E extends Enum<E>> extends SignedInCommand {

    @Option(names = "--limit", paramLabel = "N", description = "At most N (default 100).")
    int limit = 100;

    /** The state asked for, once {@link #check} has read it. */
    Optional<E> filter;

    private final Class<E> type;
    private final String refusal;

    /** {@code refusal} begins the refusal of an unknown state, such as "not a hit state: ". */
    StateListCommand(Class<E> type, String refusal) {
        this.type = type;
        this.refusal = refusal;
    }

    /** The text of the subclass's --state option, or null when none was given. */
    abstract String state();

    @Override
    final void check() {
        filter = stateFilter(type, state(), refusal);
    }
}
