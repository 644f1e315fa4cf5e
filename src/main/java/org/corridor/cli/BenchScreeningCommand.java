package org.corridor.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.corridor.bench.ScreeningBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code corridor bench screening}: throughput and latency of screening against the full shipped
 * OFAC SDN, OFAC non-SDN, UN and UK lists, next to a brute-force baseline (Jaro-Winkler of the query
 * against every listed name). Every case runs several rounds after a warm-up and reports the median
 * round, because the build machine's cores are shared and noisy.
 */
@Command(
        name = "screening",
        mixinStandardHelpOptions = true,
        description = "Benchmark screening: single-party latency, batch throughput, brute-force baseline.")
final class BenchScreeningCommand implements Callable<Integer> {

    @Option(names = "--rounds", description = "Measured rounds per case; default ${DEFAULT-VALUE}")
    int rounds = 5;

    @Option(names = "--queries", description = "Queries per round; default ${DEFAULT-VALUE}")
    int queries = 2000;

    @Option(names = "--baseline-queries", description = "Queries per baseline round; default ${DEFAULT-VALUE}")
    int baselineQueries = 40;

    @Option(
            names = "--entities",
            paramLabel = "N",
            description = "Screen at scale: N synthetic entities (fixed seed) on top of the shipped lists, imported"
                    + " into a fresh data folder; reports import and index time, index size, heap, peak RSS and the"
                    + " cli, api and single-party figures (0: the shipped lists alone)")
    Integer entities;

    @Option(
            names = "--rows",
            description = "Rows through screen names and the API with --entities; default ${DEFAULT-VALUE}")
    int rows = 20_000;

    @Option(names = "--record", description = "Write the results into the screening section of --docs")
    boolean record;

    @Option(names = "--docs", description = "Benchmarks document; default ${DEFAULT-VALUE}")
    Path docs = Path.of("docs/benchmarks.md");

    @Override
    public Integer call() throws Exception {
        if (entities != null) {
            if (entities < 0 || rows < 10) {
                System.err.println("bench screening: --entities >= 0 and --rows >= 10");
                return 2;
            }
            return ScreeningBench.atScale(entities, rows, queries);
        }
        return new ScreeningBench(new ScreeningBench.Options(rounds, queries, baselineQueries, record, docs)).run();
    }
}
