package org.corridor.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.db.Handles;
import org.corridor.transaction.Transaction;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for legal holds, in the unit of work it is given. Thread-safe (stateless). */
final class LegalHoldStore {

    private static final RowMapper<LegalHold> HOLD = (rs, ctx) -> new LegalHold(
            rs.getObject("id", UUID.class),
            rs.getString("subject"),
            rs.getString("reason"),
            rs.getString("placed_by"),
            rs.getObject("placed_at", OffsetDateTime.class).toInstant(),
            Optional.ofNullable(rs.getString("released_by")),
            Optional.ofNullable(rs.getObject("released_at", OffsetDateTime.class))
                    .map(OffsetDateTime::toInstant),
            Optional.ofNullable(rs.getString("release_reason")));

    void insert(Transaction transaction, LegalHold hold) {
        Handles.of(transaction)
                .createUpdate("""
                        insert into report_legal_hold (id, subject, reason, placed_by, placed_at)
                        values (:id, :subject, :reason, :placedBy, :placedAt)
                        """)
                .bind("id", hold.id())
                .bind("subject", hold.subject())
                .bind("reason", hold.reason())
                .bind("placedBy", hold.placedBy())
                .bind("placedAt", utc(hold.placedAt()))
                .execute();
    }

    /** Releases an active hold; false when it is unknown or already released. */
    boolean release(Transaction transaction, UUID id, String by, Instant at, String reason) {
        return Handles.of(transaction)
                        .createUpdate("""
                                update report_legal_hold
                                   set released_by = :by, released_at = :at, release_reason = :reason
                                 where id = :id and released_at is null
                                """)
                        .bind("id", id)
                        .bind("by", by)
                        .bind("at", utc(at))
                        .bind("reason", reason)
                        .execute()
                > 0;
    }

    Optional<LegalHold> byId(Transaction transaction, UUID id) {
        return Handles.first(transaction, HOLD, "select * from report_legal_hold where id = :id", "id", id);
    }

    List<LegalHold> all(Transaction transaction) {
        return Handles.list(transaction, HOLD, "select * from report_legal_hold order by placed_at, id");
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
