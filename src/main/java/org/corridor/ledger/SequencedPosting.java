package org.corridor.ledger;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditLog;
import org.corridor.transaction.Transaction;
import org.corridor.transaction.Transactions;

/**
 * The sequenced path of the posting engine: a batch of new transfers and holds, in a unit of work of
 * its own, in the order of the {@link PostingSequencer}. It is judged on the balances the batches
 * before it will leave, its rows are copied while they finish, and its accounts are updated only
 * where they still hold what it was judged on. Anything unexpected (an id in flight or already
 * recorded, an account moved, a predecessor slow or rolled back, a serialization failure or
 * deadlock) rolls the attempt back, and the caller posts the batch the careful way instead. So the
 * attempt runs once, never retried. Thread-safe.
 *
 * @param attempts units of work that run once, never retried: the careful path is the retry
 */
record SequencedPosting(
        Transactions attempts,
        AccountStore accounts,
        TransferStore transfers,
        AuditLog audit,
        LedgerClock clock,
        PostingSequencer sequencer) {

    /** How long a sequenced batch waits for the batches it was judged after; beyond, it goes the careful way. */
    private static final Duration PREDECESSOR_PATIENCE = Duration.ofSeconds(2);

    /** Serialization failure, deadlock, unique violation: a concurrent writer got there first. */
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "23505");

    /** Rolls back an attempt that must go the careful way; nothing of it was kept. */
    private static final class Abandoned extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abandoned() {
            super("the sequenced attempt gives way to the careful path", null, false, false);
        }
    }

    /** What the attempt was given by the sequencer, once it was: to be released whatever happens. */
    private static final class Place {
        Optional<PostingSequencer.Sequenced> sequenced = Optional.empty();
    }

    /**
     * Posts {@code batch} the sequenced way, or returns empty when it must go the careful way instead:
     * it resolves holds, one of its ids is in flight or recorded, or an account moved under it (then
     * nothing of it was kept).
     */
    Optional<List<TransferOutcome>> post(Actor actor, Batch batch) {
        if (batch.isEmpty() || batch.size() > Ledger.MAX_BATCH) {
            return Optional.empty();
        }
        Set<UUID> accountIds = new TreeSet<>();
        List<UUID> ids = new ArrayList<>(batch.size());
        for (NewTransfer transfer : batch.transfers()) {
            if (transfer.kind().resolvesHold()) {
                return Optional.empty();
            }
            accountIds.add(transfer.debitAccountId());
            accountIds.add(transfer.creditAccountId());
            if (!transfer.id().equals(NewTransfer.NONE)) {
                ids.add(transfer.id());
            }
        }
        accountIds.remove(NewTransfer.NONE);
        Place place = new Place();
        boolean committed = false;
        try {
            List<TransferOutcome> outcomes =
                    attempts.inTransaction(transaction -> attempt(transaction, actor, batch, accountIds, ids, place));
            committed = true;
            return Optional.of(outcomes);
        } catch (Abandoned | ConcurrentPostingException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            if (RETRYABLE.contains(sqlState(e))) {
                return Optional.empty();
            }
            throw e;
        } finally {
            boolean kept = committed;
            place.sequenced.ifPresent(done -> sequencer.release(done, ids, kept));
        }
    }

    private List<TransferOutcome> attempt(
            Transaction transaction, Actor actor, Batch batch, Set<UUID> accountIds, List<UUID> ids, Place place) {
        // Judged as new ids without reading them: an id that exists (accepted, or failed and
        // recorded) makes the COPY fail on the primary key, and the batch goes the careful way,
        // which answers EXISTS or the recorded failure.
        place.sequenced = sequencer.sequence(
                accountIds, ids, unowned -> accounts.states(transaction, unowned), states -> judge(batch, states));
        PostingSequencer.Sequenced sequenced = place.sequenced.orElseThrow(Abandoned::new);
        PostingRules.Plan plan = sequenced.plan();
        List<TransferRow> written = plan.written();
        if (!written.isEmpty()) {
            // Everything that can be prepared is, before waiting: a batch's successors wait for
            // its commit, so only statements belong between the wait and the commit.
            UUID batchId = UUID.randomUUID();
            AuditEvent event = PostingAudit.of(actor, batch.transfers(), 0, plan, batchId);
            CompareAndSet prepared = CompareAndSet.of(sequenced.before(), sequenced.after());
            transfers.insert(transaction, written, batchId);
            accounts.planUpdatesInIdOrder(transaction);
            // After the predecessors' commits, not just their updates: a compare blocked on their
            // row locks is re-checked by PostgreSQL against the new row but, joined with unnest(),
            // did not match (measured), so this waits for the commits in Java instead.
            if (!(awaitPredecessors(sequenced) && accounts.compareAndSet(transaction, prepared))) {
                throw new Abandoned();
            }
            transfers.trackHolds(transaction, plan.accepted());
            audit.append(transaction, event);
        }
        return plan.outcomes(batch.transfers(), 0);
    }

    /**
     * Judges the batch on the accounts as the sequencer has them, timed after their latest transfers
     * (whichever server's clock timed those), which the compare then requires to be still the latest.
     */
    private PostingRules.Plan judge(Batch batch, Map<UUID, AccountState> states) {
        PostingRules.Plan plan = PostingRules.evaluate(
                batch.transfers(),
                batch.preset(),
                0,
                batch.origin(),
                new PostingRules.State(states, Map.of(), Map.of(), Map.of()),
                clock.reserveAfter(AccountState.latest(states.values()), batch.size()));
        AccountState.stamp(states, plan.accepted());
        return plan;
    }

    private static boolean awaitPredecessors(PostingSequencer.Sequenced sequenced) {
        try {
            return sequenced.ticket().awaitPredecessors(PREDECESSOR_PATIENCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while posting a batch; nothing of it was kept", e);
        }
    }

    private static String sqlState(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "";
    }
}
