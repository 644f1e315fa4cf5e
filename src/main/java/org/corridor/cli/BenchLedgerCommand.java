package org.corridor.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.corridor.bench.LedgerBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The ledger benchmark: a fresh durable embedded database in a temporary folder, 10,000 accounts
 * that may not be overdrawn, then the cases, each a median over rounds. Prints one line per case
 * and, with {@code --record}, writes them into docs/benchmarks.md.
 */
@Command(
        name = "ledger",
        mixinStandardHelpOptions = true,
        description = "Benchmark the ledger on a fresh durable embedded database: naive (one transaction per transfer, "
                + "accounts locked first), batch (1,000 transfers per transaction over 10,000 limited accounts, "
                + "from --threads threads), hot (every "
                + "transfer touches one account), http-alone (single transfers from 50 concurrent clients, each "
                + "posted alone, as before issue 21), http (the same, gathered into shared batches) and http-1 "
                + "(one client).")
final class BenchLedgerCommand implements Callable<Integer> {

    @Option(
            names = "--transfers",
            paramLabel = "N",
            description = "Transfers per round of the batch and hot cases (default: ${DEFAULT-VALUE}).")
    int transfers = 60_000;

    @Option(
            names = "--rounds",
            paramLabel = "R",
            description = "Rounds per case; the median is reported (default: ${DEFAULT-VALUE}).")
    int rounds = 5;

    @Option(
            names = "--naive-transfers",
            paramLabel = "N",
            description = "Transfers per round of the naive case (default: ${DEFAULT-VALUE}).")
    int naiveTransfers = 1_500;

    @Option(
            names = "--http-requests",
            paramLabel = "N",
            description = "Requests per round of the http case (default: ${DEFAULT-VALUE}).")
    int httpRequests = 3_000;

    @Option(
            names = "--threads",
            paramLabel = "T",
            description = "Threads posting batches in the batch and hot cases (default: ${DEFAULT-VALUE}).")
    int threads = 2;

    @Option(
            names = "--cases",
            split = ",",
            paramLabel = "CASE",
            description = "Cases to run, of naive, batch, hot, http-alone, http, http-1 (default: all).")
    List<String> cases = List.of("naive", "batch", "hot", "http-alone", "http", "http-1");

    @Option(names = "--record", description = "Write the results into the Ledger section of docs/benchmarks.md.")
    boolean record;

    @Option(
            names = "--output",
            paramLabel = "FILE",
            description = "The file --record writes (default: ${DEFAULT-VALUE}).")
    Path output = Path.of("docs/benchmarks.md");

    @Override
    public Integer call() throws Exception {
        return new LedgerBench(new LedgerBench.Options(
                        transfers, rounds, naiveTransfers, httpRequests, threads, cases, record, output))
                .run();
    }
}
