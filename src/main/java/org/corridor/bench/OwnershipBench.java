package org.corridor.bench;

import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.corridor.audit.Actor;
import org.corridor.ownership.Ownership;
import org.corridor.ownership.OwnershipAssessment;

/**
 * The ownership benchmark: a generated graph ({@link SyntheticOwnership}) imported into a fresh
 * embedded database, then the assessment of the parties with the most upstream, timed.
 */
public final class OwnershipBench {

    private final Options options;

    /** The options of the benchmark; the command line gives their defaults. */
    public record Options(int edges, int queries, boolean record) {}

    public OwnershipBench(Options options) {
        this.options = options;
    }

    /** Runs the benchmark and prints one line per case; returns the exit code. */
    public int run() {
        List<BenchReport.Line> lines = new ArrayList<>();
        double loadAverage = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long importNanos;
        long loadNanos;
        int upstream;
        try (BenchEnvironment environment = BenchEnvironment.start()) {
            Ownership ownership = environment.corridor().ownership();
            SyntheticOwnership synthetic = SyntheticOwnership.generate(options.edges(), 42);
            String csv = synthetic.csv();
            Actor actor = new Actor("bench", "COMPLIANCE_ANALYST");
            long started = System.nanoTime();
            ownership.importCsv(actor, "synthetic.csv", new StringReader(csv), rows -> {});
            importNanos = System.nanoTime() - started;
            started = System.nanoTime();
            OwnershipAssessment first = ownership.explain(synthetic.bottomParty(0));
            loadNanos = System.nanoTime() - started;
            upstream = first.upstreamParties();
            // Warm up the compiler on other parties, then time fresh ones.
            for (int i = 1; i <= Math.max(5, options.queries() / 5); i++) {
                ownership.explain(synthetic.bottomParty(i * 7919));
            }
            Latencies latencies = new Latencies();
            long all = System.nanoTime();
            for (int i = 0; i < options.queries(); i++) {
                long begin = System.nanoTime();
                ownership.explain(synthetic.bottomParty(1 + i * 104_729));
                latencies.add(System.nanoTime() - begin);
            }
            double seconds = (System.nanoTime() - all) / 1e9;
            double importSeconds = importNanos / 1e9;
            double loadMillis = loadNanos / 1e6;
            // vs_baseline: how many times faster than the target of one second per query.
            lines.add(new BenchReport.Line(
                    "import_csv_" + synthetic.edgeCount() + "_edges",
                    synthetic.rows().size() / importSeconds,
                    importSeconds * 1e3,
                    importSeconds * 1e3,
                    1.0 / importSeconds));
            lines.add(new BenchReport.Line(
                    "explain_first_query_with_graph_load", 1e3 / loadMillis, loadMillis, loadMillis, 1e3 / loadMillis));
            lines.add(new BenchReport.Line(
                    "explain_deepest_party",
                    options.queries() / seconds,
                    latencies.percentileMillis(50),
                    latencies.percentileMillis(99),
                    1e3 / latencies.percentileMillis(99)));
        }
        lines.forEach(line -> System.out.println(line.format()));
        System.out.println(
                "each assessment walks " + upstream + " upstream parties (of " + options.edges() + " edges)");
        if (options.record()) {
            recordInDocs(lines, upstream, loadAverage);
        }
        return 0;
    }

    /** The figures and how they were measured, as the Ownership section of docs/benchmarks.md. */
    private void recordInDocs(List<BenchReport.Line> lines, int upstream, double loadAverage) {
        BenchReport.record(
                Path.of("docs/benchmarks.md"),
                "Ownership",
                "./corridor ownership bench --edges " + options.edges() + " --queries " + options.queries()
                        + " --record",
                lines,
                List.of(
                        "A generated graph (SyntheticOwnership, seed 42): 20 layers, each party held by 5 parties"
                                + " of the layer above,",
                        "5% of the edges in cross-holding cycles, 2% of the top layer listed. Each query assesses a"
                                + " bottom-layer party with "
                                + upstream + " parties upstream:",
                        "both blocked shares, the cascade, and the 20 largest paths of each kind. The import is one"
                                + " CSV file, validated whole,",
                        "written in one transaction with its audit entry. The first query loads the graph snapshot"
                                + " from the database;",
                        "later ones reuse it until a newer graph version is recorded. vs_baseline is how many times"
                                + " faster than one second",
                        "(per query; for the import, for the whole file). tps for the import counts rows per"
                                + " second.",
                        String.format(
                                Locale.ROOT,
                                "System load average when the run began: %.1f on %d cores (other builds share"
                                        + " the machine).",
                                loadAverage,
                                Runtime.getRuntime().availableProcessors())));
    }
}
