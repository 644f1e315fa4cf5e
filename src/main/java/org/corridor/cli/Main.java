package org.corridor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code corridor} command: the root of every subcommand. */
@Command(
        name = "corridor",
        mixinStandardHelpOptions = true,
        description = "Corridor: a restricted-funds payment channel.",
        subcommands = {ScreenCommand.class, BenchCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main())
                .setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
                    // One line for the operator, exit code 1; usage errors keep picocli's exit code 2.
                    System.err.println(commandLine.getCommandName() + ": " + exception);
                    return 1;
                })
                .execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
