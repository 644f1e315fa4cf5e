package org.corridor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code corridor bench}: performance benchmarks, one subcommand per feature. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Run performance benchmarks.",
        subcommands = {BenchScreeningCommand.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
