package org.corridor.ledger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled job that voids expired holds: one daemon thread, so a slow run never overlaps the
 * next. A failed run is logged and the next one tries again. Each run first asks whether this server
 * leads the timed work (issue 21: of several servers on one database, one runs it, and another takes
 * over when it dies). Close it to stop.
 */
public final class HoldExpiry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HoldExpiry.class);

    private final ScheduledExecutorService executor;

    private HoldExpiry(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    static HoldExpiry start(Ledger ledger, Duration period, BooleanSupplier leads) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ledger-hold-expiry");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        if (!leads.getAsBoolean()) {
                            return;
                        }
                        int expired = ledger.expireHolds();
                        if (expired > 0) {
                            LOG.info("voided {} expired hold(s)", expired);
                        }
                    } catch (RuntimeException e) {
                        LOG.warn("hold expiry failed; will try again: {}", e.getMessage());
                    }
                },
                period.toMillis(),
                period.toMillis(),
                TimeUnit.MILLISECONDS);
        return new HoldExpiry(executor);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
