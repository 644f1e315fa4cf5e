package org.corridor.screening;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
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

    /** Loads the active versions, reusing the snapshots of {@code previous} that are still active. */
    private ActiveLists load(ActiveLists previous, boolean buildNow) {
        return load(previous, Map.of(), buildNow);
    }

    /**
     * Loads the active versions, reusing the snapshots of {@code previous} that are still active and
     * those in {@code known} (by version id), and reading only the others from the database.
     */
    private ActiveLists load(ActiveLists previous, Map<Long, ListSnapshot> known, boolean buildNow) {
        ActiveLists lists = transactions.read(tx -> {
            Map<SanctionsList, ListVersion> versions = store.activeVersions(tx);
            Map<SanctionsList, ListSnapshot> snapshots = new EnumMap<>(SanctionsList.class);
            versions.forEach((list, version) -> {
                ListSnapshot kept = previous == null ? known.get(version.id()) : previous.snapshotOf(version);
                snapshots.put(list, kept != null ? kept : store.snapshot(tx, version));
            });
            return new ActiveLists(versions, snapshots, indexFolder);
        });
        if (buildNow) {
            lists.screener();
        }
        return lists;
    }

    /**
     * After an import: swaps in the new versions, building the new screener first if one is in use
     * or the index is kept on disk.
     */
    void replace(List<ListChange> changes, List<ListSnapshot> activated) {
        synchronized (rebuilding) {
            ActiveLists latest = current.get();
            if (latest == null) {
                // Nothing loaded yet: load the other lists from the database, keep the new ones in hand.
                Map<Long, ListSnapshot> known = new HashMap<>();
                for (int i = 0; i < changes.size(); i++) {
                    known.put(changes.get(i).current().id(), activated.get(i));
                }
                current.set(load(null, known, indexFolder.isPresent()));
                checkedAt.set(System.nanoTime());
                return;
            }
            Map<SanctionsList, ListVersion> versions = new EnumMap<>(SanctionsList.class);
            versions.putAll(latest.versions());
            Map<SanctionsList, ListSnapshot> snapshots = new EnumMap<>(SanctionsList.class);
            snapshots.putAll(latest.snapshots());
            for (int i = 0; i < changes.size(); i++) {
                versions.put(changes.get(i).list(), changes.get(i).current());
                snapshots.put(changes.get(i).list(), activated.get(i));
            }
            ActiveLists next = new ActiveLists(versions, snapshots, indexFolder);
            // An index kept on disk is built at import, once for every later process and command.
            if (latest.isBuilt() || indexFolder.isPresent()) {
                next.screener();
            }
            current.set(next);
            checkedAt.set(System.nanoTime());
        }
    }
}
