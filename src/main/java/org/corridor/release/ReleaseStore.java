package org.corridor.release;

import static org.corridor.release.ReleaseRows.json;
import static org.corridor.release.ReleaseRows.utc;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.corridor.ConflictException;
import org.corridor.NotFoundException;
import org.corridor.db.Handles;
import org.corridor.transaction.Transaction;
import org.jdbi.v3.core.Handle;

/**
 * SQL for disbursement requests and what hangs off them: transitions, documents, approvals,
 * rejections, executions, follow-ups and the paying accounts' bank details. Every method works in
 * the unit of work it is handed and opens none of its own; the service appends the audit entry.
 * Thread-safe (it holds no state but the clock).
 */
final class ReleaseStore {

    private final Clock clock;

    ReleaseStore(Clock clock) {
        this.clock = clock;
    }

    /** A document to store. */
    record NewDocument(String type, String name, String sha256, byte[] content) {}

    /** The registered bank details of a paying restricted account. */
    record PayingAccount(UUID accountId, String iban, String bic, String name) {}

    // ---------------------------------------------------------------- requests and their states

    /**
     * Stores a new request under its reference, in DRAFT, unless a request of that reference exists
     * (committed, or committed by a concurrent transaction this insert waits for). Returns whether it
     * was stored: the unique reference decides which of two concurrent submissions is the first.
     */
    boolean insertIfNew(Transaction transaction, RequestRow row, String actor, String role) {
        return insert(transaction, row, actor, role, " on conflict (reference) do nothing");
    }

    /** Stores a new request in DRAFT; a reference already taken is an error. */
    void insert(Transaction transaction, RequestRow row, String actor, String role) {
        insert(transaction, row, actor, role, "");
    }

    private boolean insert(Transaction transaction, RequestRow row, String actor, String role, String onConflict) {
        Handle handle = Handles.of(transaction);
        Instant now = clock.instant();
        int inserted = handle.createUpdate("""
                        insert into release_request
                          (id, reference, parent_reference, holder, account_id, amount_minor, currency, state,
                           reason, content, content_sha256, lines, required_steps, submitted_by, submitted_at,
                           business_date, updated_at)
                        values (:id, :reference, :parent, :holder, :account, :amount, :currency, 'DRAFT',
                                null, cast(:content as jsonb), :sha, cast(:lines as jsonb), :steps, :by, :at,
                                :date, :at)
                        """ + onConflict)
                .bind("id", row.id())
                .bind("reference", row.reference())
                .bind("parent", row.parentReference().orElse(null))
                .bind("holder", row.holder())
                .bind("account", row.accountId())
                .bind("amount", row.amountMinor())
                .bind("currency", row.currency())
                .bind("content", json(row.content()))
                .bind("sha", row.contentSha256())
                .bind("lines", json(row.lines()))
                .bind(
                        "steps",
                        String.join(
                                ",",
                                row.requiredSteps().stream().map(Enum::name).toList()))
                .bind("by", row.submittedBy())
                .bind("at", utc(row.submittedAt()))
                .bind("date", row.businessDate())
                .execute();
        if (inserted == 0) {
            return false;
        }
        insertTransition(
                handle, row.id(), Optional.empty(), RequestState.DRAFT, Optional.empty(), "", actor, role, now);
        return true;
    }

    Optional<RequestRow> request(Transaction transaction, UUID id) {
        return Handles.of(transaction)
                .createQuery("select * from release_request where id = :id")
                .bind("id", id)
                .map((rs, ctx) -> ReleaseRows.request(rs))
                .findFirst();
    }

    Optional<RequestRow> requestByReference(Transaction transaction, String reference) {
        return Handles.of(transaction)
                .createQuery("select * from release_request where reference = :reference")
                .bind("reference", reference)
                .map((rs, ctx) -> ReleaseRows.request(rs))
                .findFirst();
    }

    /**
     * The request, locked ({@code for update}) until the unit of work ends: every change of a request
     * takes this lock first, so changes of one request happen one after the other.
     *
     * @throws NotFoundException RELEASE_NOT_FOUND
     */
    RequestRow lock(Transaction transaction, UUID id) {
        return Handles.of(transaction)
                .createQuery("select * from release_request where id = :id for update")
                .bind("id", id)
                .map((rs, ctx) -> ReleaseRows.request(rs))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("RELEASE_NOT_FOUND", "no release request " + id));
    }

    List<RequestRow> requests(Transaction transaction, Optional<RequestState> state, int limit) {
        return requests(transaction, state, limit, Optional.empty());
    }

    /** Requests oldest first; with {@code holders} (upper case), only those of these holders. */
    List<RequestRow> requests(
            Transaction transaction, Optional<RequestState> state, int limit, Optional<Set<String>> holders) {
        return Handles.of(transaction)
                .createQuery("""
                        select * from release_request
                        where (cast(:state as text) is null or state = cast(:state as text))
                          and (not :scoped or upper(holder) = any(:holders))
                        order by submitted_at, reference limit :limit
                        """)
                .bind("state", state.map(Enum::name).orElse(null))
                .bind("scoped", holders.isPresent())
                .bindArray("holders", String.class, (Object[])
                        holders.orElse(Set.of()).toArray(String[]::new))
                .bind("limit", limit)
                .map((rs, ctx) -> ReleaseRows.request(rs))
                .list();
    }

    List<RequestRow> children(Transaction transaction, String reference) {
        return Handles.of(transaction)
                .createQuery("select * from release_request where parent_reference = :reference order by reference")
                .bind("reference", reference)
                .map((rs, ctx) -> ReleaseRows.request(rs))
                .list();
    }

    /**
     * Moves the request to {@code to}, recording the transition.
     *
     * @throws ConflictException RELEASE_STATE_CONFLICT when the state machine forbids the move
     */
    void move(
            Transaction transaction,
            RequestRow row,
            RequestState to,
            Optional<String> reason,
            String detail,
            String actor,
            String role) {
        Handle handle = Handles.of(transaction);
        RequestState from = handle.createQuery("select state from release_request where id = :id")
                .bind("id", row.id())
                .mapTo(String.class)
                .findFirst()
                .map(RequestState::valueOf)
                .orElseThrow();
        if (!from.canMoveTo(to)) {
            throw new ConflictException(
                    "RELEASE_STATE_CONFLICT", row.reference() + " is " + from + " and cannot become " + to);
        }
        Instant now = clock.instant();
        handle.createUpdate(
                        "update release_request set state = :state, reason = :reason, updated_at = :now where id = :id")
                .bind("state", to.name())
                .bind("reason", reason.orElse(null))
                .bind("now", utc(now))
                .bind("id", row.id())
                .execute();
        insertTransition(handle, row.id(), Optional.of(from), to, reason, detail, actor, role, now);
    }

    private static void insertTransition(
            Handle handle,
            UUID id,
            Optional<RequestState> from,
            RequestState to,
            Optional<String> reason,
            String detail,
            String actor,
            String role,
            Instant at) {
        handle.createUpdate("""
                        insert into release_transition (request_id, from_state, to_state, reason, detail, actor, role, at)
                        values (:id, :from, :to, :reason, :detail, :actor, :role, :at)
                        """)
                .bind("id", id)
                .bind("from", from.map(Enum::name).orElse(null))
                .bind("to", to.name())
                .bind("reason", reason.orElse(null))
                .bind("detail", detail)
                .bind("actor", actor)
                .bind("role", role)
                .bind("at", utc(at))
                .execute();
    }

    List<Transition> transitions(Transaction transaction, UUID id) {
        return Handles.of(transaction)
                .createQuery("select * from release_transition where request_id = :id order by id")
                .bind("id", id)
                .map((rs, ctx) -> ReleaseRows.transition(rs))
                .list();
    }

    void setContent(Transaction transaction, UUID id, NewRequest content, String sha256) {
        Handles.of(transaction)
                .createUpdate(
                        "update release_request set content = cast(:content as jsonb), content_sha256 = :sha where id = :id")
                .bind("content", json(content))
                .bind("sha", sha256)
                .bind("id", id)
                .execute();
    }

    /**
     * Replaces what a request asks for after a material amendment: its content, paying account,
     * decided lines, amount and approval chain; its value date is cleared.
     */
    void amend(Transaction transaction, RequestRow amended) {
        Handles.of(transaction)
                .createUpdate("""
                        update release_request
                        set content = cast(:content as jsonb), content_sha256 = :sha, account_id = :account,
                            lines = cast(:lines as jsonb), amount_minor = :amount, required_steps = :steps,
                            scheduled_on = null
                        where id = :id
                        """)
                .bind("content", json(amended.content()))
                .bind("sha", amended.contentSha256())
                .bind("account", amended.accountId())
                .bind("lines", json(amended.lines()))
                .bind("amount", amended.amountMinor())
                .bind(
                        "steps",
                        String.join(
                                ",",
                                amended.requiredSteps().stream().map(Enum::name).toList()))
                .bind("id", amended.id())
                .execute();
    }

    void setHold(Transaction transaction, UUID id, UUID holdId, String authorisation) {
        Handles.of(transaction)
                .createUpdate("""
                        update release_request set hold_id = cast(:hold as uuid), hold_authorisation = :authorisation
                        where id = :id
                        """)
                .bind("hold", holdId)
                .bind("authorisation", authorisation)
                .bind("id", id)
                .execute();
    }

    void setScheduled(Transaction transaction, UUID id, LocalDate on) {
        Handles.of(transaction)
                .createUpdate("update release_request set scheduled_on = cast(:on as date) where id = :id")
                .bind("on", on)
                .bind("id", id)
                .execute();
    }

    // ---------------------------------------------------------------- documents

    void insertDocument(Transaction transaction, UUID requestId, NewDocument document) {
        Handles.of(transaction)
                .createUpdate("""
                        insert into release_document (request_id, type, version, name, sha256, size_bytes, content, recorded_at)
                        values (:id, :type,
                                (select coalesce(max(version), 0) + 1 from release_document
                                 where request_id = :id and type = :type),
                                :name, :sha, :size, :content, :now)
                        """)
                .bind("id", requestId)
                .bind("type", document.type())
                .bind("name", document.name())
                .bind("sha", document.sha256())
                .bind("size", document.content().length)
                .bind("content", document.content())
                .bind("now", utc(clock.instant()))
                .execute();
    }

    List<DocumentRecord> documents(Transaction transaction, UUID requestId) {
        return Handles.of(transaction)
                .createQuery("select * from release_document where request_id = :id order by type, version")
                .bind("id", requestId)
                .map((rs, ctx) -> new DocumentRecord(
                        rs.getString("type"),
                        rs.getInt("version"),
                        rs.getString("name"),
                        rs.getString("sha256"),
                        rs.getInt("size_bytes"),
                        ReleaseRows.instant(rs, "recorded_at")))
                .list();
    }

    // ---------------------------------------------------------------- approvals and rejections

    void insertApproval(
            Transaction transaction,
            UUID requestId,
            ApprovalStep step,
            String actor,
            String role,
            Optional<String> reference,
            String note) {
        Handles.of(transaction)
                .createUpdate("""
                        insert into release_approval (request_id, step, actor, role, reference, note, at)
                        values (:id, :step, :actor, :role, :reference, :note, :now)
                        """)
                .bind("id", requestId)
                .bind("step", step.name())
                .bind("actor", actor)
                .bind("role", role)
                .bind("reference", reference.orElse(null))
                .bind("note", note)
                .bind("now", utc(clock.instant()))
                .execute();
    }

    List<Approval> approvals(Transaction transaction, UUID requestId) {
        return Handles.of(transaction)
                .createQuery("""
                        select * from release_approval where request_id = :id and voided_at is null
                        order by at, step
                        """)
                .bind("id", requestId)
                .map((rs, ctx) -> new Approval(
                        rs.getString("step"),
                        rs.getString("actor"),
                        rs.getString("role"),
                        Optional.ofNullable(rs.getString("reference")),
                        rs.getString("note"),
                        ReleaseRows.instant(rs, "at")))
                .list();
    }

    /** Voids every approval the request holds (a material amendment); returns those voided. */
    List<Approval> voidApprovals(Transaction transaction, UUID requestId, String by) {
        List<Approval> voided = approvals(transaction, requestId);
        Handles.of(transaction)
                .createUpdate("""
                        update release_approval set voided_at = :now, voided_by = :by
                        where request_id = :id and voided_at is null
                        """)
                .bind("now", utc(clock.instant()))
                .bind("by", by)
                .bind("id", requestId)
                .execute();
        return voided;
    }

    void insertRejection(Transaction transaction, UUID requestId, Rejection rejection) {
        Handles.of(transaction)
                .createUpdate("""
                        insert into release_rejection
                          (request_id, hit_id, party_role, party_name, reason, occurred_on, report_due_on)
                        values (:id, :hit, :role, :name, :reason, :on, :due)
                        """)
                .bind("id", requestId)
                .bind("hit", rejection.hitId())
                .bind("role", rejection.partyRole())
                .bind("name", rejection.partyName())
                .bind("reason", rejection.reason())
                .bind("on", rejection.occurredOn())
                .bind("due", rejection.reportDueOn())
                .execute();
    }

    /** The rejections of one request, or (with no request) all of them, in the order they happened. */
    List<Rejection> rejections(Transaction transaction, Optional<UUID> requestId) {
        return Handles.of(transaction)
                .createQuery("""
                        select j.*, r.reference from release_rejection j join release_request r on r.id = j.request_id
                        where cast(:id as uuid) is null or j.request_id = cast(:id as uuid) order by j.id
                        """)
                .bind("id", requestId.orElse(null))
                .map((rs, ctx) -> ReleaseRows.rejection(rs))
                .list();
    }

    // ---------------------------------------------------------------- paying accounts and executions

    void savePayingAccount(Transaction transaction, PayingAccount account) {
        Handles.of(transaction)
                .createUpdate("""
                        insert into release_paying_account (account_id, iban, bic, name, recorded_at)
                        values (:id, :iban, :bic, :name, :now)
                        on conflict (account_id) do update
                          set iban = excluded.iban, bic = excluded.bic, name = excluded.name,
                              recorded_at = excluded.recorded_at
                        """)
                .bind("id", account.accountId())
                .bind("iban", account.iban())
                .bind("bic", account.bic())
                .bind("name", account.name())
                .bind("now", utc(clock.instant()))
                .execute();
    }

    Optional<PayingAccount> payingAccount(Transaction transaction, UUID accountId) {
        return Handles.of(transaction)
                .createQuery("select * from release_paying_account where account_id = :id")
                .bind("id", accountId)
                .map((rs, ctx) -> new PayingAccount(
                        rs.getObject("account_id", UUID.class),
                        rs.getString("iban"),
                        rs.getString("bic"),
                        rs.getString("name")))
                .findFirst();
    }

    void insertExecution(Transaction transaction, UUID requestId, Execution execution) {
        Handles.of(transaction)
                .createUpdate("""
                        insert into release_execution
                          (request_id, value_date, hold_id, post_id, authorisation, prior_approval, message_id, uetr,
                           pacs008, executed_by, executed_at)
                        values (:id, :date, :hold, :post, :authorisation, :approval, :message, :uetr, :xml, :by, :at)
                        """)
                .bind("id", requestId)
                .bind("date", execution.valueDate())
                .bind("hold", execution.holdId())
                .bind("post", execution.postId())
                .bind("authorisation", execution.authorisation())
                .bind("approval", execution.priorApproval().orElse(null))
                .bind("message", execution.messageId())
                .bind("uetr", execution.uetr())
                .bind("xml", execution.pacs008())
                .bind("by", execution.executedBy())
                .bind("at", utc(execution.executedAt()))
                .execute();
    }

    Optional<Execution> execution(Transaction transaction, UUID requestId) {
        return Handles.of(transaction)
                .createQuery("select * from release_execution where request_id = :id")
                .bind("id", requestId)
                .map((rs, ctx) -> ReleaseRows.execution(rs))
                .findFirst();
    }

    // ---------------------------------------------------------------- follow-ups

    void insertFollowUp(Transaction transaction, UUID requestId, String kind, LocalDate dueOn) {
        Handles.of(transaction)
                .createUpdate("""
                        insert into release_follow_up (request_id, kind, due_on) values (:id, :kind, :due)
                        on conflict do nothing
                        """)
                .bind("id", requestId)
                .bind("kind", kind)
                .bind("due", dueOn)
                .execute();
    }

    /** @throws NotFoundException FOLLOW_UP_NOT_FOUND when the request has no follow-up of that kind */
    void receiveFollowUp(Transaction transaction, UUID requestId, String kind, LocalDate on, String sha256) {
        int updated = Handles.of(transaction)
                .createUpdate("""
                        update release_follow_up set received_on = :on, document_sha256 = :sha
                        where request_id = :id and kind = :kind
                        """)
                .bind("on", on)
                .bind("sha", sha256)
                .bind("id", requestId)
                .bind("kind", kind)
                .execute();
        if (updated == 0) {
            throw new NotFoundException("FOLLOW_UP_NOT_FOUND", "no follow-up " + kind + " on " + requestId);
        }
    }

    /** Follow-ups of one request, or (with no request) every one still outstanding. */
    List<FollowUp> followUps(Transaction transaction, Optional<UUID> requestId, LocalDate asOf) {
        return Handles.of(transaction)
                .createQuery("""
                        select f.*, r.reference from release_follow_up f join release_request r on r.id = f.request_id
                        where (cast(:id as uuid) is null and f.received_on is null)
                           or f.request_id = cast(:id as uuid)
                        order by f.due_on, r.reference, f.kind
                        """)
                .bind("id", requestId.orElse(null))
                .map((rs, ctx) -> ReleaseRows.followUp(
                        rs, Optional.ofNullable(rs.getObject("received_on", LocalDate.class)), asOf))
                .list();
    }
}
