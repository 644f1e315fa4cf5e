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
import java.util.function.Function;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditStore;
import org.corridor.db.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * SQL for list versions and their entities. An import inserts the new version with its delta and
 * entities, deactivates the version it replaces and appends its audit entry, all in one
 * transaction, serialised per database by an advisory lock. Thread-safe.
 */
public final class ScreeningListStore {

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

    private final Jdbi jdbi;
    private final AuditStore audit;

    public ScreeningListStore(Database database, AuditStore audit) {
        this.jdbi = database.jdbi();
        this.audit = audit;
    }

    /** What an import did: nothing (same content as the active version), or a new active version. */
    sealed interface Stored permits Unchanged, Activated {}

    record Unchanged(ListVersion active) implements Stored {}

    record Activated(Optional<ListVersion> previous, ListVersion current, ListDelta delta) implements Stored {}

    /**
     * Stores a snapshot as the new active version of its list unless the active version has the
     * same digest. {@code event} builds the audit entry from the outcome; it is appended last, in
     * the same transaction.
     */
    Stored importSnapshot(
            ListSnapshot snapshot,
            String source,
            String importedBy,
            Instant now,
            Function<Activated, AuditEvent> event) {
        byte[] encoded = SnapshotCodec.encode(snapshot.entities());
        return jdbi.inTransaction(handle -> {
            handle.execute("select pg_advisory_xact_lock(?)", LISTS_LOCK);
            Optional<ListVersion> previous = active(handle, snapshot.list());
            if (previous.isPresent() && previous.get().sha256().equals(snapshot.sourceSha256())) {
                return new Unchanged(previous.get());
            }
            ListDelta delta = previous.isPresent()
                    ? ListDelta.between(
                            new ListSnapshot(
                                    snapshot.list(),
                                    previous.get().publishedOn(),
                                    previous.get().sha256(),
                                    entities(handle, previous.get().id())),
                            snapshot)
                    : new ListDelta(snapshot.list(), snapshot.entities(), List.of(), List.of());
            handle.createUpdate("update screening_list_version set active = false where list = :list and active")
                    .bind("list", snapshot.list().name())
                    .execute();
            long id = handle.createUpdate("""
                            insert into screening_list_version
                                (list, source, published_on, sha256, entity_count, previous_id, added_count,
                                 removed_count, changed_count, delta, imported_at, imported_by, active)
                            values (:list, :source, :publishedOn, :sha256, :count, :previous, :added, :removed,
                                    :changed, cast(:delta as jsonb), :importedAt, :importedBy, true)
                            """)
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
                            insert into screening_list_snapshot (version_id, encoding, entities)
                            values (:id, :encoding, :entities)
                            """)
                    .bind("id", id)
                    .bind("encoding", SnapshotCodec.ENCODING)
                    .bind("entities", encoded)
                    .execute();
            ListVersion current = version(handle, id);
            Activated activated = new Activated(previous, current, delta);
            audit.append(handle, event.apply(activated));
            return activated;
        });
    }

    /** Records a screening that changed nothing (an API call) in the audit trail. */
    void recordScreening(AuditEvent event) {
        audit.appendAlone(event);
    }

    /** Every version, newest first. */
    List<ListVersion> versions() {
        return jdbi.withHandle(handle -> handle.createQuery("select * from screening_list_version order by id desc")
                .map(VERSION)
                .list());
    }

    /** The active version of each list that has one, in {@link SanctionsList} order. */
    Map<SanctionsList, ListVersion> activeVersions() {
        return jdbi.withHandle(handle -> {
            Map<SanctionsList, ListVersion> active = new EnumMap<>(SanctionsList.class);
            handle.createQuery("select * from screening_list_version where active")
                    .map(VERSION)
                    .forEach(version -> active.put(version.list(), version));
            return active;
        });
    }

    /** The active version id of each list: a cheap check whether anything changed. */
    Map<SanctionsList, Long> activeIds() {
        return jdbi.withHandle(handle -> {
            Map<SanctionsList, Long> ids = new EnumMap<>(SanctionsList.class);
            handle.createQuery("select list, id from screening_list_version where active")
                    .map((rs, ctx) -> Map.entry(SanctionsList.valueOf(rs.getString("list")), rs.getLong("id")))
                    .forEach(entry -> ids.put(entry.getKey(), entry.getValue()));
            return ids;
        });
    }

    /** The entities of a stored version. */
    ListSnapshot snapshot(ListVersion version) {
        return jdbi.withHandle(handle -> new ListSnapshot(
                version.list(), version.publishedOn(), version.sha256(), entities(handle, version.id())));
    }

    private static Optional<ListVersion> active(Handle handle, SanctionsList list) {
        return handle.createQuery("select * from screening_list_version where list = :list and active")
                .bind("list", list.name())
                .map(VERSION)
                .findOne();
    }

    private static ListVersion version(Handle handle, long id) {
        return handle.createQuery("select * from screening_list_version where id = :id")
                .bind("id", id)
                .map(VERSION)
                .one();
    }

    private static List<ListedEntity> entities(Handle handle, long versionId) {
        byte[] stored = handle.createQuery("select entities from screening_list_snapshot where version_id = :id")
                .bind("id", versionId)
                .mapTo(byte[].class)
                .one();
        return SnapshotCodec.decode(stored);
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
