package org.corridor.release;

import static org.corridor.release.ReleaseRows.HIT_SELECT;
import static org.corridor.release.ReleaseRows.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.db.Handles;
import org.corridor.transaction.Transaction;

/**
 * SQL for the reports' questions about the release tables: what happened up to a moment, or between
 * two dates. Read-only; every method works in the unit of work it is handed. Stateless.
 */
final class ReleaseHistoryStore {

    /** A transition with the request it belongs to (the reports replay a request's history). */
    record RequestTransition(UUID requestId, Transition transition) {}

    /** An execution with the request it belongs to. */
    record RequestExecution(UUID requestId, Execution execution) {}

    /** A rejection event with its own id and the request it belongs to. */
    record RejectionEvent(long id, UUID requestId, Rejection rejection) {}

    /** A request that moved to {@code reason} at {@code at}. */
    record RequestEvent(RequestRow request, String reason, Instant at) {}

    /** Requests submitted before {@code end}, in submission order. */
    List<RequestRow> requestsSubmittedBefore(Transaction transaction, Instant end) {
        return Handles.of(transaction)
                .createQuery("""
                        select * from release_request where submitted_at < :end order by submitted_at, reference
                        """)
                .bind("end", utc(end))
                .map((rs, ctx) -> ReleaseRows.request(rs))
                .list();
    }

    /** Requests whose approval chain includes {@code step}. */
    List<RequestRow> requestsRequiring(Transaction transaction, ApprovalStep step) {
        return Handles.of(transaction)
                .createQuery("""
                        select * from release_request
                        where (',' || required_steps || ',') like '%,' || :step || ',%'
                        order by submitted_at, reference
                        """)
                .bind("step", step.name())
                .map((rs, ctx) -> ReleaseRows.request(rs))
                .list();
    }

    /** Every transition recorded before {@code end}, per request in the order they happened. */
    List<RequestTransition> transitionsBefore(Transaction transaction, Instant end) {
        return Handles.of(transaction)
                .createQuery("select * from release_transition where at < :end order by request_id, id")
                .bind("end", utc(end))
                .map((rs, ctx) ->
                        new RequestTransition(rs.getObject("request_id", UUID.class), ReleaseRows.transition(rs)))
                .list();
    }

    /** Requests that moved to REJECTED for one of {@code reasons} in {@code [from, to)}. */
    List<RequestEvent> rejectedBetween(Transaction transaction, List<String> reasons, Instant from, Instant to) {
        return Handles.of(transaction)
                .createQuery("""
                        select r.*, t.reason as event_reason, t.at as event_at
                        from release_transition t join release_request r on r.id = t.request_id
                        where t.to_state = 'REJECTED' and t.reason in (<reasons>)
                          and t.at >= :from and t.at < :to
                        order by t.at, t.id
                        """)
                .bindList("reasons", reasons)
                .bind("from", utc(from))
                .bind("to", utc(to))
                .map((rs, ctx) -> new RequestEvent(
                        ReleaseRows.request(rs), rs.getString("event_reason"), ReleaseRows.instant(rs, "event_at")))
                .list();
    }

    /** Hits opened in {@code [from, to)}, superseded ones included (they were raised all the same). */
    List<ScreeningHit> hitsOpenedBetween(Transaction transaction, Instant from, Instant to) {
        return Handles.of(transaction)
                .createQuery(HIT_SELECT + " where h.opened_at >= :from and h.opened_at < :to"
                        + " order by h.opened_at, h.id")
                .bind("from", utc(from))
                .bind("to", utc(to))
                .map((rs, ctx) -> ReleaseRows.hit(rs))
                .list();
    }

    /** Rejection events that occurred on a business date in {@code [from, to]}. */
    List<RejectionEvent> rejectionsBetween(Transaction transaction, LocalDate from, LocalDate to) {
        return Handles.of(transaction)
                .createQuery("""
                        select j.*, r.reference from release_rejection j join release_request r on r.id = j.request_id
                        where j.occurred_on between :from and :to order by j.occurred_on, j.id
                        """)
                .bind("from", from)
                .bind("to", to)
                .map((rs, ctx) -> new RejectionEvent(
                        rs.getLong("id"), rs.getObject("request_id", UUID.class), ReleaseRows.rejection(rs)))
                .list();
    }

    /** Executions with a value date in {@code [from, to]}. */
    List<RequestExecution> executionsBetween(Transaction transaction, LocalDate from, LocalDate to) {
        return Handles.of(transaction)
                .createQuery("""
                        select e.* from release_execution e join release_request r on r.id = e.request_id
                        where e.value_date between :from and :to order by e.value_date, r.reference
                        """)
                .bind("from", from)
                .bind("to", to)
                .map((rs, ctx) ->
                        new RequestExecution(rs.getObject("request_id", UUID.class), ReleaseRows.execution(rs)))
                .list();
    }

    /** Follow-ups of requests executed with a value date on or before {@code date}, received or not. */
    List<FollowUp> followUpsExecutedBy(Transaction transaction, LocalDate date) {
        return Handles.of(transaction)
                .createQuery("""
                        select f.*, r.reference from release_follow_up f
                          join release_execution e on e.request_id = f.request_id
                          join release_request r on r.id = f.request_id
                        where e.value_date <= :date
                        order by f.due_on, r.reference, f.kind
                        """)
                .bind("date", date)
                .map((rs, ctx) -> ReleaseRows.followUp(
                        rs,
                        Optional.ofNullable(rs.getObject("received_on", LocalDate.class))
                                .filter(on -> !on.isAfter(date)),
                        date))
                .list();
    }
}
