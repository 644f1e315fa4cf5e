package org.corridor.screening;

import java.nio.file.Path;
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
import org.corridor.ForbiddenException;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditLog;
import org.corridor.audit.CanonicalJson;
import org.corridor.identity.Permission;
import org.corridor.identity.Role;
import org.corridor.identity.RoleMatrix;
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

    /** Parties a worker screens at a time in a batch. */
    private static final int BATCH_CHUNK = 16;

    private final Transactions transactions;
    private final AuditLog audit;
    private final ScreeningListStore store = new ScreeningListStore();
    private final LoadedLists loaded;
    private final Clock clock;
    private final ListPolicy policy;
    private final List<Consumer<ListChange>> listeners = new CopyOnWriteArrayList<>();

    public Screening(Transactions transactions, AuditLog audit, Clock clock) {
        this(transactions, audit, clock, ListPolicy.DEFAULT);
    }

    /** @param policy how far a new version may shrink and a list may age (issue 16) */
    public Screening(Transactions transactions, AuditLog audit, Clock clock, ListPolicy policy) {
        this(transactions, audit, clock, REFRESH_NANOS, policy, Optional.empty());
    }

    /**
     * @param policy how far a new version may shrink and a list may age (issue 16)
     * @param indexFolder where the name index of each set of active versions is kept, built once
     *     and opened by every later process; empty to build it in memory in each process
     */
    public Screening(
            Transactions transactions, AuditLog audit, Clock clock, ListPolicy policy, Optional<Path> indexFolder) {
        this(transactions, audit, clock, REFRESH_NANOS, policy, indexFolder);
    }

    /** @param refreshNanos how long to trust the loaded versions before checking the database again */
    Screening(Transactions transactions, AuditLog audit, Clock clock, long refreshNanos) {
        this(transactions, audit, clock, refreshNanos, ListPolicy.DEFAULT, Optional.empty());
    }

    private Screening(
            Transactions transactions,
            AuditLog audit,
            Clock clock,
            long refreshNanos,
            ListPolicy policy,
            Optional<Path> indexFolder) {
        this.transactions = transactions;
        this.audit = audit;
        this.loaded = new LoadedLists(transactions, store, refreshNanos, indexFolder);
        this.clock = clock;
        this.policy = java.util.Objects.requireNonNull(policy, "policy");
    }

    /** The shrink and age limits this screening applies. */
    public ListPolicy policy() {
        return policy;
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
        // On every core, in input order: a batch is what a single request should not wait for alone.
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), 1 + parties.size() / BATCH_CHUNK);
        OrderedBatch.<Party, ScreeningOutcome>of(threads, BATCH_CHUNK)
                .run(parties.iterator(), party -> screener.screen(party, options), outcomes::add, done -> {});
        for (int i = 0; i < parties.size(); i++) {
            ScreeningOutcome outcome = outcomes.get(i);
            summary.add(CanonicalJson.fields(
                    "name", parties.get(i).name(), "outcome", outcomeName(outcome), "hits", hitKeys(outcome)));
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
        if (previous.isPresent() && dropsTooMany(previous.get(), delta)) {
            return new Imported(
                    quarantine(tx, actor, snapshot, encoded, source, now, previous.get(), delta), Optional.empty());
        }
        ListVersion current = store.activate(tx, snapshot, encoded, previous, delta, source.strip(), actor.name(), now);
        audit.append(tx, importEvent(actor, snapshot, source, previous, current));
        return new Imported(current, Optional.of(new ListChange(snapshot.list(), previous, current, delta)));
    }

    // ---- quarantine (issue 16)

    /** Whether a new version drops more than the allowed share of the active version's entities. */
    private boolean dropsTooMany(ListVersion active, ListDelta delta) {
        java.math.BigDecimal allowed = policy.maxShrink().multiply(java.math.BigDecimal.valueOf(active.entityCount()));
        return java.math.BigDecimal.valueOf(delta.removed().size()).compareTo(allowed) > 0;
    }

    /**
     * Stores a version that drops too many entities as quarantined, with one audit entry; the same
     * content already waiting is not stored twice.
     */
    private ListVersion quarantine(
            Transaction tx,
            Actor actor,
            ListSnapshot snapshot,
            byte[] encoded,
            String source,
            Instant now,
            ListVersion active,
            ListDelta delta) {
        for (QuarantinedVersion waiting : store.pendingQuarantine(tx)) {
            if (waiting.version().list() == snapshot.list()
                    && waiting.version().sha256().equals(snapshot.sourceSha256())
                    && waiting.replaces() == active.id()) {
                return waiting.version();
            }
        }
        ListVersion held = store.quarantine(tx, snapshot, encoded, active, delta, source.strip(), actor.name(), now);
        LOG.warn(
                "{} version {} drops {} of the active version's {} entities (more than {}); quarantined until a"
                        + " second person confirms it",
                snapshot.list(),
                held.id(),
                delta.removed().size(),
                active.entityCount(),
                policy.maxShrink());
        audit.append(
                tx,
                new AuditEvent(
                        actor,
                        "screening.list.quarantine",
                        snapshot.list().name(),
                        CanonicalJson.fields(
                                "list", snapshot.list().name(),
                                "source", source.strip(),
                                "published_on", snapshot.publishedOn(),
                                "sha256", snapshot.sourceSha256(),
                                "max_shrink", policy.maxShrink().toPlainString()),
                        CanonicalJson.fields(
                                "version_id", held.id(),
                                "active_version_id", active.id(),
                                "entities", held.entityCount(),
                                "active_entities", active.entityCount(),
                                "removed", held.removed()),
                        Map.of(snapshot.list().name(), active.label())));
        return held;
    }

    /**
     * What whoever relies on screening must know about the active lists (issue 16): lists older
     * than their maximum age, shipped files that are samples, versions waiting in quarantine.
     */
    public List<ListNotice> notices() {
        return transactions.read(
                tx -> ListNotices.of(store.activeVersions(tx), store.pendingQuarantine(tx), policy, clock.instant()));
    }

    /** The quarantined versions waiting for a second person, oldest first. */
    public List<QuarantinedVersion> quarantined() {
        return transactions.read(store::pendingQuarantine);
    }

    /**
     * A second person confirms a quarantined version: it becomes the active version of its list (the
     * screener is rebuilt and listeners told, as for an import). Refused to the importer by any door
     * ({@code LIST_SELF_CONFIRMATION}), to a role without {@code LISTS_CONFIRM}
     * ({@code ROLE_NOT_PERMITTED}), for a version not waiting ({@code LIST_NOT_QUARANTINED}) or one
     * whose active version has been replaced since ({@code LIST_QUARANTINE_STALE}).
     */
    public ListVersion confirmQuarantined(Actor actor, long versionId) {
        Instant now = clock.instant();
        Confirmed confirmed = transactions.inTransaction(tx -> {
            store.lockLists(tx);
            ScreeningListStore.Held held = decidable(tx, actor, versionId);
            ListVersion active = store.active(tx, held.version().list()).orElseThrow();
            ListSnapshot snapshot = store.snapshot(tx, held.version());
            ListDelta delta = ListDelta.between(store.snapshot(tx, active), snapshot);
            store.decide(tx, held, "CONFIRMED", actor.name(), "", now);
            audit.append(tx, decisionEvent(actor, "screening.list.confirm", held.version(), active, ""));
            return new Confirmed(
                    new ListChange(held.version().list(), Optional.of(active), held.version(), delta), snapshot);
        });
        loaded.replace(List.of(confirmed.change()), List.of(confirmed.snapshot()));
        notifyListeners(List.of(confirmed.change()));
        return confirmed.change().current();
    }

    /** A confirmation's change and the entities it activated, out of its unit of work. */
    private record Confirmed(ListChange change, ListSnapshot snapshot) {}

    /**
     * A second person rejects a quarantined version: it never becomes active. Refused as
     * {@link #confirmQuarantined} is, except that a stale version may still be rejected.
     */
    public ListVersion rejectQuarantined(Actor actor, long versionId, String reason) {
        Instant now = clock.instant();
        String why = reason == null ? "" : reason.strip();
        return transactions.inTransaction(tx -> {
            store.lockLists(tx);
            ScreeningListStore.Held held = undecided(tx, actor, versionId);
            ListVersion active = store.active(tx, held.version().list()).orElseThrow();
            store.decide(tx, held, "REJECTED", actor.name(), why, now);
            audit.append(tx, decisionEvent(actor, "screening.list.reject", held.version(), active, why));
            return held.version();
        });
    }

    /** A quarantined, undecided version that this actor may decide and whose active version still stands. */
    private ScreeningListStore.Held decidable(Transaction tx, Actor actor, long versionId) {
        ScreeningListStore.Held held = undecided(tx, actor, versionId);
        Optional<ListVersion> active = store.active(tx, held.version().list());
        if (active.isEmpty() || active.get().id() != held.previousId()) {
            throw new ConflictException(
                    "LIST_QUARANTINE_STALE",
                    "version " + versionId + " was measured against version " + held.previousId()
                            + ", which is no longer active; import the file again to measure it against the"
                            + " current version");
        }
        return held;
    }

    private ScreeningListStore.Held undecided(Transaction tx, Actor actor, long versionId) {
        if (!mayDecide(actor)) {
            throw new ForbiddenException(
                    "ROLE_NOT_PERMITTED", "role " + actor.role() + " may not confirm or reject a list version");
        }
        ScreeningListStore.Held held = store.held(tx, versionId)
                .orElseThrow(() -> new NotFoundException("LIST_VERSION_NOT_FOUND", "no list version " + versionId));
        if (!held.quarantined() || held.decision().isPresent()) {
            throw new ConflictException(
                    "LIST_NOT_QUARANTINED",
                    "version " + versionId + " is not waiting for a decision"
                            + held.decision().map(d -> " (already " + d + ")").orElse(" (it was never quarantined)"));
        }
        if (samePerson(actor.name(), held.version().importedBy())) {
            throw new ForbiddenException(
                    "LIST_SELF_CONFIRMATION",
                    held.version().importedBy() + " imported version " + versionId
                            + "; a second person must confirm or reject it");
        }
        return held;
    }

    /**
     * The roles RoleMatrix grants LISTS_CONFIRM, signed in as themselves. Not the console: its name is
     * whatever the operating-system user says, so one person could import as one name and confirm as
     * another.
     */
    private static boolean mayDecide(Actor actor) {
        try {
            return RoleMatrix.allows(Role.valueOf(actor.role()), Permission.LISTS_CONFIRM);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * One person behind two doors: the console records {@code cli:NAME} for the operating-system user
     * NAME, the API the user's name; the same NAME at either door is the same person.
     */
    static boolean samePerson(String one, String other) {
        return person(one).equalsIgnoreCase(person(other));
    }

    private static String person(String actorName) {
        String name = actorName.strip();
        return name.startsWith("cli:") ? name.substring(4) : name;
    }

    private static AuditEvent decisionEvent(
            Actor actor, String action, ListVersion version, ListVersion active, String reason) {
        return new AuditEvent(
                actor,
                action,
                version.list().name(),
                CanonicalJson.fields(
                        "list", version.list().name(),
                        "version_id", version.id(),
                        "active_version_id", active.id(),
                        "imported_by", version.importedBy(),
                        "reason", reason),
                CanonicalJson.fields(
                        "entities", version.entityCount(),
                        "active_entities", active.entityCount(),
                        "removed", version.removed(),
                        "version", version.label(),
                        "replaced", active.label()),
                Map.of(version.list().name(), version.label()));
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
     * Another server on this database changed the active versions (LISTEN/NOTIFY, issue 21): the
     * next screening checks them. Its listeners are not told: the importing server told its own.
     */
    public void listsChangedElsewhere() {
        loaded.expire();
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
        ActiveLists lists = loaded.get();
        return lists.versions().isEmpty() ? List.of() : lists.byImo(imo);
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

    /**
     * Loads the active lists and opens (or builds) their name index on a background thread, so that
     * a server's first screening does not wait for them; a screening meanwhile waits for the same
     * work rather than doing it twice.
     */
    public void prepareInBackground() {
        Thread thread = new Thread(
                () -> {
                    try {
                        ActiveLists lists = loaded.get();
                        if (!lists.versions().isEmpty()) {
                            lists.screener();
                        }
                    } catch (RuntimeException e) {
                        LOG.warn("screening index not prepared at start; the first screening will: {}", e.toString());
                    }
                },
                "screening-index");
        thread.setDaemon(true);
        thread.start();
    }

    /** How many stored list versions this process has read from the database (the index on disk spares them). */
    long decodedVersions() {
        return loaded.decoded();
    }

    /**
     * Loads the name analysis (ICU's transliterators) on a background thread: called before the
     * database starts, so that the two overlap and the first screening waits for neither alone.
     */
    public static void warmUpInBackground() {
        ScreeningIndex.warmUpInBackground();
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
