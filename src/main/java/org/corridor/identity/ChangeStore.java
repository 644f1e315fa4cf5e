package org.corridor.identity;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.corridor.db.Handles;
import org.corridor.transaction.Transaction;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for proposed changes of identity and for enrolments, in the unit of work it is given. Thread-safe. */
final class ChangeStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final RowMapper<IdentityChange> CHANGE = (rs, ctx) -> new IdentityChange(
            rs.getObject("id", UUID.class),
            ChangeKind.valueOf(rs.getString("kind")),
            rs.getString("subject"),
            details(rs.getString("details")),
            rs.getString("proposed_by"),
            rs.getObject("proposed_at", OffsetDateTime.class).toInstant(),
            rs.getString("state"),
            Optional.ofNullable(rs.getString("decided_by")),
            Optional.ofNullable(rs.getObject("decided_at", OffsetDateTime.class))
                    .map(OffsetDateTime::toInstant),
            Optional.ofNullable(rs.getString("decision_note")));

    /** A pending change with the hash of the proposer's code part, as the confirmation needs it. */
    record Pending(IdentityChange change, Optional<String> firstPartHash) {}

    /** An enrolment row as the exchange of a code needs it. */
    record EnrolmentRow(
            UUID id,
            UUID userId,
            String secondPartHash,
            int tokenLifetimeDays,
            Instant expiresAt,
            Optional<Instant> usedAt,
            Optional<Instant> revokedAt) {}

    private static Map<String, Object> details(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("identity_change.details is not JSON", e);
        }
    }

    /** Inserts a pending change; false when the same name is already proposed for creation. */
    boolean insert(Transaction transaction, IdentityChange change, String detailsJson, Optional<String> firstPartHash) {
        return Handles.of(transaction)
                        .createUpdate("""
                                insert into identity_change
                                    (id, kind, subject, details, proposed_by, proposed_at, first_part_hash, state)
                                values (:id, :kind, :subject, :details, :by, :at, :hash, 'PENDING')
                                on conflict do nothing
                                """)
                        .bind("id", change.id())
                        .bind("kind", change.kind().name())
                        .bind("subject", change.subject())
                        .bind("details", detailsJson)
                        .bind("by", change.proposedBy())
                        .bind("at", UserStore.utc(change.proposedAt()))
                        .bind("hash", firstPartHash.orElse(null))
                        .execute()
                > 0;
    }

    Optional<Pending> lock(Transaction transaction, UUID id) {
        return Handles.of(transaction)
                .createQuery("select * from identity_change where id = :id for update")
                .bind("id", id)
                .map((rs, ctx) ->
                        new Pending(CHANGE.map(rs, ctx), Optional.ofNullable(rs.getString("first_part_hash"))))
                .findFirst();
    }

    void decide(Transaction transaction, UUID id, String state, String by, Instant at, String note) {
        Handles.of(transaction)
                .createUpdate("""
                        update identity_change
                        set state = :state, decided_by = :by, decided_at = :at, decision_note = :note,
                            first_part_hash = null
                        where id = :id
                        """)
                .bind("state", state)
                .bind("by", by)
                .bind("at", UserStore.utc(at))
                .bind("note", note)
                .bind("id", id)
                .execute();
    }

    Optional<IdentityChange> find(Transaction transaction, UUID id) {
        return Handles.first(transaction, CHANGE, "select * from identity_change where id = :id", "id", id);
    }

    List<IdentityChange> list(Transaction transaction, Optional<String> state, int limit) {
        return Handles.of(transaction)
                .createQuery("""
                        select * from identity_change where (cast(:state as text) is null or state = :state)
                        order by proposed_at desc, id limit :limit
                        """)
                .bind("state", state.orElse(null))
                .bind("limit", limit)
                .map(CHANGE)
                .list();
    }

    boolean creationPending(Transaction transaction, String name) {
        return Handles.of(transaction)
                .createQuery("""
                        select exists (select 1 from identity_change
                                       where subject = :name and kind = 'CREATE_USER' and state = 'PENDING')
                        """)
                .bind("name", name)
                .mapTo(Boolean.class)
                .one();
    }

    void insertEnrolment(
            Transaction transaction,
            UUID userId,
            Optional<UUID> changeId,
            String firstPartHash,
            String secondPartHash,
            int tokenLifetimeDays,
            Instant now,
            Instant expiresAt) {
        Handles.of(transaction)
                .createUpdate("""
                        insert into enrolment (id, user_id, change_id, first_part_hash, second_part_hash,
                                               token_lifetime_days, created_at, expires_at)
                        values (:id, :user, cast(:change as uuid), :first, :second, :days, :now, :expires)
                        """)
                .bind("id", UUID.randomUUID())
                .bind("user", userId)
                .bind("change", changeId.orElse(null))
                .bind("first", firstPartHash)
                .bind("second", secondPartHash)
                .bind("days", tokenLifetimeDays)
                .bind("now", UserStore.utc(now))
                .bind("expires", UserStore.utc(expiresAt))
                .execute();
    }

    /** The enrolment whose first part hashes to {@code firstPartHash}, locked for its single use. */
    Optional<EnrolmentRow> lockEnrolment(Transaction transaction, String firstPartHash) {
        return Handles.of(transaction)
                .createQuery("select * from enrolment where first_part_hash = :hash for update")
                .bind("hash", firstPartHash)
                .map((rs, ctx) -> new EnrolmentRow(
                        rs.getObject("id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        rs.getString("second_part_hash"),
                        rs.getInt("token_lifetime_days"),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject("used_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant),
                        Optional.ofNullable(rs.getObject("revoked_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant)))
                .findFirst();
    }

    void markUsed(Transaction transaction, UUID enrolmentId, Instant now) {
        Handles.of(transaction)
                .createUpdate("update enrolment set used_at = :now where id = :id")
                .bind("now", UserStore.utc(now))
                .bind("id", enrolmentId)
                .execute();
    }

    /** Revokes the user's enrolments not used yet; returns how many. */
    int revokeEnrolments(Transaction transaction, UUID userId, Instant now) {
        return Handles.of(transaction)
                .createUpdate("""
                        update enrolment set revoked_at = :now
                        where user_id = :id and used_at is null and revoked_at is null
                        """)
                .bind("now", UserStore.utc(now))
                .bind("id", userId)
                .execute();
    }
}
