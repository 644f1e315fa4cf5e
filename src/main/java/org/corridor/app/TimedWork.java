package org.corridor.app;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.corridor.db.Leadership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The timed work of a running server, behind the lead of {@link Leadership} (issue 21: of several
 * servers on one database, one runs it, and another takes over when it dies): the ledger voids
 * expired holds, and releases execute on their value date and ask again for holds refused for funds
 * or a cap. Each job runs on a daemon thread of its own, so a slow pass never overlaps its next nor
 * delays the other job; each pass first asks whether this server leads, and a failed pass is logged
 * and tried again at the next. Close it to stop the jobs and give up the lead.
 */
public final class TimedWork implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TimedWork.class);

    /** A job: its name in logs and thread names, and one pass of it. */
    record Job(String name, Runnable pass) {}

    private final List<ScheduledExecutorService> executors;
    private final Leadership leadership;

    private TimedWork(List<ScheduledExecutorService> executors, Leadership leadership) {
        this.executors = executors;
        this.leadership = leadership;
    }

    /** Starts the timed work of {@code corridor}, each job every {@code period} while this server leads. */
    public static TimedWork start(Corridor corridor, Duration period) {
        Leadership leadership = new Leadership(corridor.database().pool(), Leadership.TIMED_WORK);
        List<Job> jobs = List.of(
                new Job("ledger-hold-expiry", () -> {
                    int expired = corridor.ledger().expireHolds();
                    if (expired > 0) {
                        LOG.info("voided {} expired hold(s)", expired);
                    }
                }),
                new Job("release-scheduled-executions", corridor.releases().scheduledExecutions()::runDue));
        return new TimedWork(
                jobs.stream().map(job -> schedule(job, period, leadership)).toList(), leadership);
    }

    private static ScheduledExecutorService schedule(Job job, Duration period, BooleanSupplier leads) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, job.name());
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        if (leads.getAsBoolean()) {
                            job.pass().run();
                        }
                    } catch (RuntimeException e) {
                        LOG.warn("{} failed; will try again: {}", job.name(), e.getMessage());
                    }
                },
                period.toMillis(),
                period.toMillis(),
                TimeUnit.MILLISECONDS);
        return executor;
    }

    /** Stops every job, waiting for a pass under way, then gives the lead up for another server. */
    @Override
    public void close() {
        executors.forEach(ScheduledExecutorService::shutdownNow);
        try {
            for (ScheduledExecutorService executor : executors) {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        leadership.close();
    }
}
