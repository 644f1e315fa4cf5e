package org.corridor.cli;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.corridor.InvalidInputException;
import org.corridor.app.Corridor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * A command that opens the Corridor named by the database options, does its work and exits 0. A refusal
 * is thrown as a domain exception, which {@link Main} prints as one line with a non-zero exit; the
 * Corridor is closed either way. Like every command, it takes --help and --version.
 */
@Command(mixinStandardHelpOptions = true)
abstract class CorridorCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    /**
     * The exit code once {@link #run} has finished: 0 unless the command answered a question with a
     * no (a check that found nothing covered), which scripts read from the exit code, not the text.
     */
    int exitCode = 0;

    @Override
    public final Integer call() throws Exception {
        check();
        try (Corridor corridor = database.open()) {
            run(corridor);
        }
        return exitCode;
    }

    /**
     * Checks and reads what the command was given before the database is opened, so that bad input
     * neither opens nor creates it. Nothing to check by default.
     */
    void check() throws Exception {}

    /** The command's work with an open Corridor. */
    abstract void run(Corridor corridor) throws Exception;

    /** A list's optional filter by state, given in any case; a state that does not exist is refused. */
    static <E extends Enum<E>> Optional<E> stateFilter(Class<E> type, String text, String refusal) {
        try {
            return Optional.ofNullable(text).map(given -> Enum.valueOf(type, given.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("PARAMETER_INVALID", refusal + text);
        }
    }

    /** A record named by its id, such as a hit or a change; what is not an id is refused. */
    static UUID recordId(String text, String refusal) {
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("PARAMETER_INVALID", refusal + text);
        }
    }
}
