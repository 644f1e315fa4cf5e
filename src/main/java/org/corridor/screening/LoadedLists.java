package org.corridor.screening;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.corridor.transaction.Transactions;

/**
 * The active lists as this process holds them: loaded on first use, checked against the database
 * every {@code refreshNanos} (another process may have imported), and replaced at once after an
 * import here. At most one thread reloads; the others keep screening with what is loaded
 * meanwhile. Thread-safe.
 */
final class LoadedLists {

    private final Transactions transactions;
    private final ScreeningListStore store;
    private final long refreshNanos;
    private final Optional<Path> indexFolder;
    private final AtomicReference<ActiveLists> current = new AtomicReference<>();
    private final AtomicLong checkedAt = new AtomicLong();
    private final AtomicBoolean checking = new AtomicBoolean();
    private final Object rebuilding = new Object();
    private final AtomicLong decoded = new AtomicLong();

    /**
     * @param refreshNanos how long to trust the loaded versions before checking the database again
     * @param indexFolder where name indexes are kept on disk; empty to build them in memory
     */
    LoadedLists(Transactions transactions, ScreeningListStore store, long refreshNanos, Optional<Path> indexFolder) {
        this.transactions = transactions;
        this.store = store;
        this.refreshNanos = refreshNanos;
        this.indexFolder = indexFolder;
    }

    /** Checks the database at the next use: another process has changed the active versions. */
    void expire() {
        checkedAt.set(System.nanoTime() - refreshNanos);
    }

    /** The active lists, loaded on first use and refreshed when another process has imported. */
    ActiveLists get() {
        ActiveLists lists = current.get();
        long now = System.nanoTime();
        boolean due = lists == null || lists.versions().isEmpty() || now - checkedAt.get() >= refreshNanos;
        if (!due) {
            return lists;
        }
        boolean guarded = lists != null && !lists.versions().isEmpty();
        if (guarded && !checking.compareAndSet(false, true)) {
            return lists; // another thread is checking; screen with what we have meanwhile
        }
        try {
            synchronized (rebuilding) {
                ActiveLists latest = current.get();
                Map<SanctionsList, Long> ids = transactions.read(store::activeIds);
                checkedAt.set(System.nanoTime());
                if (latest != null && latest.ids().equals(ids)) {
                    return latest;
                }
                ActiveLists loaded = load(latest, latest != null && latest.isBuilt());
                current.set(loaded);
                return loaded;
            }
        } finally {
            if (guarded) {
                checking.set(false);
            }
        }
    }

    /** Loads the active versions, reusing the snapshots {@code previous} holds that are still active. */
    private ActiveLists load(ActiveLists previous, boolean buildNow) {
        return load(previous == null ? Map.of() : previous.known(), buildNow);
    }

    /**
     * Reads the active versions and their digests; their entities are read from the database
     * only when the screener needs them to build its index (not when it opens one on disk), and
     * not at all for those in {@code known}.
     */
    private ActiveLists load(Map<SanctionsList, ListSnapshot> known, boolean buildNow) {
        ActiveLists lists = transactions.read(tx ->
                new ActiveLists(store.activeVersions(tx), store.activeDigests(tx), known, this::read, indexFolder));
        if (buildNow) {
            lists.screener();
        }
        return lists;
    }

    /** One stored version's entities, decoded from the database. */
    private ListSnapshot read(ListVersion version) {
        decoded.incrementAndGet();
        return transactions.read(tx -> store.snapshot(tx, version));
    }

    /** How many stored versions this process has decoded from the database. */
    long decoded() {
        return decoded.get();
    }

    /**
     * After an import: swaps in the new versions, building the new screener first if one is in use
     * or the index is kept on disk.
     */
    void replace(List<ListChange> changes, List<ListSnapshot> activated) {
        synchronized (rebuilding) {
            ActiveLists latest = current.get();
            Map<SanctionsList, ListSnapshot> known = new EnumMap<>(SanctionsList.class);
            if (latest != null) {
                known.putAll(latest.known());
            }
            for (int i = 0; i < changes.size(); i++) {
                known.put(changes.get(i).list(), activated.get(i));
            }
            // An index kept on disk is built at import, once for every later process and command.
            current.set(load(known, indexFolder.isPresent() || (latest != null && latest.isBuilt())));
            checkedAt.set(System.nanoTime());
        }
    }
}
