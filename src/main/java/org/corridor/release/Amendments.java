package org.corridor.release;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.corridor.ConflictException;
import org.corridor.InvalidInputException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditLog;
import org.corridor.audit.CanonicalJson;
import org.corridor.authorisation.EligibilityResult;
import org.corridor.settlement.RestrictedAccount;
import org.corridor.transaction.Transaction;
import org.corridor.transaction.Transactions;

/**
 * Material amendment of a request by one of its holder's agents (issue 15). A change to parties,
 * lines, amounts, paying account, vendor account or documents voids the approvals taken (and the
 * ledger hold placed for them), screens every party again, runs the checks of submission again
 * (FR-19, eligibility, the approval chain, coverage and funds) and moves the request, with who and
 * why, back to review: the whole chain is taken again on what is now asked. An amendment the
 * checks would refuse is refused and changes nothing. Thread-safe.
 */
final class Amendments {

    /** Where an amended request waits: the reason of its transition back to review. */
    static final String AMENDED = "AMENDED";

    private final Transactions transactions;
    private final ReleaseStore store;
    private final HitStore hitStore;
    private final HitQueue hits;
    private final RequestVerdicts verdicts;
    private final Holds holds;
    private final ReleaseQueries queries;
    private final AuditLog audit;
    private final AgentScope scope;
    private final ReleaseClock clock;

    Amendments(
            Transactions transactions,
            ReleaseStore store,
            HitStore hitStore,
            HitQueue hits,
            RequestVerdicts verdicts,
            Holds holds,
            ReleaseQueries queries,
            AuditLog audit,
            AgentScope scope,
            ReleaseClock clock) {
        this.transactions = transactions;
        this.store = store;
        this.hitStore = hitStore;
        this.hits = hits;
        this.verdicts = verdicts;
        this.holds = holds;
        this.queries = queries;
        this.audit = audit;
        this.scope = scope;
        this.clock = clock;
    }

    /** The amended request, checked as at submission, with what changed and why. */
    private record Amended(
            RequestRow row,
            RequestVerdicts.Verdict verdict,
            CheckedRequest checked,
            List<String> changed,
            String note) {}

    Release amend(Actor by, UUID id, Releases.Amendment amendment) {
        if (amendment == null) {
            throw new InvalidInputException("BODY_MISSING", "an amendment is required");
        }
        List<String> changed = AmendedContent.changedFields(amendment);
        String note = Optional.ofNullable(amendment.note()).map(String::strip).orElse("");
        if (note.isEmpty()) {
            throw new InvalidInputException("AMENDMENT_REASON_REQUIRED", "an amendment says why (note)");
        }
        RequestRow current = queries.row(id);
        transactions.useTransaction(tx -> scope.requireAgentOf(tx, by, current.holder()));
        requireAmendable(current);
        Amended amended = check(current, amendment, changed, note);
        transactions.useTransaction(tx -> amendWithin(tx, by, current, amended));
        return queries.get(id);
    }

    /** The amended request through the checks of submission; refuses what they would refuse. */
    private Amended check(RequestRow current, Releases.Amendment amendment, List<String> changed, String note) {
        NewRequest content = AmendedContent.of(current, amendment);
        CheckedRequest checked = RequestChecks.check(content);
        RestrictedAccount account = verdicts.payingAccount(content);
        if (!account.currency().equals(current.currencyUnit())) {
            throw new InvalidInputException(
                    "AMENDMENT_CURRENCY_CHANGE",
                    "the request pays in " + current.currency() + "; paying in " + account.currency()
                            + " is a new request");
        }
        Optional<ReleaseReason> refusal = RequestVerdicts.vendorRefusal(content);
        if (refusal.isPresent()) {
            throw new InvalidInputException(
                    "AMENDMENT_REFUSED", "the amended request would be refused: " + refusal.get());
        }
        LocalDate today = clock.today();
        EligibilityResult eligible = verdicts.eligibility(content, account.currency(), today);
        LineDecisions lines = LineDecisions.of(content, eligible, account.currency());
        if (!lines.escalated().isEmpty() || lines.approvable().isEmpty()) {
            throw new InvalidInputException(
                    "AMENDMENT_LINES_NOT_ELIGIBLE",
                    "the amended lines need "
                            + (lines.approvable().isEmpty()
                                    ? "an eligible line"
                                    : "a licence or" + " a compliance decision (" + lines.escalationReason() + ")")
                            + "; submit such goods as a new request");
        }
        RequestRow draft =
                current.amended(checked, account.id(), new RequestRow.Decided(lines.approvable(), lines.removed()));
        RequestVerdicts.Verdict verdict = verdicts.verdict(content, draft, lines, Optional.empty(), today);
        Map<String, String> versions = new TreeMap<>(eligible.versions());
        versions.putAll(verdict.versions());
        RequestVerdicts.Verdict withVersions = new RequestVerdicts.Verdict(
                verdict.steps(), verdict.rejected(), verdict.reason(), verdict.findings(), versions);
        return new Amended(draft.withSteps(verdict.steps()), withVersions, checked, changed, note);
    }

    /**
     * Requests in review, approved, scheduled, held for a reason an amendment can cure (a party to
     * replace, an escalated line to correct, time), or rejected for a blocked party, which the
     * amendment must replace.
     */
    private static void requireAmendable(RequestRow row) {
        boolean held = row.state() == RequestState.HELD
                && row.reason()
                        .filter(reason -> reason.equals(ReleaseReason.PARTY_REPLACEMENT_REQUIRED.name())
                                || reason.equals(ReleaseReason.LINE_ESCALATED.name())
                                || ReleaseReason.retriable(reason))
                        .isPresent();
        boolean live = Set.of(RequestState.IN_REVIEW, RequestState.APPROVED, RequestState.SCHEDULED)
                .contains(row.state());
        if (!live && !held && !rejectedForParty(row)) {
            throw new ConflictException(
                    "RELEASE_NOT_AMENDABLE",
                    row.reference() + " is " + row.state()
                            + row.reason().map(r -> " (" + r + ")").orElse("")
                            + "; only requests in review, approved, scheduled, held for a curable reason or rejected"
                            + " for a blocked party are amended");
        }
    }

    /** Rejected because a party of it is blocked (a TRUE_MATCH): replacing the party is a cure. */
    private static boolean rejectedForParty(RequestRow row) {
        return row.state() == RequestState.REJECTED
                && row.reason()
                        .filter(ReleaseReason.PARTY_BLOCKED.name()::equals)
                        .isPresent();
    }

    private void amendWithin(Transaction tx, Actor by, RequestRow current, Amended amended) {
        RequestRow row = store.lock(tx, current.id());
        scope.requireAgentOf(tx, by, row.holder());
        requireAmendable(row);
        if (!row.contentSha256().equals(current.contentSha256()) || row.state() != current.state()) {
            throw new ConflictException(
                    "RELEASE_CHANGED", row.reference() + " changed meanwhile; read it again and amend that");
        }
        List<Approval> voided = store.voidApprovals(tx, row.id(), by.name());
        if (row.holdId().isPresent()) {
            holds.voidHold(tx, row, row.holdId().get(), by);
            store.setHold(tx, row.id(), null, null);
        }
        store.amend(tx, amended.row());
        for (ReleaseStore.NewDocument document : amended.changed().contains("documents")
                ? amended.checked().documents()
                : List.<ReleaseStore.NewDocument>of()) {
            store.insertDocument(tx, row.id(), document);
        }
        List<PartyChecks.Finding> findings = amended.verdict().findings();
        int superseded = supersedeGone(tx, row.id(), findings);
        if (rejectedForParty(row) && trueMatchStands(tx, row.id()).isPresent()) {
            // Rolls the whole amendment back: a rejected request reopens only without its blocked party.
            throw new ConflictException(
                    "BLOCKED_PARTY_KEPT",
                    row.reference() + " was rejected for a blocked party; the amendment must replace that party");
        }
        int opened = hits.queue(tx, row, findings);
        String detail = detail(by, amended, voided);
        store.move(tx, row, RequestState.IN_REVIEW, Optional.of(AMENDED), detail, by.name(), by.role());
        Optional<String> held = amended.verdict().reason().or(() -> trueMatchStands(tx, row.id()));
        if (held.isPresent()) {
            store.move(tx, row, RequestState.HELD, held, "after the amendment", by.name(), by.role());
        }
        audit.append(tx, amendedEvent(by, row, amended, voided, opened, superseded, held));
    }

    /** Marks the request's hits whose finding screening no longer makes as no longer bearing on it. */
    private int supersedeGone(Transaction tx, UUID requestId, List<PartyChecks.Finding> findings) {
        int superseded = 0;
        for (ScreeningHit hit : hitStore.hitsOf(tx, requestId)) {
            if (!hit.superseded() && findings.stream().noneMatch(finding -> HitQueue.sameFinding(hit, finding))) {
                hitStore.supersede(tx, hit.id());
                superseded++;
            }
        }
        return superseded;
    }

    /** A TRUE_MATCH on a party the amendment kept: the request waits for that party's replacement. */
    private Optional<String> trueMatchStands(Transaction tx, UUID requestId) {
        boolean blocked = hitStore.hitsOf(tx, requestId).stream()
                .anyMatch(hit -> !hit.superseded() && hit.state().equals(HitState.TRUE_MATCH.name()));
        return blocked ? Optional.of(ReleaseReason.PARTY_REPLACEMENT_REQUIRED.name()) : Optional.empty();
    }

    /** Who amended what and why, and which approvals fell: the transition's detail. */
    private static String detail(Actor by, Amended amended, List<Approval> voided) {
        String approvals = voided.isEmpty()
                ? "no approval to void"
                : "approvals voided: "
                        + voided.stream()
                                .map(approval -> approval.step() + " (" + approval.actor() + ")")
                                .collect(Collectors.joining(", "));
        return "amended by " + by.name() + ": " + amended.note() + "; changed: " + String.join(", ", amended.changed())
                + "; " + approvals + "; parties screened again";
    }

    private static AuditEvent amendedEvent(
            Actor by,
            RequestRow row,
            Amended amended,
            List<Approval> voided,
            int opened,
            int superseded,
            Optional<String> held) {
        List<String> voidedSteps = new ArrayList<>();
        voided.forEach(approval -> voidedSteps.add(approval.step() + ":" + approval.actor()));
        return new AuditEvent(
                by,
                "RELEASE_AMENDED",
                "release:" + row.reference(),
                CanonicalJson.fields(
                        "changed", amended.changed(),
                        "note", amended.note(),
                        "content_sha256", amended.row().contentSha256()),
                CanonicalJson.fields(
                        "amount", amended.row().amount().toDecimalString(),
                        "steps",
                                amended.row().requiredSteps().stream()
                                        .map(Enum::name)
                                        .toList(),
                        "approvals_voided", voidedSteps,
                        "hold_voided", row.holdId().map(UUID::toString).orElse(""),
                        "hits_opened", opened,
                        "hits_superseded", superseded,
                        "held", held.orElse("")),
                amended.verdict().versions());
    }
}
