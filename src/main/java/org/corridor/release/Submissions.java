package org.corridor.release;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.corridor.ConflictException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditLog;
import org.corridor.audit.CanonicalJson;
import org.corridor.authorisation.EligibilityResult;
import org.corridor.settlement.RestrictedAccount;
import org.corridor.transaction.Transaction;
import org.corridor.transaction.Transactions;

/**
 * Submission of a disbursement request, read top to bottom: check every field, answer a repeated
 * reference, refuse what FR-19 forbids, decide eligibility line by line (DENIED parts removed,
 * ESCALATE lines split off into a held "-B" part), then give the live part its approval chain and
 * check its coverage, its account's balance and its parties; store it all in one unit of work.
 * Thread-safe.
 */
final class Submissions {

    /** Countries whose parties are never paid (FR-19). */
    static final Set<String> SANCTIONED_COUNTRIES = Set.of("IR");

    /** The request's rows: the request as submitted and, when it was split, its approvable and held parts. */
    private record Parts(RequestRow parent, Optional<RequestRow> approvable, Optional<RequestRow> held) {

        /** The part whose checks decide where the request goes: the approvable part, or the request itself. */
        RequestRow live() {
            return approvable.orElse(parent);
        }

        List<RequestRow> all() {
            List<RequestRow> all = new ArrayList<>(List.of(parent));
            approvable.ifPresent(all::add);
            held.ifPresent(all::add);
            return all;
        }

        /** The same rows, the live part with its approval chain. */
        Parts chained(List<ApprovalStep> steps) {
            return approvable.isPresent()
                    ? new Parts(parent, approvable.map(row -> row.withSteps(steps)), held)
                    : new Parts(parent.withSteps(steps), approvable, held);
        }
    }

    private final Transactions transactions;
    private final ReleaseStore store;
    private final ReleaseQueries queries;
    private final HitQueue hits;
    private final RequestVerdicts verdicts;
    private final AuditLog audit;
    private final AgentScope scope;
    private final ReleaseClock clock;

    Submissions(
            Transactions transactions,
            ReleaseStore store,
            ReleaseQueries queries,
            HitQueue hits,
            RequestVerdicts verdicts,
            AuditLog audit,
            AgentScope scope,
            ReleaseClock clock) {
        this.transactions = transactions;
        this.store = store;
        this.queries = queries;
        this.hits = hits;
        this.verdicts = verdicts;
        this.audit = audit;
        this.scope = scope;
        this.clock = clock;
    }

    /**
     * Submits a request. The same reference and content again returns the first submission, also
     * when both arrive at once (the reference's unique key decides which is first, inside the unit of
     * work); other content under the reference is a 409 naming the fields that differ.
     */
    Releases.Submission submit(Actor by, NewRequest submitted) {
        CheckedRequest request = RequestChecks.check(submitted);
        // Only the holder's agents ask for its money; a reference another holder took says nothing of it.
        Optional<RequestRow> earlier = transactions.read(tx -> {
            scope.requireAgentOf(tx, by, request.content().holder());
            return store.requestByReference(tx, request.reference());
        });
        if (earlier.isPresent()) {
            requireOwnReference(by, earlier.get());
            requireSameContent(earlier.get(), request);
            return queries.submission(request.reference());
        }
        RestrictedAccount account = verdicts.payingAccount(request.content());
        LocalDate today = clock.today();
        EligibilityResult eligible = verdicts.eligibility(request.content(), account.currency(), today);
        LineDecisions lines = LineDecisions.of(request.content(), eligible, account.currency());
        Optional<ReleaseReason> refusal = RequestVerdicts.vendorRefusal(request.content());
        Parts drafted = parts(by, request, account, lines, refusal.isEmpty(), today);
        RequestVerdicts.Verdict verdict = verdicts.verdict(request.content(), drafted.live(), lines, refusal, today);
        Parts parts = drafted.chained(verdict.steps());
        Map<String, String> versions = new TreeMap<>(eligible.versions());
        versions.putAll(verdict.versions());
        transactions.useTransaction(tx -> record(tx, by, request, parts, lines, verdict, versions));
        return queries.submission(request.reference());
    }

    /** @throws ConflictException RELEASE_REFERENCE_TAKEN when the reference is another holder's request */
    private void requireOwnReference(Actor by, RequestRow earlier) {
        if (!transactions.read(tx -> scope.sees(tx, by, earlier.holder()))) {
            throw new ConflictException(
                    "RELEASE_REFERENCE_TAKEN", earlier.reference() + " is taken; choose another reference");
        }
    }

    /** @throws ConflictException RELEASE_EXISTS_WITH_DIFFERENT_CONTENT naming what differs */
    private static void requireSameContent(RequestRow earlier, CheckedRequest request) {
        if (earlier.contentSha256().equals(request.contentSha256())) {
            return;
        }
        List<String> differences = RequestChecks.differences(earlier.content(), request.content());
        throw new ConflictException(
                "RELEASE_EXISTS_WITH_DIFFERENT_CONTENT",
                request.reference() + " was submitted with other content"
                        + (differences.isEmpty() ? "" : " (" + String.join(", ", differences) + " differ)"));
    }

    /** The request's rows; it is split into an approvable -A and a held -B part when it has lines of both. */
    private Parts parts(
            Actor by,
            CheckedRequest request,
            RestrictedAccount account,
            LineDecisions lines,
            boolean permitted,
            LocalDate today) {
        Instant now = clock.now();
        RequestRow.PayingFrom from = new RequestRow.PayingFrom(account.id(), account.holder(), account.currency());
        String reference = request.reference();
        RequestRow parent = RequestRow.draft(
                UUID.randomUUID(),
                reference,
                Optional.empty(),
                request,
                from,
                new RequestRow.Decided(lines.all(), lines.removed()),
                by.name(),
                now,
                today);
        if (!permitted || lines.approvable().isEmpty() || lines.escalated().isEmpty()) {
            return new Parts(parent, Optional.empty(), Optional.empty());
        }
        RequestRow approvable = RequestRow.draft(
                UUID.randomUUID(),
                reference + "-A",
                Optional.of(reference),
                request,
                from,
                new RequestRow.Decided(lines.approvable(), lines.removed()),
                by.name(),
                now,
                today);
        RequestRow held = RequestRow.draft(
                UUID.randomUUID(),
                reference + "-B",
                Optional.of(reference),
                request,
                from,
                new RequestRow.Decided(lines.escalated(), List.of()),
                by.name(),
                now,
                today);
        return new Parts(parent, Optional.of(approvable), Optional.of(held));
    }

    /**
     * Stores the submission in the caller's unit of work. The request row goes first, under its
     * unique reference: a concurrent submission of the reference that committed first makes this one
     * a replay (same content, nothing written) or a conflict (other content, rolled back).
     */
    private void record(
            Transaction tx,
            Actor by,
            CheckedRequest request,
            Parts parts,
            LineDecisions lines,
            RequestVerdicts.Verdict verdict,
            Map<String, String> versions) {
        if (!store.insertIfNew(tx, parts.parent(), by.name(), by.role())) {
            requireSameContent(store.requestByReference(tx, request.reference()).orElseThrow(), request);
            return;
        }
        for (RequestRow row : parts.all()) {
            if (row != parts.parent()) {
                store.insert(tx, row, by.name(), by.role());
            }
            move(tx, row, RequestState.SUBMITTED, Optional.empty(), "submitted", by);
        }
        for (ReleaseStore.NewDocument document : request.documents()) {
            store.insertDocument(tx, parts.parent().id(), document);
        }
        parts.held().ifPresent(held -> {
            move(
                    tx,
                    parts.parent(),
                    RequestState.SPLIT,
                    Optional.of("LINES_SPLIT"),
                    "escalated lines split into " + held.reference(),
                    by);
            move(
                    tx,
                    held,
                    RequestState.HELD,
                    Optional.of(lines.escalationReason().name()),
                    "held pending a specific licence",
                    by);
        });
        RequestRow live = parts.live();
        if (verdict.rejected()) {
            move(tx, live, RequestState.REJECTED, verdict.reason(), "refused at submission", by);
        } else if (verdict.reason().isPresent()) {
            move(tx, live, RequestState.HELD, verdict.reason(), "held at submission", by);
        } else {
            move(tx, live, RequestState.IN_REVIEW, Optional.empty(), "submission checks done", by);
        }
        int opened = hits.queue(tx, live, verdict.findings());
        audit.append(tx, submitted(by, request, parts, lines, verdict, opened, versions));
    }

    private void move(
            Transaction tx, RequestRow row, RequestState to, Optional<String> reason, String detail, Actor by) {
        store.move(tx, row, to, reason, detail, by.name(), by.role());
    }

    private static AuditEvent submitted(
            Actor by,
            CheckedRequest request,
            Parts parts,
            LineDecisions lines,
            RequestVerdicts.Verdict verdict,
            int opened,
            Map<String, String> versions) {
        return new AuditEvent(
                by,
                "RELEASE_SUBMITTED",
                "release:" + request.reference(),
                CanonicalJson.fields(
                        "reference", request.reference(),
                        "content_sha256", request.contentSha256(),
                        "lines", request.content().lines().size()),
                CanonicalJson.fields(
                        "parts", parts.all().stream().map(RequestRow::reference).toList(),
                        "live", parts.live().reference(),
                        "amount", parts.live().amount().toDecimalString(),
                        "reason", verdict.reason().orElse(""),
                        "removed", lines.removed().size(),
                        "hits_opened", opened),
                versions);
    }
}
