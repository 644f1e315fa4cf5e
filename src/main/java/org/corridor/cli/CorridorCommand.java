package org.corridor.cli;

import java.util.concurrent.Callable;
import org.corridor.app.Corridor;
import picocli.CommandLine.Mixin;

/**
 * A command that opens the Corridor named by the database options, does its work and exits 0. A refusal
 * is thrown as a domain exception, which {@link Main} prints as one line with a non-zero exit; the
 * Corridor is closed either way.
 */
abstract class CorridorCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Override
    public final Integer call() throws Exception {
        try (Corridor corridor = database.open()) {
            run(corridor);
        }
        return 0;
    }

    /** The command's work with an open Corridor. */
    abstract void run(Corridor corridor) throws Exception;
}
