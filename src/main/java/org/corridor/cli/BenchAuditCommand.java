package org.corridor.cli;

import java.util.concurrent.Callable;
import org.corridor.bench.AuditBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Audit-trail append throughput, durable, sequential and from 8 threads, against a plain "
                + "durable insert-and-commit baseline.")
final class BenchAuditCommand implements Callable<Integer> {

    @Option(names = "--entries", paramLabel = "N", description = "Appends per round (default: 2000).")
    int entries = 2_000;

    @Option(names = "--rounds", paramLabel = "R", description = "Rounds; the median is reported (default: 3).")
    int rounds = 3;

    @Option(names = "--record", description = "Also write the figures into docs/benchmarks.md.")
    boolean record;

    @Override
    public Integer call() throws Exception {
        return new AuditBench(new AuditBench.Options(entries, rounds, record)).run();
    }
}
