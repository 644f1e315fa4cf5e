package org.corridor.release;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a disbursement request stands. HELD and REJECTED carry a reason; SPLIT is a request whose
 * lines went to its parts (-A approvable, -B held). After EXECUTED the payment's own life follows
 * the correspondent's messages: SENT (an interim pacs.002), SETTLED (accepted), REJECTED (refused:
 * the money came back) and RETURNED (a pacs.004 brought some or all of it back, which reopens the
 * request with the return reason). Only the transitions listed here happen.
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
    SPLIT,
    /** The correspondent has the payment and has not yet settled it (pacs.002 RCVD, ACTC, PDNG, ...). */
    SENT,
    /** The correspondent accepted and settled the payment (pacs.002 ACCP, ACSC or ACCC). */
    SETTLED,
    /** Money of the payment came back (pacs.004), partly or wholly: open again, with the return reason. */
    RETURNED;

    /** The states a request is in once its payment has been made: it is never paid again. */
    private static final Set<RequestState> PAID = EnumSet.of(EXECUTED, SENT, SETTLED, RETURNED);

    /** The states in which nothing is left to decide on a request. */
    private static final Set<RequestState> CLOSED = EnumSet.of(EXECUTED, SENT, SETTLED, REJECTED, SPLIT);

    private static final Map<RequestState, Set<RequestState>> NEXT = Map.ofEntries(
            Map.entry(DRAFT, EnumSet.of(SUBMITTED)),
            Map.entry(SUBMITTED, EnumSet.of(IN_REVIEW, HELD, REJECTED, SPLIT)),
            // An amendment sends a request back to review from wherever it stands before payment.
            Map.entry(IN_REVIEW, EnumSet.of(IN_REVIEW, APPROVED, HELD, REJECTED)),
            Map.entry(APPROVED, EnumSet.of(IN_REVIEW, SCHEDULED, EXECUTED, HELD, REJECTED)),
            Map.entry(SCHEDULED, EnumSet.of(IN_REVIEW, EXECUTED, HELD, REJECTED)),
            Map.entry(HELD, EnumSet.of(IN_REVIEW, APPROVED, SCHEDULED, EXECUTED, HELD, REJECTED)),
            Map.entry(EXECUTED, EnumSet.of(SENT, SETTLED, REJECTED, RETURNED)),
            Map.entry(SENT, EnumSet.of(SETTLED, REJECTED, RETURNED)),
            Map.entry(SETTLED, EnumSet.of(RETURNED)),
            // A returned request is never paid again (its execution stands): it is closed by an
            // approver, or more of its money comes back.
            Map.entry(RETURNED, EnumSet.of(RETURNED, REJECTED)),
            // A request rejected for a blocked party goes back to review when its holder's agent replaces
            // that party (Amendments allows nothing else): screened again, its whole chain taken again.
            Map.entry(REJECTED, EnumSet.of(IN_REVIEW)),
            Map.entry(SPLIT, EnumSet.noneOf(RequestState.class)));

    /** True when a request in this state may move to {@code next}. */
    public boolean canMoveTo(RequestState next) {
        return NEXT.get(this).contains(next);
    }

    /**
     * True when the request is still live: not paid and done with (executed, sent, settled), rejected
     * or split. A returned request is live again.
     */
    public boolean open() {
        return !CLOSED.contains(this);
    }

    /** True once the request's payment was made (executed, and since sent, settled or returned). */
    public boolean paid() {
        return PAID.contains(this);
    }
}
