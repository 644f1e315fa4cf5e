package org.corridor.ledger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Puts concurrent batches of this process in one order, so that a batch may be judged on the
 * balances its predecessors will leave before they have committed, and write its transfers while
 * they finish: on two cores, the second batch's rows are copied while the first one commits.
 *
 * <p>Nothing here is trusted by the database: each batch updates its accounts only where they still
 * hold the balances, flags and latest transfer it was judged on (compare and set), once the batches whose results it
 * was judged on have committed. If a predecessor rolled back, or anyone else (another process, a
 * feature posting within its own transaction, a flag change) moved an account in between, the
 * compare fails, the batch rolls back and is posted again the careful way, with the accounts locked
 * first. Thread-safe: every method holds the sequencer's lock, the database read of a batch's
 * unknown accounts included, which keeps the order of judgements the order of the states they use.
 */
final class PostingSequencer {

    /** The values an account had, or will have once its batch commits. */
    record Snapshot(
            String currency,
            int flags,
            long debitsPending,
            long debitsPosted,
            long creditsPending,
            long creditsPosted,
            long lastTransferMicros) {

        static Snapshot of(AccountState account) {
            return new Snapshot(
                    account.currency,
                    account.flags,
                    account.debitsPending,
                    account.debitsPosted,
                    account.creditsPending,
                    account.creditsPosted,
                    account.lastTransferMicros);
        }

        AccountState toState(UUID id) {
            AccountState state =
                    new AccountState(id, currency, flags, debitsPending, debitsPosted, creditsPending, creditsPosted);
            state.lastTransferMicros = lastTransferMicros;
            return state;
        }
    }

    /**
     * A batch's place in the order: it waits for the batches in flight whose results it was judged on
     * (those that last touched one of its accounts), and {@code finished} completes when it has
     * committed or rolled back. Batches on disjoint accounts do not wait for each other.
     */
    static final class Ticket {
        private final List<Ticket> predecessors;
        private final CompletableFuture<Void> finished = new CompletableFuture<>();

        private Ticket(List<Ticket> predecessors) {
            this.predecessors = predecessors;
        }

        /** Waits until every batch this one was judged after has finished; false beyond {@code patience}. */
        boolean awaitPredecessors(Duration patience) throws InterruptedException {
            long deadline = System.nanoTime() + patience.toNanos();
            for (Ticket predecessor : predecessors) {
                try {
                    predecessor.finished.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    return false;
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a ticket is only ever completed normally", e);
                }
            }
            return true;
        }

        void finish() {
            finished.complete(null);
        }
    }

    /** What a batch was given under the sequencer: its ticket and the accounts as judged. */
    record Sequenced(Ticket ticket, Map<UUID, Snapshot> before, Map<UUID, Snapshot> after, PostingRules.Plan plan) {}

    /** Reads accounts nobody in flight has touched, from the database's committed state. */
    @FunctionalInterface
    interface CommittedAccounts {
        Map<UUID, AccountState> read(Collection<UUID> ids);
    }

    /** Judges a batch against the accounts given. */
    @FunctionalInterface
    interface Judge {
        PostingRules.Plan judge(Map<UUID, AccountState> accounts);
    }

    private final Map<UUID, Owned> accounts = new HashMap<>();
    private final Set<UUID> transferIds = new HashSet<>();
    private final Map<UUID, Snapshot> committedStates;

    /** With room to remember what this process last committed for {@code remembered} accounts. */
    PostingSequencer(int remembered) {
        // Oldest first out: a hint, not a truth, so losing an entry only costs a read.
        this.committedStates = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Snapshot> eldest) {
                return size() > remembered;
            }
        };
    }

    private record Owned(Ticket owner, Snapshot after) {}

    /**
     * Judges a batch after the batches in flight that touched its accounts (on the states they will
     * leave), or returns empty when one of its transfer ids is in flight in another batch (then the
     * database, not this order, must decide).
     */
    synchronized Optional<Sequenced> sequence(
            Collection<UUID> accountIds, List<UUID> ids, CommittedAccounts committed, Judge judge) {
        for (UUID id : ids) {
            if (transferIds.contains(id)) {
                return Optional.empty();
            }
        }
        Map<UUID, AccountState> states = new HashMap<>(accountIds.size() * 2);
        List<UUID> unowned = new ArrayList<>();
        Set<Ticket> predecessors = new LinkedHashSet<>();
        for (UUID id : accountIds) {
            Owned owned = accounts.get(id);
            if (owned != null) {
                states.put(id, owned.after().toState(id));
                predecessors.add(owned.owner());
                continue;
            }
            Snapshot remembered = committedStates.get(id);
            if (remembered != null) {
                states.put(id, remembered.toState(id));
            } else {
                unowned.add(id);
            }
        }
        if (!unowned.isEmpty()) {
            states.putAll(committed.read(unowned));
        }
        Map<UUID, Snapshot> before = new HashMap<>(states.size() * 2);
        states.forEach((id, state) -> before.put(id, Snapshot.of(state)));
        PostingRules.Plan plan = judge.judge(states);
        Ticket ticket = new Ticket(List.copyOf(predecessors));
        Map<UUID, Snapshot> after = new HashMap<>(states.size() * 2);
        states.forEach((id, state) -> {
            Snapshot snapshot = Snapshot.of(state);
            after.put(id, snapshot);
            accounts.put(id, new Owned(ticket, snapshot));
        });
        transferIds.addAll(ids);
        return Optional.of(new Sequenced(ticket, before, after, plan));
    }

    /**
     * Forgets a batch that committed or rolled back. What a committed batch left is remembered, so the
     * next batch on those accounts need not read them: if anyone else has moved one since, that batch's
     * compare fails and it goes the careful way, and the account is forgotten.
     */
    synchronized void release(Sequenced sequenced, List<UUID> ids, boolean committed) {
        sequenced.ticket().finish();
        for (UUID id : sequenced.before().keySet()) {
            Owned owned = accounts.get(id);
            boolean mine = owned != null && owned.owner() == sequenced.ticket();
            if (mine) {
                accounts.remove(id);
            }
            if (committed && mine) {
                committedStates.put(id, owned.after());
            } else if (!committed) {
                committedStates.remove(id);
            }
        }
        ids.forEach(transferIds::remove);
    }

    /** Forgets what was remembered of these accounts: another writer is about to move them. */
    synchronized void forget(Collection<UUID> accountIds) {
        accountIds.forEach(committedStates::remove);
    }
}
