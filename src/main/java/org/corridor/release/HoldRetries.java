package org.corridor.release;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditLog;
import org.corridor.audit.CanonicalJson;
import org.corridor.authorisation.CoverageReason;
import org.corridor.ledger.Ledger;
import org.corridor.transaction.Transaction;
import org.corridor.transaction.Transactions;

/**
 * Asks again for the hold of a request HELD for want of funds or cap, once it may succeed: when the
 * account's available balance covers the request, a new hold (with an id of its own) is placed under
 * the authorisation covering today, and the request goes back to where it stood (IN_REVIEW, APPROVED,
 * or SCHEDULED for a value date still to come). Nothing is written while it still cannot succeed.
 * Run by {@link ScheduledExecutions}. Thread-safe.
 */
record HoldRetries(
        Transactions transactions,
        ReleaseStore store,
        ScheduleStore schedules,
        Approvals approvals,
        Holds holds,
        AuditLog audit,
        Ledger ledger,
        ReleaseClock clock) {

    /** The reasons a request gives its hold back for, and is asked again for. */
    static final Set<String> REASONS =
            Set.of(ReleaseReason.INSUFFICIENT_FUNDS.name(), CoverageReason.CAP_EXCEEDED.name());

    /** Tries every waiting request once; returns how many have their hold again. */
    int retry() {
        List<UUID> waiting = transactions.read(tx -> schedules.heldWithoutHold(tx, REASONS));
        int placed = 0;
        for (UUID id : waiting) {
            if (transactions.inTransaction(tx -> retry(tx, id))) {
                placed++;
            }
        }
        return placed;
    }

    private boolean retry(Transaction tx, UUID id) {
        RequestRow row = store.lock(tx, id);
        boolean waiting = row.state() == RequestState.HELD
                && row.holdId().isEmpty()
                && row.reason().filter(REASONS::contains).isPresent();
        List<Approval> taken = store.approvals(tx, id);
        if (!waiting || !bankStepsTaken(row, taken) || !fundsAvailable(row)) {
            return false;
        }
        LocalDate today = clock.today();
        UUID outgoing = holds.outgoingAccount(row.currencyUnit());
        Optional<String> refused =
                approvals.placeHold(tx, row, today, Holds.priorApproval(row, taken), outgoing, Actor.SYSTEM);
        if (refused.isPresent()) {
            return false;
        }
        RequestState next = next(tx, row, taken, today);
        String reason = row.reason().orElseThrow();
        store.move(tx, row, next, Optional.empty(), "hold placed again after " + reason, "system", "SYSTEM");
        audit.append(
                tx,
                AuditEvent.of(
                        Actor.SYSTEM,
                        "RELEASE_HOLD_RETRIED",
                        "release:" + row.reference(),
                        CanonicalJson.fields("held_for", reason),
                        CanonicalJson.fields("state", next.name())));
        return true;
    }

    private static boolean bankStepsTaken(RequestRow row, List<Approval> taken) {
        return row.requiredSteps().stream()
                .filter(ApprovalStep::internal)
                .allMatch(step -> taken.stream().anyMatch(a -> a.step().equals(step.name())));
    }

    /** A cheap first look, so that a request still short of money records no refused hold every run. */
    private boolean fundsAvailable(RequestRow row) {
        return ledger.account(row.accountId())
                .filter(account -> account.availableCreditBalance().amountMinor() >= row.amountMinor())
                .isPresent();
    }

    /** Where the request goes with its hold: back to review, approved, or scheduled for a day to come. */
    private RequestState next(Transaction tx, RequestRow row, List<Approval> taken, LocalDate today) {
        boolean all = row.requiredSteps().stream()
                .allMatch(step -> taken.stream().anyMatch(a -> a.step().equals(step.name())));
        if (!all) {
            return RequestState.IN_REVIEW;
        }
        boolean scheduled = schedules
                .schedule(tx, row.id())
                .filter(schedule ->
                        schedule.on().isAfter(today) && !schedule.by().isEmpty())
                .isPresent();
        return scheduled ? RequestState.SCHEDULED : RequestState.APPROVED;
    }
}
