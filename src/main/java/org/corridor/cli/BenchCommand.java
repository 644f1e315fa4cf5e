package org.corridor.cli;

import picocli.CommandLine.Command;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Run a feature's benchmark on a fresh durable embedded database and print one line per case.",
        subcommands = {BenchLedgerCommand.class})
final class BenchCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
