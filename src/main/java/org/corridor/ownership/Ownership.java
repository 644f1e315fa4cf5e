package org.corridor.ownership;

import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditLog;
import org.corridor.audit.CanonicalJson;
import org.corridor.csv.CsvTable;
import org.corridor.transaction.Transactions;

/**
 * The ownership feature's public face: record ownership data (a JSON batch or a CSV file), and
 * assess a party under the 50 Percent Rule with the paths that explain the answer.
 *
 * <p>Assessments run on an in-memory snapshot of the graph, reloaded only when a newer graph
 * version has been recorded (by this process or another on the same database), so a query on a
 * graph of 100,000 edges walks memory, not tables. Thread-safe.
 */
public final class Ownership {

    /** Rows of a batch written into its audit entry in full; larger batches are summarised. */
    static final int AUDITED_ROWS = 500;

    /** The CSV header, in the documented order; all but the first and the last four are optional. */
    public static final List<String> CSV_COLUMNS = List.of(
            "owner_id",
            "owner_name",
            "owner_kind",
            "owner_listing",
            "owned_id",
            "owned_name",
            "owned_kind",
            "share_percent",
            "kind",
            "ended",
            "source",
            "as_of");

    private static final Set<String> CSV_REQUIRED = Set.of("owner_id", "owner_name", "owned_id", "source", "as_of");

    private final Transactions transactions;
    private final AuditLog audit;
    private final OwnershipStore store = new OwnershipStore();
    private final OwnershipAssessor assessor;
    private final Clock clock;
    private final ZoneId zone;
    private final AtomicReference<OwnershipGraph> snapshot = new AtomicReference<>();
    private final Object loading = new Object();
    private final DesignatedListings designations;
    private final OwnerHits ownerHits;

    /**
     * @param listings who is listed beyond the graph's own designations (the screening engine), or
     *     {@link ListingLookup#NONE}
     */
    public Ownership(Transactions transactions, AuditLog audit, ListingLookup listings, Clock clock, ZoneId zone) {
        this(transactions, audit, listings, OwnerScreening.NONE, clock, zone, BlockedShares.DEFAULT_CYCLE_BUDGET);
    }

    /**
     * @param owners screens the owners and controllers of imported data against the active lists
     */
    public Ownership(
            Transactions transactions,
            AuditLog audit,
            ListingLookup listings,
            OwnerScreening owners,
            Clock clock,
            ZoneId zone) {
        this(transactions, audit, listings, owners, clock, zone, BlockedShares.DEFAULT_CYCLE_BUDGET);
    }

    Ownership(
            Transactions transactions,
            AuditLog audit,
            ListingLookup listings,
            OwnerScreening owners,
            Clock clock,
            ZoneId zone,
            long cycleBudget) {
        this.transactions = transactions;
        this.audit = audit;
        this.ownerHits = new OwnerHits(transactions, audit, clock, owners);
        this.assessor = new OwnershipAssessor(listings, ownerHits.asListings(), cycleBudget);
        this.clock = clock;
        this.zone = zone;
        this.designations = new DesignatedListings(this::graph);
    }

    /**
     * Assesses a party by its id; a party the graph does not know is assessed on its own listings
     * only (and says so). This is what releases call for the forwarder, carrier and vessel owners.
     */
    public OwnershipAssessment assess(PartyRef party) {
        return assessor.assess(graph(), rules(), party);
    }

    /** Assesses a party the graph knows, under other rules (what-if questions and tests). */
    public OwnershipAssessment assess(PartyRef party, OwnershipRules rules) {
        return assessor.assess(graph(), rules, party);
    }

    /** Assesses a party of the graph by id; refuses an id the graph does not know. */
    public OwnershipAssessment explain(String partyId) {
        return assess(party(partyId)
                .orElseThrow(() -> new NotFoundException(
                        "PARTY_NOT_FOUND", "the ownership graph holds no party " + safeId(partyId))));
    }

    public Optional<PartyRef> party(String partyId) {
        if (!PartyRef.validId(partyId)) {
            return Optional.empty();
        }
        OwnershipGraph current = graph();
        return current.indexOf(PartyRef.normaliseId(partyId)).map(current::party);
    }

    /** The graph's explicit designations as a listing port, for vessels and for screening to include. */
    public ListingLookup designations() {
        return designations;
    }

    /** The screening hits on owners and controllers, and their four-eyes review. */
    public OwnerHits ownerHits() {
        return ownerHits;
    }

    /** Records a batch of rows given through the API; rows are named {@code edges[i]} in refusals. */
    public ImportResult record(Actor by, List<EdgeInput> rows) {
        List<GraphImport.Numbered> numbered = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            numbered.add(new GraphImport.Numbered("edges[" + i + "]", rows.get(i)));
        }
        return write(by, "api", numbered);
    }

    /**
     * Imports a CSV file whole or not at all; rows are named by their line in refusals.
     *
     * @param origin where the file came from (its name), for the batch record
     * @param progress told the number of rows read, every {@value CsvTable#PROGRESS_EVERY} rows
     */
    public ImportResult importCsv(Actor by, String origin, Reader csv, IntConsumer progress) {
        CsvTable table = CsvTable.read(csv, CSV_REQUIRED, Set.copyOf(CSV_COLUMNS), progress);
        List<GraphImport.Numbered> numbered = new ArrayList<>(table.rows().size());
        for (CsvTable.Row row : table.rows()) {
            numbered.add(new GraphImport.Numbered("line " + row.line(), input(row)));
        }
        return write(by, "csv:" + origin, numbered);
    }

    /**
     * One unit of work: under the graph lock, plans the batch against what is stored (a refusal
     * rolls back), then writes it with its audit entry. Writes nothing, not even a batch, when
     * nothing changes.
     */
    private ImportResult write(Actor by, String origin, List<GraphImport.Numbered> numbered) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<GraphImport.GraphRow> rows = GraphImport.validate(numbered, today);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String hash = contentHash(rows);
        OwnershipStore.BatchOrigin batchOrigin = new OwnershipStore.BatchOrigin(by.name(), origin, hash, now);
        // Every owner and controller the batch names is screened like a party, before the unit of work.
        Map<PartyRef, OwnerScreening.Result> matched = ownerHits.screen(owners(rows));
        return transactions.inTransaction(tx -> {
            store.lockGraph(tx);
            GraphImport.Writes writes =
                    GraphImport.plan(rows, store.current(tx, GraphImport.partyIds(rows), GraphImport.ownedIds(rows)));
            long version = store.graphVersion(tx);
            List<OwnerHit> opened = List.of();
            if (!writes.isEmpty()) {
                version++;
                store.insertBatch(tx, version, batchOrigin, writes);
                opened = ownerHits.open(tx, matched, by.name());
                Map<String, String> versions = new TreeMap<>(OwnerHits.versions(opened));
                versions.put("ownership_graph", Long.toString(version));
                audit.append(
                        tx,
                        new AuditEvent(
                                by,
                                "OWNERSHIP_BATCH_RECORDED",
                                "ownership:batch:" + version,
                                command(origin, hash, rows),
                                CanonicalJson.fields(
                                        "graph_version",
                                        version,
                                        "rows",
                                        rows.size(),
                                        "owner_hits_opened",
                                        opened.stream().map(OwnerHit::summary).toList()),
                                versions));
            }
            return new ImportResult(
                    version,
                    rows.size(),
                    writes.parties().size(),
                    writes.edges().size(),
                    writes.designations().size(),
                    !writes.isEmpty(),
                    opened.stream().map(OwnerHit::id).toList());
        });
    }

    /** The owners and controllers a batch names, each once, as the batch names them. */
    private static List<PartyRef> owners(List<GraphImport.GraphRow> rows) {
        Map<String, PartyRef> owners = new LinkedHashMap<>();
        for (GraphImport.GraphRow row : rows) {
            owners.putIfAbsent(
                    row.ownerId(),
                    new PartyRef(row.ownerId(), row.ownerName(), row.ownerKind().orElse(PartyKind.ENTITY)));
        }
        return List.copyOf(owners.values());
    }

    /** Every stored version of the edges into and out of a party, oldest first (at most 1,000). */
    public List<EdgeRecord> history(String partyId) {
        PartyRef party = party(partyId)
                .orElseThrow(() -> new NotFoundException(
                        "PARTY_NOT_FOUND", "the ownership graph holds no party " + safeId(partyId)));
        return transactions.read(tx -> store.history(tx, party.id(), 1_000));
    }

    /** The rules in force: the newest version set, or the built-in default. */
    public OwnershipRules rules() {
        return transactions.read(store::latestRules).orElse(OwnershipRules.DEFAULT);
    }

    /** Sets a new minority threshold, keeping the OFAC rule in force, with the source that justifies it. */
    public OwnershipRules changeRules(Actor by, BigDecimal minorityThresholdPercent, String source) {
        return changeRules(by, minorityThresholdPercent, rules().ofacRule(), source);
    }

    /** Sets a new version of the rules, with the source that justifies it. */
    public OwnershipRules changeRules(Actor by, BigDecimal minorityThresholdPercent, OfacRule ofacRule, String source) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // Validates before anything is written.
        OwnershipRules draft =
                new OwnershipRules(1, minorityThresholdPercent, ofacRule, source == null ? "" : source.strip(), now);
        Map<String, Object> document = CanonicalJson.fields(
                "minority_threshold_percent", minorityThresholdPercent.toPlainString(), "ofac_rule", ofacRule.name());
        return transactions.inTransaction(tx -> {
            OwnershipRules rules = store.insertRules(tx, draft, CanonicalJson.write(document), by.name());
            Map<String, Object> command = new LinkedHashMap<>(document);
            command.put("source", draft.source());
            audit.append(
                    tx,
                    AuditEvent.of(
                            by,
                            "OWNERSHIP_RULES_CHANGED",
                            "ownership:rules:" + rules.version(),
                            command,
                            CanonicalJson.fields("version", rules.version())));
            return rules;
        });
    }

    /** How many current ownership edges and parties the graph holds. */
    public Map<String, Long> size() {
        OwnershipGraph current = graph();
        Map<String, Long> size = new LinkedHashMap<>();
        size.put("version", current.version());
        size.put("parties", (long) current.size());
        size.put("ownership_edges", (long) current.edgeCount());
        return size;
    }

    /** The newest snapshot; reloaded at most once per new version, however many callers ask. */
    OwnershipGraph graph() {
        long version = transactions.read(store::graphVersion);
        OwnershipGraph current = snapshot.get();
        if (current != null && current.version() >= version) {
            return current;
        }
        synchronized (loading) {
            current = snapshot.get();
            if (current == null || current.version() < version) {
                current = transactions.inTransaction(store::loadGraph);
                snapshot.set(current);
            }
            return current;
        }
    }

    private static EdgeInput input(CsvTable.Row row) {
        String ended = row.get("ended");
        return new EdgeInput(
                row.get("owner_id"),
                row.get("owner_name"),
                optional(row.get("owner_kind")),
                optional(row.get("owner_listing")),
                optional(row.get("owned_id")),
                optional(row.get("owned_name")),
                optional(row.get("owned_kind")),
                optional(row.get("share_percent")),
                optional(row.get("kind")),
                row.get("source"),
                row.get("as_of"),
                ended.isEmpty() ? Optional.empty() : Optional.of(parseBoolean(row.line(), ended)));
    }

    private static boolean parseBoolean(int line, String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default ->
                throw new InvalidInputException(
                        "ENDED_INVALID", "line " + line + ": ended must be true or false: '" + text + "'");
        };
    }

    private static Optional<String> optional(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static Map<String, Object> command(String origin, String hash, List<GraphImport.GraphRow> rows) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("origin", origin);
        command.put("content_hash", hash);
        command.put("rows", rows.size());
        if (rows.size() <= AUDITED_ROWS) {
            command.put("data", rows.stream().map(Ownership::auditRow).toList());
        }
        return command;
    }

    private static Map<String, Object> auditRow(GraphImport.GraphRow row) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("owner_id", row.ownerId());
        fields.put("owner_name", row.ownerName());
        row.ownerKind().ifPresent(kind -> fields.put("owner_kind", kind.name()));
        if (!row.ownerListings().isEmpty()) {
            fields.put(
                    "owner_listing",
                    row.ownerListings().stream().map(ListingRef::toString).toList());
        }
        row.ownedId().ifPresent(id -> fields.put("owned_id", id));
        row.ownedName().ifPresent(name -> fields.put("owned_name", name));
        row.ownedId().ifPresent(id -> fields.put("kind", row.kind().name()));
        row.share().ifPresent(share -> fields.put("share_percent", share.value().toPlainString()));
        fields.put("ended", row.ended());
        fields.put("source", row.source());
        fields.put("as_of", row.asOf().toString());
        return fields;
    }

    /** SHA-256 over the rows as understood (not as spelled), so the same data always hashes alike. */
    private static String contentHash(List<GraphImport.GraphRow> rows) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (GraphImport.GraphRow row : rows) {
                String line = String.join(
                                "\u001f",
                                row.ownerId(),
                                row.ownerName(),
                                row.ownerKind().map(Enum::name).orElse(""),
                                row.ownerListings().toString(),
                                row.ownedId().orElse(""),
                                row.ownedName().orElse(""),
                                row.ownedKind().map(Enum::name).orElse(""),
                                row.kind().name(),
                                row.share()
                                        .map(share -> share.value().toPlainString())
                                        .orElse(""),
                                Boolean.toString(row.ended()),
                                row.source(),
                                row.asOf().toString())
                        + "\n";
                digest.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String safeId(String id) {
        if (id == null) {
            return "''";
        }
        return "'" + (id.length() > 100 ? id.substring(0, 100) + "..." : id) + "'";
    }
}
