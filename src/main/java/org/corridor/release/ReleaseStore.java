package org.corridor.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.corridor.ConflictException;
import org.corridor.NotFoundException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEntry;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditStore;
import org.corridor.authorisation.AuthorisationStore;
import org.corridor.authorisation.Coverage;
import org.corridor.authorisation.Movement;
import org.corridor.authorisation.UsageOutcome;
import org.corridor.db.Database;
import org.corridor.ledger.LedgerStore;
import org.corridor.ledger.NewTransfer;
import org.corridor.ledger.TransferOutcome;
import org.corridor.money.Money;
import org.corridor.settlement.ConsumptionKind;
import org.corridor.settlement.LotConsumption;
import org.corridor.settlement.LotStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL for disbursement requests, their transitions, documents, hits, approvals, executions and
 * follow-ups. Work happens inside {@link #inTransaction} (serialisable, retried on 40001, so
 * callbacks must be idempotent) through a {@link TransactionStore}, which also posts to the ledger,
 * consumes lots and records authorisation usage in the same transaction; the caller appends its
 * audit entry last. Thread-safe.
 */
public final class ReleaseStore {

    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final Jdbi jdbi;
    private final AuditStore audit;
    private final LedgerStore ledger;
    private final LotStore lots;
    private final AuthorisationStore authorisations;
    private final Clock clock;

    public ReleaseStore(
            Database database,
            AuditStore audit,
            LedgerStore ledger,
            LotStore lots,
            AuthorisationStore authorisations,
            Clock clock) {
        this.jdbi = database.jdbi();
        this.audit = audit;
        this.ledger = ledger;
        this.lots = lots;
        this.authorisations = authorisations;
        this.clock = clock;
    }

    /** Runs {@code work} in one serialisable transaction; it may run more than once. */
    <T> T inTransaction(Function<TransactionStore, T> work) {
        return jdbi.inTransaction(handle -> work.apply(new TransactionStore(handle)));
    }

    /** Runs read-only {@code work} on a handle of its own. */
    <T> T read(Function<TransactionStore, T> work) {
        return jdbi.withHandle(handle -> work.apply(new TransactionStore(handle)));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    static <T> T fromJson(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable: " + e.getMessage(), e);
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? Optional.empty() : Optional.of(value.toInstant());
    }

    /** A request's row. */
    record RequestRow(
            UUID id,
            String reference,
            Optional<String> parentReference,
            String holder,
            UUID accountId,
            long amountMinor,
            String currency,
            RequestState state,
            Optional<String> reason,
            NewRequest content,
            String contentSha256,
            Decided lines,
            List<ApprovalStep> requiredSteps,
            String submittedBy,
            Instant submittedAt,
            LocalDate businessDate,
            Optional<UUID> holdId,
            Optional<String> holdAuthorisation,
            Optional<LocalDate> scheduledOn) {}

    /** The decided lines of a request part and the parts removed from it. */
    record Decided(List<ReleaseLine> lines, List<RemovedPart> removed) {}

    /** A document to store. */
    record NewDocument(String type, String name, String sha256, byte[] content) {}

    /** A transition with the request it belongs to (the reports replay a request's history). */
    record RequestTransition(UUID requestId, Transition transition) {}

    /** An execution with the request it belongs to. */
    record RequestExecution(UUID requestId, Execution execution) {}

    /** A rejection event with its own id and the request it belongs to. */
    record RejectionEvent(long id, UUID requestId, Rejection rejection) {}

    /** A request that moved to {@code reason} at {@code at}. */
    record RequestEvent(RequestRow request, String reason, Instant at) {}

    /** The registered bank details of a paying restricted account. */
    record PayingAccount(UUID accountId, String iban, String bic, String name) {}

    private static RequestRow requestRow(ResultSet rs) throws SQLException {
        String steps = rs.getString("required_steps");
        return new RequestRow(
                rs.getObject("id", UUID.class),
                rs.getString("reference"),
                Optional.ofNullable(rs.getString("parent_reference")),
                rs.getString("holder"),
                rs.getObject("account_id", UUID.class),
                rs.getLong("amount_minor"),
                rs.getString("currency").trim(),
                RequestState.valueOf(rs.getString("state")),
                Optional.ofNullable(rs.getString("reason")),
                fromJson(rs.getString("content"), new TypeReference<NewRequest>() {}),
                rs.getString("content_sha256"),
                fromJson(rs.getString("lines"), new TypeReference<Decided>() {}),
                steps.isEmpty()
                        ? List.of()
                        : Arrays.stream(steps.split(","))
                                .map(ApprovalStep::valueOf)
                                .toList(),
                rs.getString("submitted_by"),
                instant(rs, "submitted_at"),
                rs.getObject("business_date", LocalDate.class),
                Optional.ofNullable(rs.getObject("hold_id", UUID.class)),
                Optional.ofNullable(rs.getString("hold_authorisation")),
                Optional.ofNullable(rs.getObject("scheduled_on", LocalDate.class)));
    }

    private static ScreeningHit hitRow(ResultSet rs) throws SQLException {
        String programmes = rs.getString("programmes");
        return new ScreeningHit(
                rs.getObject("id", UUID.class),
                rs.getObject("request_id", UUID.class),
                rs.getString("reference"),
                rs.getString("party_role"),
                rs.getString("party_name"),
                rs.getString("party_key"),
                rs.getString("source"),
                rs.getString("entity_key"),
                rs.getString("entity_name"),
                programmes.isEmpty() ? List.of() : List.of(programmes.split(",")),
                rs.getBigDecimal("score").stripTrailingZeros().toPlainString(),
                rs.getString("fingerprint"),
                fromJson(rs.getString("why"), new TypeReference<List<String>>() {}),
                rs.getString("state"),
                Optional.ofNullable(rs.getString("proposed")),
                Optional.ofNullable(rs.getString("first_by")),
                Optional.ofNullable(rs.getString("first_rationale")),
                optionalInstant(rs, "first_at"),
                Optional.ofNullable(rs.getString("second_by")),
                Optional.ofNullable(rs.getString("second_rationale")),
                optionalInstant(rs, "second_at"),
                rs.getBoolean("superseded"),
                instant(rs, "opened_at"),
                fromJson(rs.getString("versions"), new TypeReference<Map<String, String>>() {}));
    }

    private static Execution executionRow(ResultSet rs) throws SQLException {
        return new Execution(
                rs.getObject("value_date", LocalDate.class),
                rs.getObject("hold_id", UUID.class),
                rs.getObject("post_id", UUID.class),
                rs.getString("authorisation"),
                Optional.ofNullable(rs.getString("prior_approval")),
                rs.getString("message_id"),
                rs.getObject("uetr", UUID.class),
                rs.getString("pacs008"),
                rs.getString("executed_by"),
                instant(rs, "executed_at"));
    }

    /** A rejection row joined with its request's reference. */
    private static Rejection rejectionRow(ResultSet rs) throws SQLException {
        return new Rejection(
                rs.getString("reference"),
                rs.getObject("hit_id", UUID.class),
                rs.getString("party_role"),
                rs.getString("party_name"),
                rs.getString("reason"),
                rs.getObject("occurred_on", LocalDate.class),
                rs.getObject("report_due_on", LocalDate.class));
    }

    /** A follow-up row joined with its request's reference: overdue when not received by {@code asOf}. */
    private static FollowUp followUpRow(ResultSet rs, Optional<LocalDate> received, LocalDate asOf)
            throws SQLException {
        LocalDate due = rs.getObject("due_on", LocalDate.class);
        return new FollowUp(
                rs.getString("reference"),
                rs.getString("kind"),
                due,
                received,
                received.isEmpty() && asOf.isAfter(due));
    }

    private static final String HIT_SELECT =
            "select h.*, r.reference from release_hit h join release_request r on r.id = h.request_id";

    /** The work of one transaction (or one read): every statement releases make. */
    final class TransactionStore {

        private final Handle handle;

        TransactionStore(Handle handle) {
            this.handle = handle;
        }

        Instant now() {
            return clock.instant();
        }

        void insertRequest(RequestRow row, Actor actor) {
            Instant now = now();
            handle.createUpdate("""
                            insert into release_request
                              (id, reference, parent_reference, holder, account_id, amount_minor, currency, state,
                               reason, content, content_sha256, lines, required_steps, submitted_by, submitted_at,
                               business_date, updated_at)
                            values (:id, :reference, :parent, :holder, :account, :amount, :currency, 'DRAFT',
                                    null, cast(:content as jsonb), :sha, cast(:lines as jsonb), :steps, :by, :at,
                                    :date, :at)
                            """)
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
            insertTransition(row.id(), Optional.empty(), RequestState.DRAFT, Optional.empty(), "", actor, now);
        }

        Optional<RequestRow> request(UUID id) {
            return handle.createQuery("select * from release_request where id = :id")
                    .bind("id", id)
                    .map((rs, ctx) -> requestRow(rs))
                    .findFirst();
        }

        Optional<RequestRow> requestByReference(String reference) {
            return handle.createQuery("select * from release_request where reference = :reference")
                    .bind("reference", reference)
                    .map((rs, ctx) -> requestRow(rs))
                    .findFirst();
        }

        /** The request, locked for the rest of the transaction. */
        RequestRow lock(UUID id) {
            return handle.createQuery("select * from release_request where id = :id for update")
                    .bind("id", id)
                    .map((rs, ctx) -> requestRow(rs))
                    .findFirst()
                    .orElseThrow(() -> new NotFoundException("RELEASE_NOT_FOUND", "no release request " + id));
        }

        List<RequestRow> requests(Optional<RequestState> state, int limit) {
            return handle.createQuery("""
                            select * from release_request
                            where (cast(:state as text) is null or state = cast(:state as text))
                            order by submitted_at, reference limit :limit
                            """)
                    .bind("state", state.map(Enum::name).orElse(null))
                    .bind("limit", limit)
                    .map((rs, ctx) -> requestRow(rs))
                    .list();
        }

        List<RequestRow> children(String reference) {
            return handle.createQuery(
                            "select * from release_request where parent_reference = :reference order by reference")
                    .bind("reference", reference)
                    .map((rs, ctx) -> requestRow(rs))
                    .list();
        }

        /**
         * Moves the request to {@code to}, recording the transition.
         *
         * @throws ConflictException RELEASE_STATE_CONFLICT when the state machine forbids the move
         */
        void move(RequestRow row, RequestState to, Optional<String> reason, String detail, Actor actor) {
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
            Instant now = now();
            handle.createUpdate(
                            "update release_request set state = :state, reason = :reason, updated_at = :now where id = :id")
                    .bind("state", to.name())
                    .bind("reason", reason.orElse(null))
                    .bind("now", utc(now))
                    .bind("id", row.id())
                    .execute();
            insertTransition(row.id(), Optional.of(from), to, reason, detail, actor, now);
        }

        private void insertTransition(
                UUID id,
                Optional<RequestState> from,
                RequestState to,
                Optional<String> reason,
                String detail,
                Actor actor,
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
                    .bind("actor", actor.name())
                    .bind("role", actor.role())
                    .bind("at", utc(at))
                    .execute();
        }

        List<Transition> transitions(UUID id) {
            return handle.createQuery("select * from release_transition where request_id = :id order by id")
                    .bind("id", id)
                    .map((rs, ctx) -> new Transition(
                            Optional.ofNullable(rs.getString("from_state")),
                            rs.getString("to_state"),
                            Optional.ofNullable(rs.getString("reason")),
                            rs.getString("detail"),
                            rs.getString("actor"),
                            rs.getString("role"),
                            instant(rs, "at")))
                    .list();
        }

        void setContent(UUID id, NewRequest content, String sha256) {
            handle.createUpdate(
                            "update release_request set content = cast(:content as jsonb), content_sha256 = :sha where id = :id")
                    .bind("content", json(content))
                    .bind("sha", sha256)
                    .bind("id", id)
                    .execute();
        }

        void setHold(UUID id, Optional<UUID> holdId, Optional<String> authorisation) {
            handle.createUpdate(
                            "update release_request set hold_id = :hold, hold_authorisation = :authorisation where id = :id")
                    .bind("hold", holdId.orElse(null))
                    .bind("authorisation", authorisation.orElse(null))
                    .bind("id", id)
                    .execute();
        }

        void setScheduled(UUID id, LocalDate on) {
            handle.createUpdate("update release_request set scheduled_on = :on where id = :id")
                    .bind("on", on)
                    .bind("id", id)
                    .execute();
        }

        void insertDocument(UUID requestId, NewDocument document) {
            handle.createUpdate("""
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
                    .bind("now", utc(now()))
                    .execute();
        }

        List<DocumentRecord> documents(UUID requestId) {
            return handle.createQuery("select * from release_document where request_id = :id order by type, version")
                    .bind("id", requestId)
                    .map((rs, ctx) -> new DocumentRecord(
                            rs.getString("type"),
                            rs.getInt("version"),
                            rs.getString("name"),
                            rs.getString("sha256"),
                            rs.getInt("size_bytes"),
                            instant(rs, "recorded_at")))
                    .list();
        }

        void insertHit(ScreeningHit hit) {
            handle.createUpdate("""
                            insert into release_hit
                              (id, request_id, party_role, party_name, party_key, source, entity_key, entity_name,
                               programmes, score, fingerprint, why, state, opened_at, versions)
                            values (:id, :request, :role, :name, :key, :source, :entityKey, :entityName,
                                    :programmes, :score, :fingerprint, cast(:why as jsonb), 'OPEN', :at,
                                    cast(:versions as jsonb))
                            """)
                    .bind("id", hit.id())
                    .bind("request", hit.requestId())
                    .bind("role", hit.partyRole())
                    .bind("name", hit.partyName())
                    .bind("key", hit.partyKey())
                    .bind("source", hit.source())
                    .bind("entityKey", hit.entityKey())
                    .bind("entityName", hit.entityName())
                    .bind("programmes", String.join(",", hit.programmes()))
                    .bind("score", new BigDecimal(hit.score()))
                    .bind("fingerprint", hit.fingerprint())
                    .bind("why", json(hit.why()))
                    .bind("at", utc(hit.openedAt()))
                    .bind("versions", json(hit.versions()))
                    .execute();
        }

        List<ScreeningHit> hitsOf(UUID requestId) {
            return handle.createQuery(HIT_SELECT + " where h.request_id = :id order by h.opened_at, h.id")
                    .bind("id", requestId)
                    .map((rs, ctx) -> hitRow(rs))
                    .list();
        }

        List<ScreeningHit> hits(Optional<HitState> state, int limit) {
            return handle.createQuery(HIT_SELECT + """
                             where (cast(:state as text) is null or h.state = cast(:state as text))
                               and not h.superseded
                             order by h.opened_at, h.id limit :limit
                            """)
                    .bind("state", state.map(Enum::name).orElse(null))
                    .bind("limit", limit)
                    .map((rs, ctx) -> hitRow(rs))
                    .list();
        }

        Optional<ScreeningHit> hit(UUID id) {
            return handle.createQuery(HIT_SELECT + " where h.id = :id")
                    .bind("id", id)
                    .map((rs, ctx) -> hitRow(rs))
                    .findFirst();
        }

        ScreeningHit lockHit(UUID id) {
            handle.createQuery("select id from release_hit where id = :id for update")
                    .bind("id", id)
                    .mapTo(UUID.class)
                    .findFirst()
                    .orElseThrow(() -> new NotFoundException("HIT_NOT_FOUND", "no screening hit " + id));
            return hit(id).orElseThrow();
        }

        void proposeOnHit(UUID id, HitState proposal, String rationale, Actor actor) {
            handle.createUpdate("""
                            update release_hit set proposed = :proposal, first_by = :by, first_role = :role,
                              first_rationale = :rationale, first_at = :now where id = :id
                            """)
                    .bind("proposal", proposal.name())
                    .bind("by", actor.name())
                    .bind("role", actor.role())
                    .bind("rationale", rationale)
                    .bind("now", utc(now()))
                    .bind("id", id)
                    .execute();
        }

        /** Decides a hit: as its first disposition, or as the second reviewer's. */
        void decideHit(UUID id, HitState state, String rationale, Actor actor, boolean second) {
            String prefix = second ? "second" : "first";
            handle.createUpdate("update release_hit set state = :state, proposed = null, " + prefix + "_by = :by, "
                            + prefix + "_role = :role, " + prefix + "_rationale = :rationale, " + prefix
                            + "_at = :now where id = :id")
                    .bind("state", state.name())
                    .bind("by", actor.name())
                    .bind("role", actor.role())
                    .bind("rationale", rationale)
                    .bind("now", utc(now()))
                    .bind("id", id)
                    .execute();
        }

        void supersedeHits(UUID requestId, List<PartyRole> roles) {
            handle.createUpdate(
                            "update release_hit set superseded = true where request_id = :id and party_role in (<roles>)")
                    .bind("id", requestId)
                    .bindList("roles", roles.stream().map(Enum::name).toList())
                    .execute();
        }

        void remember(ScreeningHit hit) {
            handle.createUpdate("""
                            insert into release_cleared_hit (party_key, entity_key, fingerprint, hit_id, cleared_at)
                            values (:party, :entity, :fingerprint, :hit, :now)
                            on conflict do nothing
                            """)
                    .bind("party", hit.partyKey())
                    .bind("entity", hit.entityKey())
                    .bind("fingerprint", hit.fingerprint())
                    .bind("hit", hit.id())
                    .bind("now", utc(now()))
                    .execute();
        }

        boolean cleared(String partyKey, String entityKey, String fingerprint) {
            return handle.createQuery("""
                            select count(*) from release_cleared_hit
                            where party_key = :party and entity_key = :entity and fingerprint = :fingerprint
                            """)
                            .bind("party", partyKey)
                            .bind("entity", entityKey)
                            .bind("fingerprint", fingerprint)
                            .mapTo(Long.class)
                            .one()
                    > 0;
        }

        void insertApproval(UUID requestId, ApprovalStep step, Actor actor, Optional<String> reference, String note) {
            handle.createUpdate("""
                            insert into release_approval (request_id, step, actor, role, reference, note, at)
                            values (:id, :step, :actor, :role, :reference, :note, :now)
                            """)
                    .bind("id", requestId)
                    .bind("step", step.name())
                    .bind("actor", actor.name())
                    .bind("role", actor.role())
                    .bind("reference", reference.orElse(null))
                    .bind("note", note)
                    .bind("now", utc(now()))
                    .execute();
        }

        List<Approval> approvals(UUID requestId) {
            return handle.createQuery("select * from release_approval where request_id = :id order by at, step")
                    .bind("id", requestId)
                    .map((rs, ctx) -> new Approval(
                            rs.getString("step"),
                            rs.getString("actor"),
                            rs.getString("role"),
                            Optional.ofNullable(rs.getString("reference")),
                            rs.getString("note"),
                            instant(rs, "at")))
                    .list();
        }

        void insertRejection(UUID requestId, Rejection rejection) {
            handle.createUpdate("""
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

        List<Rejection> rejections(Optional<UUID> requestId) {
            return handle.createQuery("""
                            select j.*, r.reference from release_rejection j join release_request r on r.id = j.request_id
                            where cast(:id as uuid) is null or j.request_id = cast(:id as uuid) order by j.id
                            """)
                    .bind("id", requestId.orElse(null))
                    .map((rs, ctx) -> rejectionRow(rs))
                    .list();
        }

        void savePayingAccount(PayingAccount account) {
            handle.createUpdate("""
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
                    .bind("now", utc(now()))
                    .execute();
        }

        Optional<PayingAccount> payingAccount(UUID accountId) {
            return handle.createQuery("select * from release_paying_account where account_id = :id")
                    .bind("id", accountId)
                    .map((rs, ctx) -> new PayingAccount(
                            rs.getObject("account_id", UUID.class),
                            rs.getString("iban"),
                            rs.getString("bic"),
                            rs.getString("name")))
                    .findFirst();
        }

        void insertExecution(UUID requestId, Execution execution) {
            handle.createUpdate("""
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

        Optional<Execution> execution(UUID requestId) {
            return handle.createQuery("select * from release_execution where request_id = :id")
                    .bind("id", requestId)
                    .map((rs, ctx) -> executionRow(rs))
                    .findFirst();
        }

        void insertFollowUp(UUID requestId, String kind, LocalDate dueOn) {
            handle.createUpdate("""
                            insert into release_follow_up (request_id, kind, due_on) values (:id, :kind, :due)
                            on conflict do nothing
                            """)
                    .bind("id", requestId)
                    .bind("kind", kind)
                    .bind("due", dueOn)
                    .execute();
        }

        void receiveFollowUp(UUID requestId, String kind, LocalDate on, String sha256) {
            int updated = handle.createUpdate("""
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
        List<FollowUp> followUps(Optional<UUID> requestId, LocalDate asOf) {
            return handle.createQuery("""
                            select f.*, r.reference from release_follow_up f join release_request r on r.id = f.request_id
                            where (cast(:id as uuid) is null and f.received_on is null)
                               or f.request_id = cast(:id as uuid)
                            order by f.due_on, r.reference, f.kind
                            """)
                    .bind("id", requestId.orElse(null))
                    .map((rs, ctx) ->
                            followUpRow(rs, Optional.ofNullable(rs.getObject("received_on", LocalDate.class)), asOf))
                    .list();
        }

        // Read queries of the reports' port (ReleaseReportRecords): the history up to a moment.

        /** Requests submitted before {@code end}, in submission order. */
        List<RequestRow> requestsSubmittedBefore(Instant end) {
            return handle.createQuery("""
                            select * from release_request where submitted_at < :end order by submitted_at, reference
                            """)
                    .bind("end", utc(end))
                    .map((rs, ctx) -> requestRow(rs))
                    .list();
        }

        /** Requests whose approval chain includes {@code step}. */
        List<RequestRow> requestsRequiring(ApprovalStep step) {
            return handle.createQuery("""
                            select * from release_request
                            where (',' || required_steps || ',') like '%,' || :step || ',%'
                            order by submitted_at, reference
                            """)
                    .bind("step", step.name())
                    .map((rs, ctx) -> requestRow(rs))
                    .list();
        }

        /** Every transition recorded before {@code end}, per request in the order they happened. */
        List<RequestTransition> transitionsBefore(Instant end) {
            return handle.createQuery("""
                            select * from release_transition where at < :end order by request_id, id
                            """)
                    .bind("end", utc(end))
                    .map((rs, ctx) -> new RequestTransition(
                            rs.getObject("request_id", UUID.class),
                            new Transition(
                                    Optional.ofNullable(rs.getString("from_state")),
                                    rs.getString("to_state"),
                                    Optional.ofNullable(rs.getString("reason")),
                                    rs.getString("detail"),
                                    rs.getString("actor"),
                                    rs.getString("role"),
                                    instant(rs, "at"))))
                    .list();
        }

        /** Requests that moved to REJECTED for one of {@code reasons} in {@code [from, to)}. */
        List<RequestEvent> rejectedBetween(List<String> reasons, Instant from, Instant to) {
            return handle.createQuery("""
                            select r.*, t.reason as event_reason, t.at as event_at
                            from release_transition t join release_request r on r.id = t.request_id
                            where t.to_state = 'REJECTED' and t.reason in (<reasons>)
                              and t.at >= :from and t.at < :to
                            order by t.at, t.id
                            """)
                    .bindList("reasons", reasons)
                    .bind("from", utc(from))
                    .bind("to", utc(to))
                    .map((rs, ctx) ->
                            new RequestEvent(requestRow(rs), rs.getString("event_reason"), instant(rs, "event_at")))
                    .list();
        }

        /** Hits opened in {@code [from, to)}, superseded ones included (they were raised all the same). */
        List<ScreeningHit> hitsOpenedBetween(Instant from, Instant to) {
            return handle.createQuery(HIT_SELECT + " where h.opened_at >= :from and h.opened_at < :to"
                            + " order by h.opened_at, h.id")
                    .bind("from", utc(from))
                    .bind("to", utc(to))
                    .map((rs, ctx) -> hitRow(rs))
                    .list();
        }

        /** Rejection events that occurred on a business date in {@code [from, to]}. */
        List<RejectionEvent> rejectionsBetween(LocalDate from, LocalDate to) {
            return handle.createQuery("""
                            select j.*, r.reference from release_rejection j join release_request r on r.id = j.request_id
                            where j.occurred_on between :from and :to order by j.occurred_on, j.id
                            """)
                    .bind("from", from)
                    .bind("to", to)
                    .map((rs, ctx) -> new RejectionEvent(
                            rs.getLong("id"), rs.getObject("request_id", UUID.class), rejectionRow(rs)))
                    .list();
        }

        /** Executions with a value date in {@code [from, to]}. */
        List<RequestExecution> executionsBetween(LocalDate from, LocalDate to) {
            return handle.createQuery("""
                            select e.* from release_execution e join release_request r on r.id = e.request_id
                            where e.value_date between :from and :to order by e.value_date, r.reference
                            """)
                    .bind("from", from)
                    .bind("to", to)
                    .map((rs, ctx) -> new RequestExecution(rs.getObject("request_id", UUID.class), executionRow(rs)))
                    .list();
        }

        /** Follow-ups of requests executed with a value date on or before {@code date}, received or not. */
        List<FollowUp> followUpsExecutedBy(LocalDate date) {
            return handle.createQuery("""
                            select f.*, r.reference from release_follow_up f
                              join release_execution e on e.request_id = f.request_id
                              join release_request r on r.id = f.request_id
                            where e.value_date <= :date
                            order by f.due_on, r.reference, f.kind
                            """)
                    .bind("date", date)
                    .map((rs, ctx) -> followUpRow(
                            rs,
                            Optional.ofNullable(rs.getObject("received_on", LocalDate.class))
                                    .filter(on -> !on.isAfter(date)),
                            date))
                    .list();
        }

        List<TransferOutcome> post(Actor actor, List<NewTransfer> transfers) {
            return ledger.postWithin(handle, actor, transfers);
        }

        List<LotConsumption> consumeLots(UUID accountId, Money amount, LocalDate valueDate, String reference) {
            return lots.consumeWithin(handle, accountId, amount, valueDate, ConsumptionKind.DISBURSEMENT, reference);
        }

        Coverage coverage(Movement movement) {
            return authorisations.coverage(handle, movement);
        }

        UsageOutcome recordUsage(UUID authorisationId, Movement movement) {
            return authorisations.recordUsage(handle, authorisationId, movement);
        }

        AuditEntry audit(AuditEvent event) {
            return audit.append(handle, event);
        }
    }
}
