package org.corridor.release;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.corridor.db.Handles;
import org.corridor.transaction.Transaction;

/**
 * SQL for what timed work reads and writes on a request: who scheduled its execution, which requests
 * are due, which wait for a hold to be asked again, and how many holds it has placed. Works in the
 * unit of work it is handed. Stateless and thread-safe.
 */
final class ScheduleStore {

    /** Who scheduled a request's execution, and for when. */
    record Schedule(UUID id, LocalDate on, String by, String role) {}

    /** Sets the value date of a request and who asked for it. */
    void schedule(Transaction transaction, UUID id, LocalDate on, String by, String role) {
        Handles.of(transaction)
                .createUpdate("""
                        update release_request
                        set scheduled_on = cast(:on as date), scheduled_by = :by, scheduled_role = :role
                        where id = :id
                        """)
                .bind("on", on)
                .bind("by", by)
                .bind("role", role)
                .bind("id", id)
                .execute();
    }

    /** The requests SCHEDULED for {@code today} or earlier, oldest value date first. */
    List<Schedule> due(Transaction transaction, LocalDate today) {
        return Handles.of(transaction)
                .createQuery("""
                        select id, scheduled_on, coalesce(scheduled_by, ''), coalesce(scheduled_role, '')
                        from release_request
                        where state = 'SCHEDULED' and scheduled_on <= cast(:today as date)
                        order by scheduled_on, reference
                        """)
                .bind("today", today)
                .map((rs, ctx) -> new Schedule(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, LocalDate.class),
                        rs.getString(3),
                        rs.getString(4)))
                .list();
    }

    /** The requests HELD for one of {@code reasons} without a hold, in reference order. */
    List<UUID> heldWithoutHold(Transaction transaction, Set<String> reasons) {
        return Handles.of(transaction)
                .createQuery("""
                        select id from release_request
                        where state = 'HELD' and hold_id is null and reason = any(:reasons)
                        order by reference
                        """)
                .bind("reasons", reasons.toArray(String[]::new))
                .mapTo(UUID.class)
                .list();
    }

    /** The number of holds the request has placed so far; the next one is numbered by it. */
    int holdAttempts(Transaction transaction, UUID id) {
        return Handles.of(transaction)
                .createQuery("select hold_attempts from release_request where id = :id")
                .bind("id", id)
                .mapTo(Integer.class)
                .findOne()
                .orElse(0);
    }

    /** Counts a hold placed (or refused): the next attempt gets the next number, and so an id of its own. */
    void holdPlaced(Transaction transaction, UUID id) {
        Handles.of(transaction)
                .createUpdate("update release_request set hold_attempts = hold_attempts + 1 where id = :id")
                .bind("id", id)
                .execute();
    }

    /** Forgets the request's hold after it was voided, so that the next attempt places a new one. */
    void clearHold(Transaction transaction, UUID id) {
        Handles.of(transaction)
                .createUpdate("update release_request set hold_id = null, hold_authorisation = null where id = :id")
                .bind("id", id)
                .execute();
    }

    /** The request's value date and who scheduled it, when it has one. */
    Optional<Schedule> schedule(Transaction transaction, UUID id) {
        return Handles.of(transaction)
                .createQuery("""
                        select id, scheduled_on, coalesce(scheduled_by, ''), coalesce(scheduled_role, '')
                        from release_request where id = :id and scheduled_on is not null
                        """)
                .bind("id", id)
                .map((rs, ctx) -> new Schedule(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, LocalDate.class),
                        rs.getString(3),
                        rs.getString(4)))
                .findOne();
    }
}
