package org.corridor.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.corridor.InvalidInputException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditLog;
import org.corridor.money.Currency;
import org.corridor.transaction.Transaction;

/**
 * The careful path of the posting engine, in the unit of work it is given: read the holds the batch
 * names (immutable, so before any lock), lock every account it touches in id order, read the earlier
 * transfers under its ids, judge it in memory ({@link PostingRules}), write its rows with one binary
 * COPY, update the balances, keep the open-hold list, and append one audit entry. Holds found expired
 * on the way are expired first, by the ledger itself. Thread-safe.
 *
 * <p>Rarely, a concurrent batch creates one of the same ids first: then this throws an exception
 * whose cause has SQLSTATE 40001, and the unit of work runs again, callback and all.
 */
record CarefulPosting(
        AccountStore accounts, TransferStore transfers, AuditLog audit, LedgerClock clock, PostingSequencer sequencer) {

    /** The outcomes of the caller's transfers, and how many holds the ledger expired on the way. */
    record Posted(List<TransferOutcome> outcomes, int expired) {}

    /**
     * Posts {@code batch} in {@code transaction}, and expires the holds among {@code dueHolds} whose
     * expiry has passed by then. Results come in the order of the batch; a linked chain is applied
     * whole or not at all.
     *
     * @throws InvalidInputException BATCH_TOO_LARGE beyond {@value Ledger#MAX_BATCH} transfers
     */
    Posted post(Transaction transaction, Actor actor, Batch batch, Set<UUID> dueHolds) {
        AccountStore.requireTransaction(transaction);
        if (batch.size() > Ledger.MAX_BATCH) {
            throw new InvalidInputException(
                    "BATCH_TOO_LARGE", "at most " + Ledger.MAX_BATCH + " transfers per batch, got " + batch.size());
        }
        if (batch.isEmpty() && dueHolds.isEmpty()) {
            return new Posted(List.of(), 0);
        }
        Set<UUID> pendingIds = pendingIds(batch, dueHolds);
        Map<UUID, TransferRow> holds = pendingIds.isEmpty() ? Map.of() : transfers.rows(transaction, pendingIds);
        Set<UUID> accountIds = accountIds(batch, holds.values());
        // This path moves accounts behind the sequencer's back (and commits when its caller does).
        sequencer.forget(accountIds);
        Map<UUID, AccountState> locked = accounts.lockStates(transaction, accountIds);

        // Read under the locks: whoever touched these accounts before has committed by now.
        // After every transfer already on these accounts, whichever process's clock timed it.
        Instant now = clock.reserveAfter(AccountState.latest(locked.values()), batch.size() + pendingIds.size());
        Map<UUID, TransferKind> resolutions =
                pendingIds.isEmpty() ? Map.of() : transfers.resolutions(transaction, pendingIds);
        List<NewTransfer> expiries = expiriesDue(holds.values(), resolutions, now);
        Batch all = batch.after(expiries);
        List<UUID> ids = ids(all.transfers());
        Map<UUID, TransferRow> existing = ids.isEmpty() ? Map.of() : transfers.rows(transaction, ids);

        PostingRules.Plan plan = PostingRules.evaluate(
                all.transfers(),
                all.preset(),
                expiries.size(),
                all.origin(),
                new PostingRules.State(locked, existing, holds, resolutions),
                now);
        List<TransferRow> written = plan.written();
        if (!written.isEmpty()) {
            UUID batchId = UUID.randomUUID();
            transfers.insert(transaction, written, batchId);
            accounts.updateBalances(transaction, stamped(locked, plan));
            transfers.trackHolds(transaction, plan.accepted());
            audit.append(transaction, PostingAudit.of(actor, batch.transfers(), expiries.size(), plan, batchId));
        }
        return new Posted(plan.outcomes(all.transfers(), expiries.size()), plan.expiries());
    }

    /** The accounts to write: those the plan changed, and those its accepted rows touched, stamped with them. */
    private static List<AccountState> stamped(Map<UUID, AccountState> locked, PostingRules.Plan plan) {
        AccountState.stamp(locked, plan.accepted());
        Set<AccountState> written = new LinkedHashSet<>(plan.changedAccounts());
        for (TransferRow row : plan.accepted()) {
            Optional.ofNullable(locked.get(row.debitAccountId())).ifPresent(written::add);
            Optional.ofNullable(locked.get(row.creditAccountId())).ifPresent(written::add);
        }
        return List.copyOf(written);
    }

    /** Forgets what the sequencer remembers of these accounts: they were moved behind its back. */
    void forget(Collection<UUID> accountIds) {
        sequencer.forget(accountIds);
    }

    /** The holds the batch resolves, after those due to expire. */
    private static Set<UUID> pendingIds(Batch batch, Set<UUID> dueHolds) {
        Set<UUID> pendingIds = new LinkedHashSet<>(dueHolds);
        for (NewTransfer transfer : batch.transfers()) {
            if (transfer.kind().resolvesHold()) {
                transfer.pendingId().filter(id -> !id.equals(NewTransfer.NONE)).ifPresent(pendingIds::add);
            }
        }
        return pendingIds;
    }

    /** Every account to lock: those the batch names, and those of the holds it resolves. */
    private static Set<UUID> accountIds(Batch batch, Collection<TransferRow> holds) {
        Set<UUID> accountIds = new TreeSet<>();
        for (NewTransfer transfer : batch.transfers()) {
            if (!transfer.kind().resolvesHold()) {
                accountIds.add(transfer.debitAccountId());
                accountIds.add(transfer.creditAccountId());
            }
        }
        for (TransferRow hold : holds) {
            accountIds.add(hold.debitAccountId());
            accountIds.add(hold.creditAccountId());
        }
        accountIds.remove(NewTransfer.NONE);
        return accountIds;
    }

    /** The ledger's own expiries of the holds that are pending and whose expiry has passed. */
    private static List<NewTransfer> expiriesDue(
            Collection<TransferRow> holds, Map<UUID, TransferKind> resolutions, Instant now) {
        List<NewTransfer> expiries = new ArrayList<>();
        for (TransferRow hold : holds) {
            if (hold.accepted()
                    && hold.kind() == TransferKind.PENDING
                    && hold.expiresAt().filter(expiry -> !expiry.isAfter(now)).isPresent()
                    && !resolutions.containsKey(hold.id())) {
                expiries.add(expiryOf(hold));
            }
        }
        return expiries;
    }

    private static List<UUID> ids(List<NewTransfer> transfers) {
        List<UUID> ids = new ArrayList<>(transfers.size());
        for (NewTransfer transfer : transfers) {
            if (!transfer.id().equals(NewTransfer.NONE)) {
                ids.add(transfer.id());
            }
        }
        return ids;
    }

    /** The id of the ledger's own expiry of a hold: derived, so that expiring twice is idempotent. */
    static UUID expiryIdOf(UUID holdId) {
        return UUID.nameUUIDFromBytes(("corridor-ledger-expiry:" + holdId).getBytes(StandardCharsets.UTF_8));
    }

    private static NewTransfer expiryOf(TransferRow hold) {
        return new NewTransfer(
                expiryIdOf(hold.id()),
                TransferKind.EXPIRE_PENDING,
                NewTransfer.NONE,
                NewTransfer.NONE,
                0,
                Currency.of(hold.currency()),
                "",
                Optional.of(hold.id()),
                Optional.empty(),
                false,
                Map.of(),
                Map.of());
    }
}
