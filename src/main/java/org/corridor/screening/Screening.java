package org.corridor.screening;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.corridor.ConflictException;
import org.corridor.InvalidInputException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditLog;
import org.corridor.audit.CanonicalJson;
import org.corridor.transaction.Transaction;
import org.corridor.transaction.Transactions;
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

    private final Transactions transactions;
    private final AuditLog audit;
    private final ScreeningListStore store = new ScreeningListStore();
    private final LoadedLists loaded;
    private final Clock clock;
    private final List<Consumer<ListChange>> listeners = new CopyOnWriteArrayList<>();

    public Screening(Transactions transactions, AuditLog audit, Clock clock) {
        this(transactions, audit, clock, REFRESH_NANOS);
    }

    /** @param refreshNanos how long to trust the loaded versions before checking the database again */
    Screening(Transactions transactions, AuditLog audit, Clock clock, long refreshNanos) {
        this.transactions = transactions;
        this.audit = audit;
        this.loaded = new LoadedLists(transactions, store, refreshNanos);
        this.clock = clock;
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
        record(new AuditEvent(
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
        record(new AuditEvent(
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
        return transactions.read(store::versions);
    }

    /** The active version of each list that has one, in {@link SanctionsList} order. */
    public Map<SanctionsList, ListVersion> active() {
        return transactions.read(store::activeVersions);
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
            // Encoded once, outside the unit of work, which may run more than once.
            byte[] encoded = SnapshotCodec.encode(snapshot.entities());
            Instant now = clock.instant();
            Imported imported = transactions.inTransaction(tx -> importOne(tx, actor, snapshot, encoded, source, now));
            versions.add(imported.version());
            imported.change().ifPresent(change -> {
                changes.add(change);
                activated.add(snapshot);
            });
        }
        // Each import has committed by now: the screener and the listeners see committed versions.
        if (!changes.isEmpty()) {
            loaded.replace(changes, activated);
            notifyListeners(changes);
        }
        return versions;
    }

    /** What one snapshot's import left active, and the change when it activated a new version. */
    private record Imported(ListVersion version, Optional<ListChange> change) {}

    /**
     * One unit of work under the importers' lock: a snapshot with the digest of the active version
     * changes nothing; otherwise it becomes the active version with its delta and audit entry.
     */
    private Imported importOne(
            Transaction tx, Actor actor, ListSnapshot snapshot, byte[] encoded, String source, Instant now) {
        store.lockLists(tx);
        Optional<ListVersion> previous = store.active(tx, snapshot.list());
        if (previous.isPresent() && previous.get().sha256().equals(snapshot.sourceSha256())) {
            return new Imported(previous.get(), Optional.empty());
        }
        ListDelta delta = previous.isPresent()
                ? ListDelta.between(store.snapshot(tx, previous.get()), snapshot)
                : new ListDelta(snapshot.list(), snapshot.entities(), List.of(), List.of());
        ListVersion current = store.activate(tx, snapshot, encoded, previous, delta, source.strip(), actor.name(), now);
        audit.append(tx, importEvent(actor, snapshot, source, previous, current));
        return new Imported(current, Optional.of(new ListChange(snapshot.list(), previous, current, delta)));
    }

    /**
     * Imports the snapshot shipped in the application ({@link ShippedLists}) for every list that has
     * never been imported; lists already imported keep their versions.
     *
     * @return how many lists were imported
     */
    public int importShipped(Actor actor) {
        Set<SanctionsList> missing = EnumSet.copyOf(ShippedLists.SHIPPED);
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
        return loaded.get().byImo().getOrDefault(imo, List.of());
    }

    /** Whether any list is active; the listing lookup answers "nobody" rather than refuse when not. */
    boolean hasLists() {
        return !loaded.get().versions().isEmpty();
    }

    // ---- for the yente-compatible API (EntityMatching)

    /** The active versions with their entities and screener, as one consistent set. */
    ActiveLists activeLists() {
        return requireLists();
    }

    /** Records a screening answered elsewhere in this package (the yente-compatible API). */
    void recordScreening(AuditEvent event) {
        record(event);
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
            Actor actor, ListSnapshot snapshot, String source, Optional<ListVersion> previous, ListVersion version) {
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
                        "previous_version_id", previous.map(ListVersion::id).orElse(0L),
                        "entities", version.entityCount(),
                        "added", version.added(),
                        "removed", version.removed(),
                        "changed", version.changed()),
                Map.of(snapshot.list().name(), version.label()));
    }

    private ActiveLists requireLists() {
        ActiveLists lists = loaded.get();
        if (lists.versions().isEmpty()) {
            throw new ConflictException(
                    "NO_ACTIVE_LISTS",
                    "no sanctions list is active; import one first (./corridor lists import --shipped, or lists update)");
        }
        return lists;
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

    /** Records a screening, which changes nothing else, in the audit trail. */
    private void record(AuditEvent event) {
        transactions.useTransaction(tx -> audit.append(tx, event));
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
}
