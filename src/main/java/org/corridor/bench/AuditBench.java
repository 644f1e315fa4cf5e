package org.corridor.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditLog;
import org.corridor.audit.ChainVerification;
import org.corridor.db.CommitProbe;
import org.corridor.transaction.Transactions;

public final class AuditBench {

    private final Options options;

    /** The options of the benchmark; the command line gives their defaults. */
    public record Options(int entries, int rounds, boolean record) {}

    public AuditBench(Options options) {
        this.options = options;
    }

    /** Runs the benchmark and prints one line per case; returns the exit code. */
    public int run() throws Exception {
        List<BenchReport.Line> lines = new ArrayList<>();
        try (BenchEnvironment environment = BenchEnvironment.start()) {
            AuditLog audit = environment.corridor().audit();
            Transactions transactions = environment.corridor().database().transactions();
            CommitProbe probe = new CommitProbe(environment.corridor().database());
            Actor actor = new Actor("bench", "OPERATOR");
            Map<String, Object> command = Map.of("amount", "4704000.00", "currency", "EUR", "request", "DR-2024-0412");
            run(1, () -> probe.commitOne("warm-up"), options.entries() / 4);
            run(
                    1,
                    () -> transactions.useTransaction(
                            tx -> audit.append(tx, AuditEvent.of(actor, "WARM_UP", "bench", command, Map.of()))),
                    options.entries() / 4);

            Measured baseline = median(1, () -> probe.commitOne("payload of about the same size as an audit entry"));
            Measured sequential = median(
                    1,
                    () -> transactions.useTransaction(tx ->
                            audit.append(tx, AuditEvent.of(actor, "BENCH", "bench", command, Map.of("ok", true)))));
            Measured threaded = median(
                    8,
                    () -> transactions.useTransaction(tx ->
                            audit.append(tx, AuditEvent.of(actor, "BENCH", "bench", command, Map.of("ok", true)))));
            lines.add(baseline.line("baseline_insert_commit", baseline.tps));
            lines.add(sequential.line("append_sequential", baseline.tps));
            lines.add(threaded.line("append_8_threads", baseline.tps));
            probe.drop();
            ChainVerification verification = environment.corridor().audit().verify();
            if (!(verification instanceof ChainVerification.Intact)) {
                throw new IllegalStateException("the chain broke under load: " + verification);
            }
        }
        lines.forEach(line -> System.out.println(line.format()));
        if (options.record()) {
            BenchReport.record(
                    Path.of("docs/benchmarks.md"),
                    "Audit trail",
                    "./corridor bench audit --entries " + options.entries() + " --rounds " + options.rounds()
                            + " --record",
                    lines,
                    List.of(
                            "Each append is its own durable transaction (synchronous_commit on): the entry is written with the change,",
                            "without the chain's lock, then linked after the commit (issue 21): one short transaction under",
                            "the chain's advisory lock links every entry committed meanwhile, with one flush for the group.",
                            "The baseline is a one-row insert and commit in the same database. Medians of "
                                    + options.rounds() + " rounds of " + options.entries() + " appends.",
                            "A lone append pays two flushes (its change's and its chaining's); 8 threads share the",
                            "chaining's, so they append in parallel instead of one flush at a time."));
        }
        return 0;
    }

    /** Throughput and latencies of one configuration. */
    record Measured(double tps, double p50, double p99) {
        BenchReport.Line line(String name, double baselineTps) {
            return new BenchReport.Line(name, tps, p50, p99, tps / baselineTps);
        }
    }

    private Measured median(int threads, Runnable operation) throws Exception {
        double[] tps = new double[options.rounds()];
        double[] p50 = new double[options.rounds()];
        double[] p99 = new double[options.rounds()];
        for (int round = 0; round < options.rounds(); round++) {
            Measured measured = run(threads, operation, options.entries());
            tps[round] = measured.tps();
            p50[round] = measured.p50();
            p99[round] = measured.p99();
        }
        return new Measured(BenchReport.median(tps), BenchReport.median(p50), BenchReport.median(p99));
    }

    private static Measured run(int threads, Runnable operation, int total) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Latencies>> futures = new ArrayList<>();
            int perThread = total / threads;
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    Latencies latencies = new Latencies();
                    for (int i = 0; i < perThread; i++) {
                        long begin = System.nanoTime();
                        operation.run();
                        latencies.add(System.nanoTime() - begin);
                    }
                    return latencies;
                }));
            }
            Latencies all = new Latencies();
            for (Future<Latencies> future : futures) {
                all.addAll(future.get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Measured(all.count() / seconds, all.percentileMillis(50), all.percentileMillis(99));
        } finally {
            pool.shutdown();
        }
    }
}
