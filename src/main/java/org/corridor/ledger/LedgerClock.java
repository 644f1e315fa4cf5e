package org.corridor.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ledger's time: the injected clock, and transfer timestamps that are unique and increasing
 * within this process even when the wall clock stalls or steps back, so that they order transfers
 * as they were applied. Thread-safe.
 */
final class LedgerClock {

    private final Clock clock;
    private final AtomicLong lastMicros = new AtomicLong();

    LedgerClock(Clock clock) {
        this.clock = clock;
    }

    /** Timestamps for {@code count} transfers: the first is returned, the others follow it a microsecond apart. */
    Instant reserve(int count) {
        long nowMicros = micros(clock.instant());
        int span = Math.max(count, 1);
        while (true) {
            long last = lastMicros.get();
            long start = Math.max(nowMicros, last + 1);
            if (lastMicros.compareAndSet(last, start + span - 1)) {
                return Instant.EPOCH.plus(start, ChronoUnit.MICROS);
            }
        }
    }

    /**
     * As {@link #reserve(int)}, but after {@code floor} too: the latest transfer on the accounts a
     * batch moves may have been timed by another process whose clock runs ahead of this one.
     */
    Instant reserveAfter(java.util.Optional<Instant> floor, int count) {
        floor.ifPresent(at -> lastMicros.accumulateAndGet(micros(at), Math::max));
        return reserve(count);
    }

    Instant instant() {
        return clock.instant();
    }

    /** Now, as PostgreSQL stores it. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
