package org.corridor.ledger;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time-ordered ids (UUID version 7: milliseconds since the epoch, then a counter, then random bits)
 * for clients that have no id of their own to give a transfer. Ids that grow with time keep the
 * primary key's inserts on a few index pages instead of scattering them, which makes bulk postings
 * markedly cheaper; any unique UUID is accepted all the same. Thread-safe.
 */
public final class TransferIds {

    /** Milliseconds (48 bits) and a 12-bit counter, so ids from one process never go backwards. */
    private static final AtomicLong LAST = new AtomicLong();

    private TransferIds() {}

    public static UUID next() {
        long millis = System.currentTimeMillis();
        long state = LAST.updateAndGet(previous -> Math.max(previous + 1, millis << 12));
        long mostSignificant = ((state >>> 12) << 16) | 0x7000L | (state & 0xFFFL);
        long leastSignificant = (ThreadLocalRandom.current().nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | Long.MIN_VALUE;
        return new UUID(mostSignificant, leastSignificant);
    }
}
