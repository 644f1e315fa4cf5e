package org.corridor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Run a feature's benchmark on a fresh durable embedded database and print one line per case: "
                + "CASE tps=N p50_ms=X p99_ms=Y vs_baseline=R.",
        subcommands = {BenchLedgerCommand.class, BenchAuditCommand.class, BenchScreeningCommand.class})
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
