package org.corridor.ownership;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.corridor.InvalidInputException;

/**
 * Checks a batch of ownership rows and plans its writes against the current graph: every row on
 * its own first, then the batch as a whole (one name per party, one row per edge), then against
 * what is stored (no party's direct owners above 100%). Any refusal refuses the whole batch and
 * names every bad row, so nothing is ever half imported. Unchanged rows write nothing, which makes
 * a repeated import harmless.
 */
final class GraphImport {

    static final int MAX_REPORTED = 20;

    private GraphImport() {}

    /** A row as given, with how to name it in a refusal ("line 7", "edges[3]"). */
    record Numbered(String label, EdgeInput input) {}

    /** A row that passed its own checks. */
    record GraphRow(
            String label,
            String ownerId,
            String ownerName,
            Optional<PartyKind> ownerKind,
            List<ListingRef> ownerListings,
            Optional<String> ownedId,
            Optional<String> ownedName,
            Optional<PartyKind> ownedKind,
            EdgeKind kind,
            Optional<SharePercent> share,
            boolean ended,
            String source,
            LocalDate asOf) {

        /** This owner's row as an edge to {@code owned}. */
        GraphRow withEdge(
                String owned,
                Optional<String> name,
                Optional<PartyKind> partyKind,
                EdgeKind edgeKind,
                Optional<SharePercent> edgeShare) {
            return new GraphRow(
                    label,
                    ownerId,
                    ownerName,
                    ownerKind,
                    ownerListings,
                    Optional.of(owned),
                    name,
                    partyKind,
                    edgeKind,
                    edgeShare,
                    ended,
                    source,
                    asOf);
        }
    }

    record EdgeKey(String ownerId, String ownedId, EdgeKind kind) {}

    /** An edge version, stored or to be stored. */
    record EdgeVersion(EdgeKey key, Optional<SharePercent> share, boolean ended, String source, LocalDate asOf) {

        boolean sameAs(EdgeVersion other) {
            return share.map(SharePercent::value)
                            .map(v -> v.stripTrailingZeros())
                            .equals(other.share.map(SharePercent::value).map(v -> v.stripTrailingZeros()))
                    && ended == other.ended
                    && source.equals(other.source)
                    && asOf.equals(other.asOf);
        }
    }

    record DesignationKey(String partyId, ListingRef ref) {}

    record DesignationWrite(DesignationKey key, boolean ended, String source, LocalDate asOf) {}

    /** What is stored now about the parties a batch mentions. */
    record Current(
            Map<String, PartyRef> parties,
            Map<EdgeKey, EdgeVersion> edgesInto,
            Set<DesignationKey> activeDesignations) {}

    /** What a batch will write; empty lists when nothing changes. */
    record Writes(List<PartyRef> parties, List<EdgeVersion> edges, List<DesignationWrite> designations) {
        boolean isEmpty() {
            return parties.isEmpty() && edges.isEmpty() && designations.isEmpty();
        }
    }

    /** The refusals of a batch, reported together. */
    private static final class Refusals {
        private final List<String> messages = new ArrayList<>();
        private String firstCode = "";

        void add(String label, String code, String message) {
            if (firstCode.isEmpty()) {
                firstCode = code;
            }
            messages.add(label + ": " + message);
        }

        void throwIfAny() {
            if (messages.isEmpty()) {
                return;
            }
            List<String> shown = messages.subList(0, Math.min(MAX_REPORTED, messages.size()));
            String more = messages.size() > shown.size() ? "; and " + (messages.size() - shown.size()) + " more" : "";
            throw new InvalidInputException(
                    firstCode,
                    (messages.size() == 1 ? "1 row refused" : messages.size() + " rows refused")
                            + ", nothing imported: " + String.join("; ", shown) + more,
                    Map.of("errors", List.copyOf(shown), "refused", messages.size()));
        }
    }

    static List<GraphRow> validate(List<Numbered> inputs, LocalDate today) {
        Refusals refusals = new Refusals();
        if (inputs.isEmpty()) {
            throw new InvalidInputException("OWNERSHIP_DATA_EMPTY", "the batch holds no rows");
        }
        List<GraphRow> rows = new ArrayList<>(inputs.size());
        // Large files repeat a handful of dates; parse each once.
        Map<String, LocalDate> dates = new HashMap<>();
        for (Numbered numbered : inputs) {
            try {
                rows.add(row(numbered.label(), numbered.input(), today, dates));
            } catch (InvalidInputException e) {
                refusals.add(numbered.label(), e.code(), e.getMessage());
            }
        }
        refusals.throwIfAny();
        consistent(rows, refusals);
        refusals.throwIfAny();
        return rows;
    }

    private static GraphRow row(String label, EdgeInput input, LocalDate today, Map<String, LocalDate> dates) {
        if (input == null) {
            throw new InvalidInputException("ROW_MISSING", "the row is empty");
        }
        String ownerId = PartyRef.normaliseId(input.ownerId());
        String ownerName = name("owner_name", input.ownerName());
        Optional<PartyKind> ownerKind = kind("owner_kind", input.ownerKind());
        List<ListingRef> listings = listings(input.ownerListing());
        String source = required("source", input.source(), 500);
        LocalDate asOf = dates.containsKey(input.asOf()) ? dates.get(input.asOf()) : date(input.asOf(), today);
        dates.putIfAbsent(input.asOf(), asOf);
        boolean ended = input.ended() != null && input.ended().orElse(false);
        GraphRow owner = new GraphRow(
                label,
                ownerId,
                ownerName,
                ownerKind,
                listings,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                EdgeKind.OWNERSHIP,
                Optional.empty(),
                ended,
                source,
                asOf);
        Optional<String> ownedId = text(input.ownedId());
        if (ownedId.isEmpty()) {
            requireNoEdge(input);
            return owner;
        }
        return edge(owner, input, PartyRef.normaliseId(ownedId.get()));
    }

    /** The row's edge from its owner to {@code owned}: its kind, and a share for ownership, none for control. */
    private static GraphRow edge(GraphRow owner, EdgeInput input, String owned) {
        if (owned.equals(owner.ownerId())) {
            throw new InvalidInputException("SELF_OWNERSHIP", "a party cannot own or control itself: " + owned);
        }
        Optional<String> ownedName = text(input.ownedName()).map(value -> name("owned_name", value));
        EdgeKind kind = text(input.kind())
                .map(value -> parseEnum(EdgeKind.class, "kind", value))
                .orElse(EdgeKind.OWNERSHIP);
        Optional<SharePercent> share = text(input.sharePercent()).map(SharePercent::parse);
        if (kind == EdgeKind.OWNERSHIP && share.isEmpty()) {
            throw new InvalidInputException("SHARE_MISSING", "share_percent is required for an OWNERSHIP edge");
        }
        if (kind == EdgeKind.CONTROL && share.isPresent()) {
            throw new InvalidInputException(
                    "SHARE_NOT_ALLOWED", "a CONTROL edge carries no share; record the shares as an OWNERSHIP edge");
        }
        return owner.withEdge(owned, ownedName, kind("owned_kind", input.ownedKind()), kind, share);
    }

    /** A row without an owned party only registers its owner: it says nothing about an edge. */
    private static void requireNoEdge(EdgeInput input) {
        if (text(input.ownedName()).isPresent()
                || text(input.sharePercent()).isPresent()
                || text(input.kind()).isPresent()
                || text(input.ownedKind()).isPresent()) {
            throw new InvalidInputException(
                    "OWNED_ID_MISSING", "owned_id is missing; a row without it only registers the owner");
        }
    }

    /** {@code OFAC_SDN:36216;UN:QDi.001}: the owner's list entries, separated by semicolons. */
    private static List<ListingRef> listings(Optional<String> given) {
        List<ListingRef> listings = new ArrayList<>();
        for (String part : text(given).map(text -> text.split(";")).orElse(new String[0])) {
            if (!part.isBlank()) {
                listings.add(ListingRef.parse(part));
            }
        }
        return listings;
    }

    /** One name and one kind per party, and one row per edge, within the batch. */
    private static void consistent(List<GraphRow> rows, Refusals refusals) {
        FirstGiven<String> names = new FirstGiven<>();
        FirstGiven<PartyKind> kinds = new FirstGiven<>();
        Map<EdgeKey, String> edgeAt = new HashMap<>();
        for (GraphRow row : rows) {
            Optional<String> owned = row.ownedId();
            checkName(row, row.ownerId(), row.ownerName(), names, refusals);
            owned.ifPresent(id -> row.ownedName().ifPresent(name -> checkName(row, id, name, names, refusals)));
            row.ownerKind().ifPresent(kind -> checkKind(row, row.ownerId(), kind, kinds, refusals));
            owned.ifPresent(id -> row.ownedKind().ifPresent(kind -> checkKind(row, id, kind, kinds, refusals)));
            if (owned.isPresent()) {
                EdgeKey key = new EdgeKey(row.ownerId(), owned.get(), row.kind());
                String earlier = edgeAt.putIfAbsent(key, row.label());
                if (earlier != null) {
                    refusals.add(
                            row.label(),
                            "EDGE_REPEATED",
                            "repeats the " + key.kind() + " edge " + key.ownerId() + " -> " + key.ownedId() + " of "
                                    + earlier);
                }
            }
        }
    }

    private static void checkName(GraphRow row, String id, String name, FirstGiven<String> names, Refusals refusals) {
        names.otherThan(id, name, row.label())
                .ifPresent(earlier -> refusals.add(
                        row.label(),
                        "PARTY_NAME_CONFLICT",
                        "party " + id + " is named '" + name + "' here but '" + earlier.value() + "' on "
                                + earlier.label()));
    }

    private static void checkKind(
            GraphRow row, String id, PartyKind kind, FirstGiven<PartyKind> kinds, Refusals refusals) {
        kinds.otherThan(id, kind, row.label())
                .ifPresent(earlier -> refusals.add(
                        row.label(),
                        "PARTY_KIND_CONFLICT",
                        "party " + id + " is a " + kind + " here but a " + earlier.value() + " on " + earlier.label()));
    }

    /** What the batch first says of each party (its name, its kind) and on which row. */
    private static final class FirstGiven<T> {

        record Given<T>(T value, String label) {}

        private final Map<String, Given<T>> given = new HashMap<>();

        /** What an earlier row gave when it differs from {@code value}; the first row's value is kept. */
        Optional<Given<T>> otherThan(String id, T value, String label) {
            Given<T> earlier = given.putIfAbsent(id, new Given<>(value, label));
            return earlier == null || earlier.value().equals(value) ? Optional.empty() : Optional.of(earlier);
        }
    }

    /** Every party id a batch mentions. */
    static Set<String> partyIds(List<GraphRow> rows) {
        Set<String> ids = new LinkedHashSet<>();
        rows.forEach(row -> {
            ids.add(row.ownerId());
            row.ownedId().ifPresent(ids::add);
        });
        return ids;
    }

    /** The parties whose owners a batch changes (their direct owners must stay within 100%). */
    static Set<String> ownedIds(List<GraphRow> rows) {
        Set<String> ids = new LinkedHashSet<>();
        rows.forEach(row -> row.ownedId().ifPresent(ids::add));
        return ids;
    }

    static Writes plan(List<GraphRow> rows, Current current) {
        Map<String, PartyRef> parties = parties(rows, current);
        List<PartyRef> partyWrites = new ArrayList<>();
        parties.forEach((id, party) -> {
            if (!party.equals(current.parties().get(id))) {
                partyWrites.add(party);
            }
        });
        EdgePlan edges = edges(rows, current);
        ownersWithinHundredPercent(rows, parties, edges);
        return new Writes(partyWrites, edges.writes(), designations(rows, current));
    }

    /** Every party the batch names, as it will be; refuses names and kinds that contradict. */
    private static Map<String, PartyRef> parties(List<GraphRow> rows, Current current) {
        Refusals refusals = new Refusals();
        Map<String, PartyRef> parties = new LinkedHashMap<>();
        for (GraphRow row : rows) {
            resolve(row.ownerId(), Optional.of(row.ownerName()), row.ownerKind(), row, current, parties, refusals);
            if (row.ownedId().isPresent()) {
                resolve(row.ownedId().get(), row.ownedName(), row.ownedKind(), row, current, parties, refusals);
            }
        }
        refusals.throwIfAny();
        return parties;
    }

    /**
     * The edge versions to write, the current edges into the owned parties once they are written,
     * and the rows that name each owned party.
     */
    private record EdgePlan(
            List<EdgeVersion> writes, Map<EdgeKey, EdgeVersion> after, Map<String, List<String>> labelsInto) {}

    private static EdgePlan edges(List<GraphRow> rows, Current current) {
        List<EdgeVersion> edgeWrites = new ArrayList<>();
        Map<EdgeKey, EdgeVersion> after = new HashMap<>(current.edgesInto());
        Map<String, List<String>> labelsInto = new HashMap<>();
        for (GraphRow row : rows) {
            if (row.ownedId().isEmpty()) {
                continue;
            }
            EdgeKey key = new EdgeKey(row.ownerId(), row.ownedId().get(), row.kind());
            EdgeVersion version = new EdgeVersion(key, row.share(), row.ended(), row.source(), row.asOf());
            EdgeVersion stored = current.edgesInto().get(key);
            boolean nothingToEnd = stored == null && row.ended();
            if ((stored == null || !stored.sameAs(version)) && !nothingToEnd) {
                edgeWrites.add(version);
                after.put(key, version);
            }
            labelsInto.computeIfAbsent(key.ownedId(), id -> new ArrayList<>()).add(row.label());
        }
        return new EdgePlan(edgeWrites, after, labelsInto);
    }

    /** Refuses the batch when the direct owners of a party it changes would hold above 100%. */
    private static void ownersWithinHundredPercent(List<GraphRow> rows, Map<String, PartyRef> parties, EdgePlan edges) {
        Refusals refusals = new Refusals();
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        for (EdgeVersion edge : edges.after().values()) {
            if (edge.key().kind() == EdgeKind.OWNERSHIP
                    && !edge.ended()
                    && edge.share().isPresent()) {
                sums.merge(edge.key().ownedId(), edge.share().get().value(), BigDecimal::add);
            }
        }
        for (String owned : ownedIds(rows)) {
            BigDecimal sum = sums.getOrDefault(owned, BigDecimal.ZERO);
            if (sum.compareTo(SharePercent.HUNDRED.value()) > 0) {
                List<String> labels = edges.labelsInto().get(owned);
                refusals.add(
                        labels.get(labels.size() - 1),
                        "OWNERSHIP_ABOVE_100_PERCENT",
                        "the direct owners of " + parties.get(owned).name() + " (" + owned + ") would hold "
                                + sum.stripTrailingZeros().toPlainString() + "% together, more than 100% (rows "
                                + String.join(", ", labels) + " and the owners already stored)");
            }
        }
        refusals.throwIfAny();
    }

    /** Designations to start, and to end (a row with no owned party that is marked ended). */
    private static List<DesignationWrite> designations(List<GraphRow> rows, Current current) {
        List<DesignationWrite> designationWrites = new ArrayList<>();
        Set<DesignationKey> active = new HashSet<>(current.activeDesignations());
        for (GraphRow row : rows) {
            boolean endsDesignation = row.ended() && row.ownedId().isEmpty();
            for (ListingRef ref : row.ownerListings()) {
                DesignationKey key = new DesignationKey(row.ownerId(), ref);
                if (endsDesignation && active.remove(key)) {
                    designationWrites.add(new DesignationWrite(key, true, row.source(), row.asOf()));
                } else if (!endsDesignation && active.add(key)) {
                    designationWrites.add(new DesignationWrite(key, false, row.source(), row.asOf()));
                }
            }
        }
        return designationWrites;
    }

    private static void resolve(
            String id,
            Optional<String> name,
            Optional<PartyKind> kind,
            GraphRow row,
            Current current,
            Map<String, PartyRef> parties,
            Refusals refusals) {
        PartyRef known = parties.getOrDefault(id, current.parties().get(id));
        if (known == null && name.isEmpty()) {
            refusals.add(row.label(), "PARTY_UNKNOWN", "party " + id + " is not known yet; give its name");
            return;
        }
        String resolvedName = name.isPresent() ? name.get() : known.name();
        PartyKind resolvedKind = kind.orElse(known == null ? PartyKind.ENTITY : known.kind());
        PartyRef party = new PartyRef(id, resolvedName, resolvedKind);
        PartyRef earlier = parties.get(id);
        // A row that names the party wins over one that only mentions it by id.
        if (earlier == null || name.isPresent() || kind.isPresent()) {
            parties.put(id, earlier == null ? party : merge(earlier, party, name, kind));
        }
    }

    private static PartyRef merge(PartyRef earlier, PartyRef later, Optional<String> name, Optional<PartyKind> kind) {
        return new PartyRef(
                earlier.id(),
                name.isPresent() ? later.name() : earlier.name(),
                kind.isPresent() ? later.kind() : earlier.kind());
    }

    private static Optional<String> text(Optional<String> value) {
        return value == null ? Optional.empty() : value.map(String::strip).filter(text -> !text.isEmpty());
    }

    private static String name(String field, String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.length() > 300) {
            throw new InvalidInputException("PARTY_NAME_INVALID", field + " must be 1 to 300 characters");
        }
        return text;
    }

    private static String required(String field, String value, int maxLength) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.length() > maxLength) {
            throw new InvalidInputException(
                    field.toUpperCase(Locale.ROOT) + "_MISSING", field + " must be 1 to " + maxLength + " characters");
        }
        return text;
    }

    private static LocalDate date(String value, LocalDate today) {
        String text = value == null ? "" : value.strip();
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw new InvalidInputException("AS_OF_INVALID", "as_of must be a YYYY-MM-DD date: '" + text + "'");
        }
        if (date.isAfter(today)) {
            throw new InvalidInputException(
                    "AS_OF_IN_FUTURE",
                    "as_of " + date + " is after today (" + today + "); evidence cannot be dated ahead");
        }
        return date;
    }

    private static Optional<PartyKind> kind(String field, Optional<String> value) {
        return text(value).map(text -> parseEnum(PartyKind.class, field, text));
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    field.toUpperCase(Locale.ROOT) + "_INVALID",
                    field + " must be one of " + List.of(type.getEnumConstants()) + ": '" + value + "'");
        }
    }
}
