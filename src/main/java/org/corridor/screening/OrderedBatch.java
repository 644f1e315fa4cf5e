package org.corridor.screening;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Applies a function to a stream of items on several threads and hands the results on in input
 * order, with bounded memory: the caller's thread reads items in chunks and writes results, workers
 * compute, and at most {@code threads * 2 + 1} chunks are in flight. Used to screen large files;
 * also suits re-screening. An exception from the input, the function or the output stops the run
 * and is rethrown to the caller unchanged (unchecked) or wrapped.
 */
public final class OrderedBatch<I, O> {

    private final int threads;
    private final int chunkSize;

    private OrderedBatch(int threads, int chunkSize) {
        if (threads < 1 || chunkSize < 1) {
            throw new IllegalArgumentException("threads and chunkSize must be at least 1");
        }
        this.threads = threads;
        this.chunkSize = chunkSize;
    }

    public static <I, O> OrderedBatch<I, O> of(int threads, int chunkSize) {
        return new OrderedBatch<>(threads, chunkSize);
    }

    /**
     * Runs {@code work} over every item of {@code input} and passes each result to {@code output}
     * in input order; {@code progress} receives the number of items written after each chunk.
     *
     * @return the number of items processed
     */
    public long run(Iterator<I> input, Function<I, O> work, Consumer<O> output, LongConsumer progress) {
        Objects.requireNonNull(work, "work");
        ExecutorService workers = Executors.newFixedThreadPool(threads, daemonThreads());
        Deque<Future<List<O>>> pending = new ArrayDeque<>();
        int maxPending = threads * 2 + 1;
        long written = 0;
        try {
            while (input.hasNext()) {
                List<I> chunk = new ArrayList<>(chunkSize);
                while (chunk.size() < chunkSize && input.hasNext()) {
                    chunk.add(input.next());
                }
                pending.add(workers.submit(() -> {
                    List<O> results = new ArrayList<>(chunk.size());
                    for (I item : chunk) {
                        results.add(work.apply(item));
                    }
                    return results;
                }));
                while (pending.size() >= maxPending) {
                    written = drain(pending.poll(), output, written, progress);
                }
            }
            while (!pending.isEmpty()) {
                written = drain(pending.poll(), output, written, progress);
            }
            return written;
        } finally {
            for (Future<List<O>> future : pending) {
                future.cancel(true);
            }
            workers.shutdownNow();
        }
    }

    private long drain(Future<List<O>> future, Consumer<O> output, long written, LongConsumer progress) {
        List<O> results;
        try {
            results = future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a batch", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
        for (O result : results) {
            output.accept(result);
        }
        long total = written + results.size();
        progress.accept(total);
        return total;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "screening-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
