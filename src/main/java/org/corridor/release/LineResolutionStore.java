package org.corridor.release;

import static org.corridor.release.ReleaseRows.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.db.Handles;
import org.corridor.transaction.Transaction;

/** SQL for the compliance decisions on escalated goods lines (table release_line_resolution). */
final class LineResolutionStore {

    void insert(Transaction transaction, UUID requestId, LineResolution resolution) {
        Handles.of(transaction)
                .createUpdate("""
                        insert into release_line_resolution
                          (request_id, line, decision, reason, rationale, split_into, actor, actor_role, decided_at)
                        values (:request, :line, :decision, :reason, :rationale, :split, :actor, :role, :at)
                        """)
                .bind("request", requestId)
                .bind("line", resolution.line())
                .bind("decision", resolution.decision())
                .bind("reason", resolution.reason())
                .bind("rationale", resolution.rationale())
                .bind("split", resolution.splitInto().orElse(null))
                .bind("actor", resolution.actor())
                .bind("role", resolution.actorRole())
                .bind("at", utc(resolution.decidedAt()))
                .execute();
    }

    /** The request's line decisions, oldest first. */
    List<LineResolution> of(Transaction transaction, UUID requestId) {
        return Handles.of(transaction)
                .createQuery("""
                        select r.*, q.reference from release_line_resolution r
                        join release_request q on q.id = r.request_id
                        where r.request_id = :request order by r.id
                        """)
                .bind("request", requestId)
                .map((rs, ctx) -> resolution(rs))
                .list();
    }

    private static LineResolution resolution(ResultSet rs) throws SQLException {
        return new LineResolution(
                rs.getString("reference"),
                rs.getString("line"),
                rs.getString("decision"),
                rs.getString("reason"),
                rs.getString("rationale"),
                Optional.ofNullable(rs.getString("split_into")),
                rs.getString("actor"),
                rs.getString("actor_role"),
                rs.getObject("decided_at", OffsetDateTime.class).toInstant());
    }
}
