package org.corridor.screening;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.corridor.db.Handles;
import org.corridor.transaction.Transaction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * SQL for list versions and their entities. A new version is stored with its delta and entities
 * and replaces the active one; importers take {@link #lockLists} first. Every method runs in the
 * unit of work it is given. Thread-safe (stateless).
 */
final class ScreeningListStore {

    /** Arbitrary constant naming the advisory lock that serialises list imports. */
    private static final long LISTS_LOCK = 0x53637265_656e4c73L;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final RowMapper<ListVersion> VERSION = (rs, ctx) -> new ListVersion(
            rs.getLong("id"),
            SanctionsList.valueOf(rs.getString("list")),
            rs.getString("source"),
            rs.getString("published_on"),
            rs.getString("sha256"),
            rs.getInt("entity_count"),
            rs.getObject("imported_at", OffsetDateTime.class).toInstant(),
            rs.getString("imported_by"),
            rs.getInt("added_count"),
            rs.getInt("removed_count"),
            rs.getInt("changed_count"));

    /** Serialises list imports until the unit of work ends. */
    void lockLists(Transaction transaction) {
        Handles.of(transaction).execute("select pg_advisory_xact_lock(?)", LISTS_LOCK);
    }

    /** The active version of {@code list}, if it has one. */
    Optional<ListVersion> active(Transaction transaction, SanctionsList list) {
        return Handles.of(transaction)
                .createQuery("select * from screening_list_version where list = :list and active")
                .bind("list", list.name())
                .map(VERSION)
                .findOne();
    }

    /**
     * Stores a snapshot as the new active version of its list, deactivating the one it replaces.
     *
     * @param encoded the snapshot's entities as {@link SnapshotCodec#encode} gives them
     * @return the version as stored
     */
    ListVersion activate(
            Transaction transaction,
            ListSnapshot snapshot,
            byte[] encoded,
            Optional<ListVersion> previous,
            ListDelta delta,
            String source,
            String importedBy,
            Instant now) {
        Handles.of(transaction)
                .createUpdate("update screening_list_version set active = false where list = :list and active")
                .bind("list", snapshot.list().name())
                .execute();
        return insert(transaction, snapshot, encoded, previous, delta, source, importedBy, now, false);
    }

    /**
     * Stores a snapshot as a quarantined version (issue 16): kept with its delta against the active
     * version, which stays active until a second person decides.
     */
    ListVersion quarantine(
            Transaction transaction,
            ListSnapshot snapshot,
            byte[] encoded,
            ListVersion active,
            ListDelta delta,
            String source,
            String importedBy,
            Instant now) {
        return insert(transaction, snapshot, encoded, Optional.of(active), delta, source, importedBy, now, true);
    }

    /** The quarantined versions nobody has decided yet, oldest first, with the version each would replace. */
    List<QuarantinedVersion> pendingQuarantine(Transaction transaction) {
        return Handles.of(transaction)
                .createQuery("""
                        select v.*, p.id as replaces_id, p.entity_count as replaces_count
                        from screening_list_version v join screening_list_version p on p.id = v.previous_id
                        where v.quarantined and v.decision is null order by v.id
                        """)
                .map((rs, ctx) -> new QuarantinedVersion(
                        VERSION.map(rs, ctx), rs.getLong("replaces_id"), rs.getInt("replaces_count")))
                .list();
    }

    /** A stored version with what issue 16's quarantine needs: whether held, decided, and what it replaced. */
    record Held(ListVersion version, boolean quarantined, Optional<String> decision, long previousId) {}

    /** The version with this id, if any. */
    Optional<Held> held(Transaction transaction, long id) {
        return Handles.of(transaction)
                .createQuery("select * from screening_list_version where id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Held(
                        VERSION.map(rs, ctx),
                        rs.getBoolean("quarantined"),
                        Optional.ofNullable(rs.getString("decision")),
                        rs.getLong("previous_id")))
                .findOne();
    }

    /** Records a second person's decision on a quarantined version; CONFIRMED also makes it the active one. */
    void decide(Transaction transaction, Held held, String decision, String by, String reason, Instant now) {
        Handle handle = Handles.of(transaction);
        boolean confirmed = decision.equals("CONFIRMED");
        if (confirmed) {
            handle.createUpdate("update screening_list_version set active = false where list = :list and active")
                    .bind("list", held.version().list().name())
                    .execute();
        }
        handle.createUpdate("""
                        update screening_list_version
                        set decision = :decision, decided_by = :by, decided_at = :at, decision_reason = :reason,
                            active = :active
                        where id = :id
                        """)
                .bind("decision", decision)
                .bind("by", by)
                .bind("at", now.atOffset(ZoneOffset.UTC))
                .bind("reason", reason)
                .bind("active", confirmed)
                .bind("id", held.version().id())
                .execute();
    }

    private ListVersion insert(
            Transaction transaction,
            ListSnapshot snapshot,
            byte[] encoded,
            Optional<ListVersion> previous,
            ListDelta delta,
            String source,
            String importedBy,
            Instant now,
            boolean quarantined) {
        Handle handle = Handles.of(transaction);
        long id = handle.createUpdate("""
                        insert into screening_list_version
                            (list, source, published_on, sha256, entity_count, previous_id, added_count,
                             removed_count, changed_count, delta, imported_at, imported_by, active, quarantined)
                        values (:list, :source, :publishedOn, :sha256, :count, :previous, :added, :removed,
                                :changed, cast(:delta as jsonb), :importedAt, :importedBy, :active, :quarantined)
                        """)
                .bind("active", !quarantined)
                .bind("quarantined", quarantined)
                .bind("list", snapshot.list().name())
                .bind("source", source)
                .bind("publishedOn", snapshot.publishedOn())
                .bind("sha256", snapshot.sourceSha256())
                .bind("count", snapshot.size())
                .bind("previous", previous.map(ListVersion::id).orElse(null))
                .bind("added", delta.added().size())
                .bind("removed", delta.removed().size())
                .bind("changed", delta.changed().size())
                .bind("delta", deltaJson(delta))
                .bind("importedAt", now.atOffset(ZoneOffset.UTC))
                .bind("importedBy", importedBy)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
        handle.createUpdate("""
                        insert into screening_list_snapshot (version_id, encoding, entities, entities_sha256)
                        values (:id, :encoding, :entities, :digest)
                        """)
                .bind("id", id)
                .bind("encoding", SnapshotCodec.ENCODING)
                .bind("entities", encoded)
                .bind("digest", SnapshotCodec.digest(encoded))
                .execute();
        return handle.createQuery("select * from screening_list_version where id = :id")
                .bind("id", id)
                .map(VERSION)
                .one();
    }

    /** Every version, newest first. */
    List<ListVersion> versions(Transaction transaction) {
        return Handles.of(transaction)
                .createQuery("select * from screening_list_version order by id desc")
                .map(VERSION)
                .list();
    }

    /** The active version of each list that has one, in {@link SanctionsList} order. */
    Map<SanctionsList, ListVersion> activeVersions(Transaction transaction) {
        Map<SanctionsList, ListVersion> active = new EnumMap<>(SanctionsList.class);
        Handles.of(transaction)
                .createQuery("select * from screening_list_version where active")
                .map(VERSION)
                .forEach(version -> active.put(version.list(), version));
        return active;
    }

    /** The active version id of each list: a cheap check whether anything changed. */
    Map<SanctionsList, Long> activeIds(Transaction transaction) {
        Map<SanctionsList, Long> ids = new EnumMap<>(SanctionsList.class);
        Handles.of(transaction)
                .createQuery("select list, id from screening_list_version where active")
                .map((rs, ctx) -> Map.entry(SanctionsList.valueOf(rs.getString("list")), rs.getLong("id")))
                .forEach(entry -> ids.put(entry.getKey(), entry.getValue()));
        return ids;
    }

    /**
     * A digest of the stored entities of each active version: with the versions, what names the
     * on-disk index of the active lists, read without their entities.
     */
    Map<SanctionsList, String> activeDigests(Transaction transaction) {
        Map<SanctionsList, String> digests = new EnumMap<>(SanctionsList.class);
        Handles.of(transaction)
                .createQuery("""
                        select v.list, s.entities_sha256 from screening_list_version v
                        join screening_list_snapshot s on s.version_id = v.id where v.active
                        """)
                .map((rs, ctx) -> Map.entry(SanctionsList.valueOf(rs.getString("list")), rs.getString(2)))
                .forEach(entry -> digests.put(entry.getKey(), entry.getValue()));
        return digests;
    }

    /** The entities of a stored version. */
    ListSnapshot snapshot(Transaction transaction, ListVersion version) {
        byte[] stored = Handles.of(transaction)
                .createQuery("select entities from screening_list_snapshot where version_id = :id")
                .bind("id", version.id())
                .mapTo(byte[].class)
                .one();
        return new ListSnapshot(version.list(), version.publishedOn(), version.sha256(), SnapshotCodec.decode(stored));
    }

    private static String deltaJson(ListDelta delta) {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        ids.put("added", delta.added().stream().map(ListedEntity::id).toList());
        ids.put("removed", delta.removed().stream().map(ListedEntity::id).toList());
        List<String> changed = new ArrayList<>();
        delta.changed().forEach(change -> changed.add(change.after().id()));
        ids.put("changed", changed);
        try {
            return JSON.writeValueAsString(ids);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }
}
