package org.corridor.ledger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.corridor.InvalidInputException;
import org.corridor.audit.Actor;

/**
 * Gathers single transfers posted at the same time by different callers into shared batches
 * (issue 21): each batch goes the sequenced way in one unit of work, with one commit and one audit
 * entry, and each caller gets its own transfer's outcome. A lone caller's transfer is posted at
 * once; only while another batch is being written does a poster wait up to the window for more.
 * Transfers of one batch are independent (never linked), so one's failure fails no other; a batch
 * that throws is posted again transfer by transfer, so that an error reaches only its own caller.
 * Thread-safe. Its posting threads start on demand and stop after a few idle seconds.
 */
public final class GroupCommit {

    /**
     * @param window how long a poster waits for more transfers while another batch is being written;
     *     zero posts every transfer alone, as before issue 21
     * @param maxBatch the most transfers one shared batch carries
     */
    public record Settings(Duration window, int maxBatch) {

        public static final Settings DEFAULT = new Settings(Duration.ofMillis(1), 1_000);

        /** Every transfer alone: what the benchmark compares the gathered batches with. */
        public static final Settings OFF = new Settings(Duration.ZERO, 1);

        public Settings {
            if (window.isNegative() || window.compareTo(Duration.ofSeconds(1)) > 0) {
                throw new InvalidInputException("CONFIG_INVALID", "the group commit window is 0 to 1000 ms: " + window);
            }
            if (maxBatch < 1 || maxBatch > Ledger.MAX_BATCH) {
                throw new InvalidInputException(
                        "CONFIG_INVALID", "the largest shared batch is 1 to " + Ledger.MAX_BATCH + ": " + maxBatch);
            }
        }

        boolean enabled() {
            return maxBatch > 1;
        }
    }

    /** Batches written at once: two, so that one batch's rows are copied while the other commits. */
    private static final int POSTERS = 2;

    private static final long IDLE_SECONDS = 5;

    /** One caller's transfer, waiting for its outcome. */
    private record Request(
            Actor actor, PostingRules.Origin origin, NewTransfer transfer, CompletableFuture<TransferOutcome> outcome) {

        boolean sameCaller(Request other) {
            return actor.equals(other.actor) && origin == other.origin;
        }
    }

    private final Settings settings;
    private final BiFunction<Actor, Batch, List<TransferOutcome>> poster;
    private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger writing = new AtomicInteger();
    private int posters;

    /** @param poster posts one batch in a unit of work of its own (the sequenced way, else the careful one) */
    GroupCommit(Settings settings, BiFunction<Actor, Batch, List<TransferOutcome>> poster) {
        this.settings = settings;
        this.poster = poster;
    }

    /** True when {@code batch} may share a batch with others: one transfer, well formed, unlinked, new. */
    boolean takes(Batch batch) {
        if (!settings.enabled() || batch.size() != 1 || batch.preset()[0] != null) {
            return false;
        }
        NewTransfer transfer = batch.transfers().get(0);
        return !transfer.linked() && !transfer.kind().resolvesHold();
    }

    /** Posts the one transfer of {@code batch} in a shared batch; returns its outcome. */
    List<TransferOutcome> post(Actor actor, Batch batch) {
        Request request = new Request(actor, batch.origin(), batch.transfers().get(0), new CompletableFuture<>());
        queue.add(request);
        startPosters();
        try {
            return List.of(request.outcome().get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "interrupted while a transfer was being posted; see its id for its fate", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private synchronized void startPosters() {
        while (posters < POSTERS) {
            posters++;
            Thread thread = new Thread(this::postWhileBusy, "ledger-group-commit");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Stops a poster that found nothing to do, unless something arrived meanwhile. */
    private synchronized boolean retire() {
        if (!queue.isEmpty()) {
            return false;
        }
        posters--;
        return true;
    }

    private void postWhileBusy() {
        try {
            while (true) {
                Request first = queue.poll(IDLE_SECONDS, TimeUnit.SECONDS);
                if (first == null) {
                    if (retire()) {
                        return;
                    }
                    continue;
                }
                List<Request> gathered = gather(first);
                writing.incrementAndGet();
                try {
                    split(gathered).forEach(this::write);
                } finally {
                    writing.decrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            synchronized (this) {
                posters--;
            }
            Thread.currentThread().interrupt();
        }
    }

    /** {@code first} and what is waiting, and while another batch is being written, what comes within the window. */
    private List<Request> gather(Request first) throws InterruptedException {
        List<Request> gathered = new ArrayList<>();
        gathered.add(first);
        queue.drainTo(gathered, settings.maxBatch() - 1);
        long deadline = System.nanoTime() + settings.window().toNanos();
        while (gathered.size() < settings.maxBatch() && writing.get() > 0) {
            long left = deadline - System.nanoTime();
            Request next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                break;
            }
            gathered.add(next);
            queue.drainTo(gathered, settings.maxBatch() - gathered.size());
        }
        return gathered;
    }

    /**
     * Batches of one caller each (one actor and door, as the batch's audit entry records them), with
     * no id twice in a batch: a repeated id goes in a later batch, which answers it as a repeat.
     */
    private static List<List<Request>> split(List<Request> gathered) {
        List<List<Request>> batches = new ArrayList<>();
        List<Set<UUID>> ids = new ArrayList<>();
        for (Request request : gathered) {
            int place = 0;
            while (place < batches.size()
                    && !(batches.get(place).get(0).sameCaller(request)
                            && !ids.get(place).contains(request.transfer().id()))) {
                place++;
            }
            if (place == batches.size()) {
                batches.add(new ArrayList<>());
                ids.add(new HashSet<>());
            }
            batches.get(place).add(request);
            ids.get(place).add(request.transfer().id());
        }
        return batches;
    }

    /** Posts one shared batch and answers each caller; a batch that throws is posted again one by one. */
    private void write(List<Request> requests) {
        Request first = requests.get(0);
        List<NewTransfer> transfers = requests.stream().map(Request::transfer).toList();
        try {
            List<TransferOutcome> outcomes = poster.apply(first.actor(), Batch.of(transfers, first.origin()));
            for (int i = 0; i < requests.size(); i++) {
                requests.get(i).outcome().complete(outcomes.get(i));
            }
        } catch (RuntimeException | Error e) {
            if (requests.size() == 1) {
                first.outcome().completeExceptionally(e);
                return;
            }
            requests.forEach(request -> write(List.of(request)));
        }
    }
}
