package org.corridor.ownership;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.corridor.db.Handles;
import org.corridor.transaction.Transaction;

/** SQL for the screening hits on owners (ownership_owner_hit). Every method works in the unit of work it is given. */
final class OwnerHitStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SELECT = "select * from ownership_owner_hit";

    /** Records a hit unless the same owner name already has one for the same entry and content. */
    boolean insertIfNew(Transaction transaction, OwnerHit hit) {
        return Handles.of(transaction)
                        .createUpdate("""
                                insert into ownership_owner_hit
                                  (id, party_id, party_name, list_name, entity_id, entity_name, programmes, score,
                                   exact, fingerprint, why, list_versions, state, opened_at, opened_by)
                                values (:id, :party, :name, :list, :entity, :entityName, :programmes, :score,
                                        :exact, :fingerprint, cast(:why as jsonb), cast(:versions as jsonb), 'OPEN',
                                        :at, :by)
                                on conflict (party_id, party_name, list_name, entity_id, fingerprint) do nothing
                                """)
                        .bind("id", hit.id())
                        .bind("party", hit.owner().id())
                        .bind("name", hit.owner().name())
                        .bind("list", hit.list())
                        .bind("entity", hit.entityId())
                        .bind("entityName", hit.entityName())
                        .bind("programmes", String.join(",", hit.programmes()))
                        .bind("score", hit.score())
                        .bind("exact", hit.exact())
                        .bind("fingerprint", hit.fingerprint())
                        .bind("why", write(hit.why()))
                        .bind("versions", write(hit.listVersions()))
                        .bind("at", utc(hit.openedAt()))
                        .bind("by", hit.openedBy())
                        .execute()
                == 1;
    }

    /** The hits that still count as listings, for the given owners. */
    List<OwnerHit> counting(Transaction transaction, Collection<String> partyIds) {
        if (partyIds.isEmpty()) {
            return List.of();
        }
        return Handles.of(transaction)
                .createQuery(
                        SELECT + " where state <> 'FALSE_POSITIVE' and party_id = any(:ids) order by opened_at, id")
                .bindArray("ids", String.class, partyIds)
                .map((rs, ctx) -> hit(rs))
                .list();
    }

    List<OwnerHit> list(Transaction transaction, Optional<String> state, int limit) {
        return Handles.of(transaction)
                .createQuery(SELECT + " where (:state is null or state = :state) order by opened_at, id limit :limit")
                .bind("state", state.orElse(null))
                .bind("limit", limit)
                .map((rs, ctx) -> hit(rs))
                .list();
    }

    Optional<OwnerHit> find(Transaction transaction, UUID id) {
        return one(transaction, id, "");
    }

    /** The hit, locked until the unit of work ends: one decision at a time. */
    Optional<OwnerHit> lock(Transaction transaction, UUID id) {
        return one(transaction, id, " for update");
    }

    private static Optional<OwnerHit> one(Transaction transaction, UUID id, String lock) {
        return Handles.of(transaction)
                .createQuery(SELECT + " where id = :id" + lock)
                .bind("id", id)
                .map((rs, ctx) -> hit(rs))
                .findOne();
    }

    /** The first person's clearing, awaiting a second reviewer; the hit still counts meanwhile. */
    void propose(Transaction transaction, UUID id, String rationale, String by, String role, Instant at) {
        Handles.of(transaction)
                .createUpdate("""
                        update ownership_owner_hit
                        set proposed = 'FALSE_POSITIVE', first_by = :by, first_role = :role,
                            first_rationale = :rationale, first_at = :at
                        where id = :id
                        """)
                .bind("id", id)
                .bind("by", by)
                .bind("role", role)
                .bind("rationale", rationale)
                .bind("at", utc(at))
                .execute();
    }

    /** A decision: the first person's (TRUE_MATCH, ESCALATED) or the second's, which ends the review. */
    void decide(
            Transaction transaction,
            UUID id,
            String state,
            String rationale,
            String by,
            String role,
            boolean second,
            Instant at) {
        String who = second ? "second" : "first";
        Handles.of(transaction)
                .createUpdate("update ownership_owner_hit set state = :state, proposed = null, " + who + "_by = :by, "
                        + who + "_role = :role, " + who + "_rationale = :rationale, " + who
                        + "_at = :at where id = :id")
                .bind("id", id)
                .bind("state", state)
                .bind("by", by)
                .bind("role", role)
                .bind("rationale", rationale)
                .bind("at", utc(at))
                .execute();
    }

    /** Everyone who recorded ownership data naming the party: as a party, an owner or a designation. */
    Set<String> recorders(Transaction transaction, String partyId) {
        return new LinkedHashSet<>(Handles.of(transaction)
                .createQuery("""
                        select b.actor from ownership_batch b
                        where b.id in (select batch_id from ownership_party where id = :party
                                       union select batch_id from ownership_edge where owner_id = :party
                                       union select batch_id from ownership_designation where party_id = :party)
                        """)
                .bind("party", partyId)
                .mapTo(String.class)
                .list());
    }

    /** Every party that owns or controls another, or is designated, as recorded: whom to screen. */
    List<PartyRef> owners(Transaction transaction) {
        return Handles.of(transaction)
                .createQuery("""
                        select id, name, kind from ownership_party p
                        where exists (select 1 from ownership_edge e where e.owner_id = p.id)
                           or exists (select 1 from ownership_designation d where d.party_id = p.id)
                        order by id
                        """)
                .map((rs, ctx) ->
                        new PartyRef(rs.getString("id"), rs.getString("name"), PartyKind.valueOf(rs.getString("kind"))))
                .list();
    }

    private static OwnerHit hit(ResultSet rs) throws SQLException {
        String programmes = rs.getString("programmes");
        return new OwnerHit(
                rs.getObject("id", UUID.class),
                PartyRef.entity(rs.getString("party_id"), rs.getString("party_name")),
                rs.getString("list_name"),
                rs.getString("entity_id"),
                rs.getString("entity_name"),
                programmes.isEmpty() ? List.of() : Arrays.asList(programmes.split(",")),
                rs.getBigDecimal("score"),
                rs.getBoolean("exact"),
                rs.getString("fingerprint"),
                read(rs.getString("why"), new TypeReference<List<String>>() {}),
                read(rs.getString("list_versions"), new TypeReference<Map<String, String>>() {}),
                rs.getString("state"),
                Optional.ofNullable(rs.getString("proposed")),
                Optional.ofNullable(rs.getString("first_by")),
                Optional.ofNullable(rs.getString("first_rationale")),
                instant(rs, "first_at"),
                Optional.ofNullable(rs.getString("second_by")),
                Optional.ofNullable(rs.getString("second_rationale")),
                instant(rs, "second_at"),
                rs.getObject("opened_at", OffsetDateTime.class).toInstant(),
                rs.getString("opened_by"));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a hit's lines and versions are plain JSON", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored owner hit is unreadable", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
