package org.corridor.release;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a disbursement request stands. HELD and REJECTED carry a reason; SPLIT is a request whose
 * lines went to its parts (-A approvable, -B held). Only the transitions listed here happen.
 */
public enum RequestState {
    DRAFT,
    SUBMITTED,
    IN_REVIEW,
    APPROVED,
    SCHEDULED,
    EXECUTED,
    HELD,
    REJECTED,
    SPLIT;

    private static final Map<RequestState, Set<RequestState>> NEXT = Map.of(
            DRAFT, EnumSet.of(SUBMITTED),
            SUBMITTED, EnumSet.of(IN_REVIEW, HELD, REJECTED, SPLIT),
            // An amendment sends a request back to review from wherever it stands before payment.
            IN_REVIEW, EnumSet.of(IN_REVIEW, APPROVED, HELD, REJECTED),
            APPROVED, EnumSet.of(IN_REVIEW, SCHEDULED, EXECUTED, HELD, REJECTED),
            SCHEDULED, EnumSet.of(IN_REVIEW, EXECUTED, HELD, REJECTED),
            HELD, EnumSet.of(IN_REVIEW, APPROVED, SCHEDULED, EXECUTED, HELD, REJECTED),
            EXECUTED, EnumSet.noneOf(RequestState.class),
            REJECTED, EnumSet.noneOf(RequestState.class),
            SPLIT, EnumSet.noneOf(RequestState.class));

    /** True when a request in this state may move to {@code next}. */
    public boolean canMoveTo(RequestState next) {
        return NEXT.get(this).contains(next);
    }

    /** True when the request is still live: not executed, rejected or split. */
    public boolean open() {
        return !NEXT.get(this).isEmpty();
    }
}
