package org.corridor.settlement;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** First in, first out, as a pure function: which lots an amount takes, oldest first. */
final class Fifo {

    /** A lot that may be taken from: its id and what is left of it. */
    record Available(UUID lotId, long remainingMinor) {}

    /** What is taken from one lot. */
    record Take(UUID lotId, long amountMinor) {}

    private Fifo() {}

    /**
     * Takes {@code amountMinor} from {@code lots} in their order, or returns an empty list when they
     * hold less than that.
     */
    static List<Take> take(List<Available> lots, long amountMinor) {
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("take a positive amount, not " + amountMinor);
        }
        List<Take> takes = new ArrayList<>();
        long left = amountMinor;
        for (Available lot : lots) {
            if (left == 0) {
                break;
            }
            long taken = Math.min(left, lot.remainingMinor());
            if (taken > 0) {
                takes.add(new Take(lot.lotId(), taken));
                left -= taken;
            }
        }
        return left == 0 ? takes : List.of();
    }
}
