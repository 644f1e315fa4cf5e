package org.corridor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code corridor} command: the root of every subcommand. */
@Command(
        name = "corridor",
        mixinStandardHelpOptions = true,
        description = "Corridor: a restricted-funds payment channel.")
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
