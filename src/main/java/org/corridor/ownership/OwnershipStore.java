package org.corridor.ownership;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.corridor.db.Handles;
import org.corridor.transaction.Transaction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * SQL for the ownership graph and its rules. Edges and designations are only ever inserted; the
 * current version of each is the newest row for its key. Writers take {@link #lockGraph} first, so
 * the check that no party's owners exceed 100% sees every earlier batch. Every method runs in the
 * unit of work it is given. Thread-safe (stateless).
 */
final class OwnershipStore {

    /** Arbitrary constant naming the advisory lock that serialises graph writers. */
    private static final long GRAPH_LOCK = 0x4f776e65_72736870L;

    private static final int CHUNK = 10_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final RowMapper<PartyRef> PARTY = (rs, ctx) ->
            new PartyRef(rs.getString("id"), rs.getString("name"), PartyKind.valueOf(rs.getString("kind")));

    private static final RowMapper<GraphImport.EdgeVersion> EDGE = (rs, ctx) -> new GraphImport.EdgeVersion(
            new GraphImport.EdgeKey(
                    rs.getString("owner_id"), rs.getString("owned_id"), EdgeKind.valueOf(rs.getString("kind"))),
            Optional.ofNullable(rs.getBigDecimal("share_percent")).map(SharePercent::new),
            rs.getBoolean("ended"),
            rs.getString("source"),
            rs.getObject("as_of", LocalDate.class));

    /** An active designation, or empty for one whose newest version ended it. */
    private static final RowMapper<Optional<GraphImport.DesignationKey>> DESIGNATION = (rs, ctx) -> rs.getBoolean(
                    "ended")
            ? Optional.empty()
            : Optional.of(new GraphImport.DesignationKey(
                    rs.getString("party_id"), new ListingRef(rs.getString("list_name"), rs.getString("entity_id"))));

    /** What a batch is: where it came from and the hash of its content as given. */
    record BatchOrigin(String actor, String origin, String contentHash, Instant recordedAt) {}

    /** Serialises graph writers until the unit of work ends; take it before reading what a batch changes. */
    void lockGraph(Transaction transaction) {
        Handles.of(transaction).execute("select pg_advisory_xact_lock(?)", GRAPH_LOCK);
    }

    /** The newest graph version; 0 before anything is recorded. */
    long graphVersion(Transaction transaction) {
        return Handles.of(transaction)
                .createQuery("select coalesce(max(id), 0) from ownership_batch")
                .mapTo(Long.class)
                .one();
    }

    /** What is stored now about the parties a batch mentions and the edges into those it owns. */
    GraphImport.Current current(Transaction transaction, Set<String> partyIds, Set<String> ownedIds) {
        Handle handle = Handles.of(transaction);
        Map<String, PartyRef> parties = new HashMap<>();
        handle.createQuery("select id, name, kind from ownership_party where id = any(:ids)")
                .bindArray("ids", String.class, partyIds)
                .map(PARTY)
                .forEach(party -> parties.put(party.id(), party));
        Map<GraphImport.EdgeKey, GraphImport.EdgeVersion> edges = new HashMap<>();
        handle.createQuery("""
                        select distinct on (owner_id, owned_id, kind)
                               owner_id, owned_id, kind, share_percent, ended, source, as_of
                        from ownership_edge where owned_id = any(:ids)
                        order by owner_id, owned_id, kind, id desc
                        """)
                .bindArray("ids", String.class, ownedIds)
                .map(EDGE)
                .forEach(edge -> edges.put(edge.key(), edge));
        Set<GraphImport.DesignationKey> active = new HashSet<>();
        handle.createQuery("""
                        select distinct on (party_id, list_name, entity_id) party_id, list_name, entity_id, ended
                        from ownership_designation where party_id = any(:ids)
                        order by party_id, list_name, entity_id, id desc
                        """)
                .bindArray("ids", String.class, partyIds)
                .map(DESIGNATION)
                .forEach(found -> found.ifPresent(active::add));
        return new GraphImport.Current(parties, edges, active);
    }

    /** Writes batch {@code batch} (one above the newest) with its parties, edges and designations. */
    void insertBatch(Transaction transaction, long batch, BatchOrigin origin, GraphImport.Writes writes) {
        Handle handle = Handles.of(transaction);
        handle.createUpdate("""
                        insert into ownership_batch (id, recorded_at, actor, origin, content_hash)
                        values (:id, :recordedAt, :actor, :origin, :hash)
                        """)
                .bind("id", batch)
                .bind("recordedAt", utc(origin.recordedAt()))
                .bind("actor", origin.actor())
                .bind("origin", origin.origin())
                .bind("hash", origin.contentHash())
                .execute();
        writeParties(handle, batch, writes.parties());
        writeEdges(handle, batch, writes.edges());
        writeDesignations(handle, batch, writes.designations());
    }

    private static void writeParties(Handle handle, long batch, List<PartyRef> parties) {
        for (List<PartyRef> chunk : chunks(parties)) {
            handle.createUpdate("""
                            insert into ownership_party (id, name, kind, batch_id)
                            select id, name, kind, :batch from unnest(:ids, :names, :kinds) as given (id, name, kind)
                            on conflict (id) do update
                              set name = excluded.name, kind = excluded.kind, batch_id = excluded.batch_id
                            """)
                    .bind("batch", batch)
                    .bindArray(
                            "ids",
                            String.class,
                            chunk.stream().map(PartyRef::id).toList())
                    .bindArray(
                            "names",
                            String.class,
                            chunk.stream().map(PartyRef::name).toList())
                    .bindArray(
                            "kinds",
                            String.class,
                            chunk.stream().map(party -> party.kind().name()).toList())
                    .execute();
        }
    }

    private static void writeEdges(Handle handle, long batch, List<GraphImport.EdgeVersion> edges) {
        for (List<GraphImport.EdgeVersion> chunk : chunks(edges)) {
            List<String> shares = new ArrayList<>(chunk.size());
            chunk.forEach(edge -> shares.add(
                    edge.share().map(share -> share.value().toPlainString()).orElse(null)));
            handle.createUpdate("""
                            insert into ownership_edge (batch_id, owner_id, owned_id, kind, share_percent, ended, source, as_of)
                            select :batch, owner_id, owned_id, kind, share::numeric, ended, source, as_of::date
                            from unnest(:owners, :owneds, :kinds, :shares, :ended, :sources, :asOfs)
                                 as given (owner_id, owned_id, kind, share, ended, source, as_of)
                            """)
                    .bind("batch", batch)
                    .bindArray(
                            "owners",
                            String.class,
                            chunk.stream().map(edge -> edge.key().ownerId()).toList())
                    .bindArray(
                            "owneds",
                            String.class,
                            chunk.stream().map(edge -> edge.key().ownedId()).toList())
                    .bindArray(
                            "kinds",
                            String.class,
                            chunk.stream().map(edge -> edge.key().kind().name()).toList())
                    .bindArray("shares", String.class, shares)
                    .bindArray(
                            "ended",
                            Boolean.class,
                            chunk.stream().map(GraphImport.EdgeVersion::ended).toList())
                    .bindArray(
                            "sources",
                            String.class,
                            chunk.stream().map(GraphImport.EdgeVersion::source).toList())
                    .bindArray(
                            "asOfs",
                            String.class,
                            chunk.stream().map(edge -> edge.asOf().toString()).toList())
                    .execute();
        }
    }

    private static void writeDesignations(Handle handle, long batch, List<GraphImport.DesignationWrite> designations) {
        for (GraphImport.DesignationWrite designation : designations) {
            handle.createUpdate("""
                            insert into ownership_designation (batch_id, party_id, list_name, entity_id, ended, source, as_of)
                            values (:batch, :party, :list, :entity, :ended, :source, :asOf)
                            """)
                    .bind("batch", batch)
                    .bind("party", designation.key().partyId())
                    .bind("list", designation.key().ref().list())
                    .bind("entity", designation.key().ref().entityId())
                    .bind("ended", designation.ended())
                    .bind("source", designation.source())
                    .bind("asOf", designation.asOf())
                    .execute();
        }
    }

    /**
     * The whole current graph, read in one snapshot of the database: call it first in a unit of
     * work of its own, since it sets that unit of work's isolation to REPEATABLE READ.
     */
    OwnershipGraph loadGraph(Transaction transaction) {
        Handle handle = Handles.of(transaction);
        handle.execute("set transaction isolation level repeatable read");
        OwnershipGraph.Builder builder = OwnershipGraph.builder(graphVersion(transaction));
        Map<String, String> names = new HashMap<>();
        handle.createQuery("select id, name, kind from ownership_party order by id")
                .setFetchSize(5_000)
                .map(PARTY)
                .forEach(party -> {
                    builder.party(party);
                    names.put(party.id(), party.name());
                });
        handle.createQuery("""
                        select distinct on (owner_id, owned_id, kind)
                               owner_id, owned_id, kind, share_percent, ended, source, as_of
                        from ownership_edge
                        order by owner_id, owned_id, kind, id desc
                        """)
                .setFetchSize(5_000)
                .map(EDGE)
                .forEach(edge -> builder.edge(
                        edge.key().ownerId(),
                        edge.key().ownedId(),
                        edge.key().kind(),
                        edge.share(),
                        edge.ended(),
                        edge.source(),
                        edge.asOf()));
        handle.createQuery("""
                        select distinct on (party_id, list_name, entity_id) party_id, list_name, entity_id, ended
                        from ownership_designation
                        order by party_id, list_name, entity_id, id desc
                        """)
                .map(DESIGNATION)
                .forEach(found -> found.ifPresent(key ->
                        builder.designation(key.partyId(), Listing.designated(key.ref(), names.get(key.partyId())))));
        return builder.build();
    }

    /** Every stored version of the edges into and out of a party, oldest first, at most {@code limit}. */
    List<EdgeRecord> history(Transaction transaction, String partyId, int limit) {
        return Handles.of(transaction)
                .createQuery("""
                        select e.*, b.recorded_at, b.actor,
                               po.name as owner_name, po.kind as owner_kind, pd.name as owned_name, pd.kind as owned_kind,
                               e.id = (select max(x.id) from ownership_edge x
                                       where x.owner_id = e.owner_id and x.owned_id = e.owned_id and x.kind = e.kind)
                                 as is_current
                        from ownership_edge e
                        join ownership_batch b on b.id = e.batch_id
                        join ownership_party po on po.id = e.owner_id
                        join ownership_party pd on pd.id = e.owned_id
                        where e.owned_id = :id or e.owner_id = :id
                        order by e.id
                        limit :limit
                        """)
                .bind("id", partyId)
                .bind("limit", limit)
                .map((rs, ctx) -> new EdgeRecord(
                        rs.getLong("batch_id"),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"),
                        new PartyRef(
                                rs.getString("owner_id"),
                                rs.getString("owner_name"),
                                PartyKind.valueOf(rs.getString("owner_kind"))),
                        new PartyRef(
                                rs.getString("owned_id"),
                                rs.getString("owned_name"),
                                PartyKind.valueOf(rs.getString("owned_kind"))),
                        EdgeKind.valueOf(rs.getString("kind")),
                        Optional.ofNullable(rs.getBigDecimal("share_percent")).map(SharePercent::new),
                        rs.getBoolean("ended"),
                        rs.getString("source"),
                        rs.getObject("as_of", LocalDate.class),
                        rs.getBoolean("is_current")))
                .list();
    }

    /** The newest rules, if any were ever set. */
    Optional<OwnershipRules> latestRules(Transaction transaction) {
        return Handles.of(transaction)
                .createQuery("select * from ownership_rules order by version desc limit 1")
                .map((rs, ctx) -> {
                    JsonNode rules = readJson(rs.getString("rules"));
                    // Rules stored before the OFAC rule was a choice name none: OFAC's own rule applies.
                    JsonNode ofacRule = rules.get("ofac_rule");
                    return new OwnershipRules(
                            rs.getLong("version"),
                            new BigDecimal(
                                    rules.get("minority_threshold_percent").asText()),
                            ofacRule == null ? OfacRule.BLOCKED_HOLDINGS : OfacRule.valueOf(ofacRule.asText()),
                            rs.getString("source"),
                            rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
                })
                .findFirst();
    }

    /**
     * Stores a new version of the rules, its number one above the newest (the table is locked until
     * the unit of work ends).
     *
     * @param document the rules as canonical JSON
     */
    OwnershipRules insertRules(Transaction transaction, OwnershipRules draft, String document, String actor) {
        Handle handle = Handles.of(transaction);
        handle.execute("lock table ownership_rules in exclusive mode");
        long version = handle.createQuery("select coalesce(max(version), 0) + 1 from ownership_rules")
                .mapTo(Long.class)
                .one();
        OwnershipRules rules = new OwnershipRules(
                version, draft.minorityThresholdPercent(), draft.ofacRule(), draft.source(), draft.recordedAt());
        handle.createUpdate("""
                        insert into ownership_rules (version, rules, source, recorded_at, actor)
                        values (:version, :rules, :source, :recordedAt, :actor)
                        """)
                .bind("version", version)
                .bind("rules", document)
                .bind("source", rules.source())
                .bind("recordedAt", utc(rules.recordedAt()))
                .bind("actor", actor)
                .execute();
        return rules;
    }

    private static JsonNode readJson(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored ownership rules are unreadable", e);
        }
    }

    private static <T> List<List<T>> chunks(Collection<T> all) {
        List<T> list = List.copyOf(all);
        List<List<T>> chunks = new ArrayList<>();
        for (int start = 0; start < list.size(); start += CHUNK) {
            chunks.add(list.subList(start, Math.min(list.size(), start + CHUNK)));
        }
        return chunks;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
