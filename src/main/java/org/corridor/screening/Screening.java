package org.corridor.screening;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.corridor.ConflictException;
import org.corridor.InvalidInputException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.CanonicalJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Screening's public face: screens parties against the active version of every list in the
 * database, imports new versions, and tells listeners what changed.
 *
 * <p>Screening runs on an immutable {@link Screener} over the active versions, built on first use
 * and replaced atomically after an import, so a screening always sees one consistent set of
 * versions and reports which. Imports by another process on the same database are noticed within
 * a few seconds. With no active list at all, screening refuses ({@code NO_ACTIVE_LISTS}) rather
 * than answer "clear". Thread-safe.
 */
public final class Screening {

    private static final Logger LOG = LoggerFactory.getLogger(Screening.class);

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** How often a long-lived process checks whether another one imported a list. */
    static final long REFRESH_NANOS = 5_000_000_000L;

    private final ScreeningListStore store;
    private final Clock clock;
    private final long refreshNanos;
    private final AtomicReference<ActiveLists> current = new AtomicReference<>();
    private final AtomicLong checkedAt = new AtomicLong();
    private final AtomicBoolean checking = new AtomicBoolean();
    private final Object rebuilding = new Object();
    private final List<Consumer<ListChange>> listeners = new CopyOnWriteArrayList<>();

    public Screening(ScreeningListStore store, Clock clock) {
        this(store, clock, REFRESH_NANOS);
    }

    /** @param refreshNanos how long to trust the loaded versions before checking the database again */
    Screening(ScreeningListStore store, Clock clock, long refreshNanos) {
        this.store = store;
        this.clock = clock;
        this.refreshNanos = refreshNanos;
    }

    // ---- screening

    public ScreeningResult screen(Party party) {
        return screen(party, ScreeningOptions.DEFAULT);
    }

    /**
     * Screens one party against the active lists.
     *
     * @throws ConflictException {@code NO_ACTIVE_LISTS} when no list has been imported
     */
    public ScreeningResult screen(Party party, ScreeningOptions options) {
        ActiveLists lists = requireLists();
        return new ScreeningResult(lists.screener().screen(party, options), lists.labels());
    }

    /**
     * The screener over the active versions as they are now, with those versions: for a long run
     * (a file of parties) that must use one set of versions throughout.
     *
     * @throws ConflictException {@code NO_ACTIVE_LISTS} when no list has been imported
     */
    public Pinned pinned() {
        ActiveLists lists = requireLists();
        return new Pinned(lists.screener(), lists.labels());
    }

    /** A screener and the list versions it holds ({@link ListVersion#label()} per list). */
    public record Pinned(Screener screener, Map<SanctionsList, String> listVersions) {
        public Pinned {
            java.util.Objects.requireNonNull(screener, "screener");
            listVersions = Map.copyOf(listVersions);
        }
    }

    /** Screens one party and records the screening, with the list versions used, in the audit trail. */
    public ScreeningResult screenAndRecord(Actor actor, Party party, ScreeningOptions options) {
        ScreeningResult result = screen(party, options);
        store.recordScreening(new AuditEvent(
                actor,
                "screening.screen",
                party.name(),
                CanonicalJson.fields(
                        "party", describe(party), "threshold", options.threshold(), "limit", options.limit()),
                CanonicalJson.fields("outcome", outcomeName(result.outcome()), "hits", hitKeys(result.outcome())),
                auditVersions(result.listVersions())));
        return result;
    }

    /** Screens parties in input order against one set of versions, and records the batch in the audit trail. */
    public ScreeningBatch screenBatchAndRecord(Actor actor, List<Party> parties, ScreeningOptions options) {
        ActiveLists lists = requireLists();
        Screener screener = lists.screener();
        List<ScreeningOutcome> outcomes = new ArrayList<>(parties.size());
        List<Map<String, Object>> summary = new ArrayList<>(parties.size());
        for (Party party : parties) {
            ScreeningOutcome outcome = screener.screen(party, options);
            outcomes.add(outcome);
            summary.add(CanonicalJson.fields(
                    "name", party.name(), "outcome", outcomeName(outcome), "hits", hitKeys(outcome)));
        }
        ScreeningBatch batch = new ScreeningBatch(outcomes, lists.labels());
        store.recordScreening(new AuditEvent(
                actor,
                "screening.batch",
                parties.size() + " parties",
                CanonicalJson.fields(
                        "parties", parties.size(), "threshold", options.threshold(), "limit", options.limit()),
                CanonicalJson.fields("results", summary),
                auditVersions(batch.listVersions())));
        return batch;
    }

    // ---- versions

    /** Every imported version, newest first. */
    public List<ListVersion> versions() {
        return store.versions();
    }

    /** The active version of each list that has one, in {@link SanctionsList} order. */
    public Map<SanctionsList, ListVersion> active() {
        return store.activeVersions();
    }

    /**
     * Imports one version of a list: checks it, stores it with its delta against the active version,
     * activates it (one audit entry, same transaction), rebuilds the screener, then tells the
     * listeners. A snapshot with the digest of the active version changes nothing and returns that
     * version.
     *
     * @throws InvalidInputException when the snapshot is empty, lacks a digest or repeats an entity id
     */
    public ListVersion importSnapshot(Actor actor, ListSnapshot snapshot, String source) {
        return importSnapshots(actor, List.of(snapshot), source).get(0);
    }

    /** Imports several snapshots (one per list) from one source, rebuilding the screener once. */
    public List<ListVersion> importSnapshots(Actor actor, List<ListSnapshot> snapshots, String source) {
        Set<SanctionsList> seen = EnumSet.noneOf(SanctionsList.class);
        for (ListSnapshot snapshot : snapshots) {
            validate(snapshot, source);
            if (!seen.add(snapshot.list())) {
                throw new InvalidInputException(
                        "LIST_REPEATED", "two snapshots of " + snapshot.list() + " in one import");
            }
        }
        List<ListVersion> versions = new ArrayList<>();
        List<ListChange> changes = new ArrayList<>();
        List<ListSnapshot> activated = new ArrayList<>();
        for (ListSnapshot snapshot : snapshots) {
            ScreeningListStore.Stored stored = store.importSnapshot(
                    snapshot,
                    source.strip(),
                    actor.name(),
                    clock.instant(),
                    done -> importEvent(actor, snapshot, source, done));
            if (stored instanceof ScreeningListStore.Activated done) {
                versions.add(done.current());
                changes.add(new ListChange(snapshot.list(), done.previous(), done.current(), done.delta()));
                activated.add(snapshot);
            } else if (stored instanceof ScreeningListStore.Unchanged same) {
                versions.add(same.active());
            }
        }
        if (!changes.isEmpty()) {
            replace(changes, activated);
            notifyListeners(changes);
        }
        return versions;
    }

    /**
     * Imports the snapshot shipped in the application ({@link ShippedLists}) for every list that has
     * never been imported; lists already imported keep their versions.
     *
     * @return how many lists were imported
     */
    public int importShipped(Actor actor) {
        Set<SanctionsList> missing = EnumSet.allOf(SanctionsList.class);
        for (ListVersion version : versions()) {
            missing.remove(version.list());
        }
        if (missing.isEmpty()) {
            return 0;
        }
        List<ListSnapshot> shipped = ShippedLists.load(missing);
        importSnapshots(actor, shipped, "shipped with Corridor (screening/lists/PROVENANCE.md)");
        return shipped.size();
    }

    /**
     * Adds a listener told of every new active version after its import has committed (re-screening
     * of open parties subscribes here). Listeners run on the importing thread, in registration
     * order; a listener's failure is logged and neither undoes the import nor stops the others.
     */
    public void onListsChanged(Consumer<ListChange> listener) {
        listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    // ---- for the listing lookup of ownership and vessels

    /** The active listed entities with this IMO number (seven digits), in list order. */
    List<ListedEntity> byImo(String imo) {
        return lists().byImo().getOrDefault(imo, List.of());
    }

    /** Whether any list is active; the listing lookup answers "nobody" rather than refuse when not. */
    boolean hasLists() {
        return !lists().versions().isEmpty();
    }

    // ---- internals

    static Map<String, String> auditVersions(Map<SanctionsList, String> labels) {
        Map<String, String> versions = new LinkedHashMap<>();
        labels.forEach((list, label) -> versions.put(list.name(), label));
        return versions;
    }

    /**
     * Checks that a snapshot may become a version: a source, a digest, at least one entity and no
     * entity id twice. {@link #importSnapshots} checks every snapshot before storing any; callers
     * that import from several sources check them all first the same way.
     *
     * @throws InvalidInputException naming what is wrong
     */
    public static void validate(ListSnapshot snapshot, String source) {
        if (source == null || source.isBlank()) {
            throw new InvalidInputException("LIST_SOURCE_MISSING", "an imported list needs its source");
        }
        if (!SHA256.matcher(snapshot.sourceSha256()).matches()) {
            throw new InvalidInputException(
                    "LIST_DIGEST_INVALID", snapshot.list() + ": the digest must be 64 lower-case hex digits");
        }
        if (snapshot.entities().isEmpty()) {
            throw new InvalidInputException(
                    "LIST_EMPTY", snapshot.list() + " from " + source + " holds no entities; refusing to activate it");
        }
        Set<String> ids = new HashSet<>();
        for (ListedEntity entity : snapshot.entities()) {
            if (!ids.add(entity.id())) {
                throw new InvalidInputException(
                        "LIST_DUPLICATE_ID", snapshot.list() + " lists entity id " + entity.id() + " more than once");
            }
        }
    }

    private static AuditEvent importEvent(
            Actor actor, ListSnapshot snapshot, String source, ScreeningListStore.Activated done) {
        ListVersion version = done.current();
        return new AuditEvent(
                actor,
                "screening.list.import",
                snapshot.list().name(),
                CanonicalJson.fields(
                        "list", snapshot.list().name(),
                        "source", source.strip(),
                        "published_on", snapshot.publishedOn(),
                        "sha256", snapshot.sourceSha256()),
                CanonicalJson.fields(
                        "version_id", version.id(),
                        "previous_version_id",
                                done.previous().map(ListVersion::id).orElse(0L),
                        "entities", version.entityCount(),
                        "added", version.added(),
                        "removed", version.removed(),
                        "changed", version.changed()),
                Map.of(snapshot.list().name(), version.label()));
    }

    private ActiveLists requireLists() {
        ActiveLists lists = lists();
        if (lists.versions().isEmpty()) {
            throw new ConflictException(
                    "NO_ACTIVE_LISTS",
                    "no sanctions list is active; import one first (./corridor lists import --shipped, or lists update)");
        }
        return lists;
    }

    /** The active lists, loaded on first use and refreshed when another process has imported. */
    private ActiveLists lists() {
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
                Map<SanctionsList, Long> ids = store.activeIds();
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
        Map<SanctionsList, ListVersion> versions = store.activeVersions();
        Map<SanctionsList, ListSnapshot> snapshots = new EnumMap<>(SanctionsList.class);
        versions.forEach((list, version) -> {
            ListSnapshot kept = previous == null ? known.get(version.id()) : previous.snapshotOf(version);
            snapshots.put(list, kept != null ? kept : store.snapshot(version));
        });
        ActiveLists lists = new ActiveLists(versions, snapshots);
        if (buildNow) {
            lists.screener();
        }
        return lists;
    }

    /** After an import: swaps in the new versions, building the new screener first if one is in use. */
    private void replace(List<ListChange> changes, List<ListSnapshot> activated) {
        synchronized (rebuilding) {
            ActiveLists latest = current.get();
            if (latest == null) {
                // Nothing loaded yet: load the other lists from the database, keep the new ones in hand.
                Map<Long, ListSnapshot> known = new java.util.HashMap<>();
                for (int i = 0; i < changes.size(); i++) {
                    known.put(changes.get(i).current().id(), activated.get(i));
                }
                current.set(load(null, known, false));
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
            ActiveLists next = new ActiveLists(versions, snapshots);
            if (latest.isBuilt()) {
                next.screener();
            }
            current.set(next);
            checkedAt.set(System.nanoTime());
        }
    }

    private void notifyListeners(List<ListChange> changes) {
        for (ListChange change : changes) {
            for (Consumer<ListChange> listener : listeners) {
                try {
                    listener.accept(change);
                } catch (RuntimeException e) {
                    LOG.error(
                            "a listener failed on the new version of {} ({}); the import stands",
                            change.list(),
                            change.current().label(),
                            e);
                }
            }
        }
    }

    private static String outcomeName(ScreeningOutcome outcome) {
        return outcome instanceof ScreeningOutcome.PotentialMatch ? "POTENTIAL_MATCH" : "CLEAR";
    }

    private static List<String> hitKeys(ScreeningOutcome outcome) {
        List<String> keys = new ArrayList<>();
        for (Hit hit : outcome.hits()) {
            keys.add(hit.entity().key() + " " + String.format(java.util.Locale.ROOT, "%.4f", hit.score()));
        }
        return keys;
    }

    private static Map<String, Object> describe(Party party) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", party.name());
        party.type().ifPresent(type -> fields.put("type", type.name()));
        if (!party.birthDates().isEmpty()) {
            fields.put(
                    "birth_dates",
                    party.birthDates().stream().map(PartialDate::toString).toList());
        }
        if (!party.nationalities().isEmpty()) {
            fields.put("nationalities", party.nationalities());
        }
        if (!party.identifiers().isEmpty()) {
            fields.put(
                    "identifiers",
                    party.identifiers().stream()
                            .map(id -> id.type() + " " + id.value())
                            .toList());
        }
        return fields;
    }

    /**
     * The active versions and their entities; the screener over them is built on first need (the
     * IMO lookup of vessels does not need the name index).
     */
    private static final class ActiveLists {
        private final Map<SanctionsList, ListVersion> versions;
        private final Map<SanctionsList, ListSnapshot> snapshots;
        private final Map<SanctionsList, String> labels;
        private final Map<String, List<ListedEntity>> byImo;
        private volatile Screener screener;

        ActiveLists(Map<SanctionsList, ListVersion> versions, Map<SanctionsList, ListSnapshot> snapshots) {
            this.versions = Map.copyOf(versions);
            this.snapshots = Map.copyOf(snapshots);
            Map<SanctionsList, String> names = new EnumMap<>(SanctionsList.class);
            versions.forEach((list, version) -> names.put(list, version.label()));
            this.labels = Map.copyOf(names);
            Map<String, List<ListedEntity>> imo = new LinkedHashMap<>();
            for (SanctionsList list : SanctionsList.values()) {
                ListSnapshot snapshot = snapshots.get(list);
                if (snapshot == null) {
                    continue;
                }
                for (ListedEntity entity : snapshot.entities()) {
                    for (Identifier identifier : entity.identifiers()) {
                        if (identifier.type() == IdentifierType.IMO) {
                            List<ListedEntity> found =
                                    imo.computeIfAbsent(identifier.normalisedValue(), key -> new ArrayList<>());
                            if (!found.contains(entity)) {
                                found.add(entity);
                            }
                        }
                    }
                }
            }
            imo.replaceAll((number, entities) -> List.copyOf(entities));
            this.byImo = Map.copyOf(imo);
        }

        Map<SanctionsList, ListVersion> versions() {
            return versions;
        }

        Map<SanctionsList, ListSnapshot> snapshots() {
            return snapshots;
        }

        Map<SanctionsList, String> labels() {
            return labels;
        }

        Map<String, List<ListedEntity>> byImo() {
            return byImo;
        }

        Map<SanctionsList, Long> ids() {
            Map<SanctionsList, Long> ids = new EnumMap<>(SanctionsList.class);
            versions.forEach((list, version) -> ids.put(list, version.id()));
            return ids;
        }

        /** The snapshot held for this version, or null when this set holds another version of its list. */
        ListSnapshot snapshotOf(ListVersion version) {
            ListVersion held = versions.get(version.list());
            return held != null && held.id() == version.id() ? snapshots.get(version.list()) : null;
        }

        boolean isBuilt() {
            return screener != null;
        }

        Screener screener() {
            Screener built = screener;
            if (built == null) {
                synchronized (this) {
                    built = screener;
                    if (built == null) {
                        List<ListSnapshot> ordered = new ArrayList<>();
                        for (SanctionsList list : SanctionsList.values()) {
                            Optional.ofNullable(snapshots.get(list)).ifPresent(ordered::add);
                        }
                        built = Screener.ofSnapshots(ordered);
                        screener = built;
                    }
                }
            }
            return built;
        }
    }
}
