package org.corridor.release;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.corridor.ConflictException;
import org.corridor.ForbiddenException;
import org.corridor.InvalidInputException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditLog;
import org.corridor.audit.CanonicalJson;
import org.corridor.authorisation.Authorisation;
import org.corridor.authorisation.Authorisations;
import org.corridor.authorisation.Coverage;
import org.corridor.identity.FourEyes;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.NewTransfer;
import org.corridor.ledger.TransferOutcome;
import org.corridor.transaction.Transaction;
import org.corridor.transaction.Transactions;

/**
 * The approval chain (FR-28) and what an approver decides besides: steps taken in order with four
 * eyes, the ledger hold placed once the bank's own steps are complete, and a rejection of a live
 * request. Thread-safe.
 */
final class Approvals {

    private final Transactions transactions;
    private final ReleaseStore store;
    private final HitQueue hits;
    private final Holds holds;
    private final ReleaseQueries queries;
    private final AuditLog audit;
    private final Authorisations authorisations;
    private final Ledger ledger;
    private final ReleaseClock clock;

    Approvals(
            Transactions transactions,
            ReleaseStore store,
            HitQueue hits,
            Holds holds,
            ReleaseQueries queries,
            AuditLog audit,
            Authorisations authorisations,
            Ledger ledger,
            ReleaseClock clock) {
        this.transactions = transactions;
        this.store = store;
        this.hits = hits;
        this.holds = holds;
        this.queries = queries;
        this.audit = audit;
        this.authorisations = authorisations;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Takes a step of the request's approval chain, in order; nobody takes two steps nor approves a
     * request they submitted, and no step is taken while hits are unresolved. When the bank's own
     * steps are complete, the request's amount is held on its restricted account until no later than
     * the end of the covering authorisation; when every step is taken it is APPROVED.
     */
    Release approve(Actor by, UUID id, Releases.ApprovalInput input) {
        if (input == null) {
            throw new InvalidInputException("BODY_MISSING", "an approval is required");
        }
        ApprovalStep step = RequestChecks.choice(ApprovalStep.class, input.step(), "APPROVAL_STEP_INVALID");
        if (!step.takenBy(by)) {
            throw new ForbiddenException(
                    "APPROVAL_ROLE_REQUIRED",
                    step + " is taken by " + step.takers() + "; " + by.name() + " acts as "
                            + String.join(", ", by.roles()));
        }
        Optional<String> reference = RequestChecks.optional(input.reference());
        if (step == ApprovalStep.AUTHORITY && reference.isEmpty()) {
            throw new InvalidInputException(
                    "APPROVAL_REFERENCE_REQUIRED", "the Authority's step records its approval reference");
        }
        String note = RequestChecks.optional(input.note()).orElse("");
        UUID outgoing = holds.outgoingAccount(queries.row(id).currencyUnit());
        LocalDate today = clock.today();
        transactions.useTransaction(tx -> {
            RequestRow row = store.lock(tx, id);
            List<Approval> approvals = store.approvals(tx, id);
            requireStepAllowed(tx, row, approvals, step, by);
            store.insertApproval(tx, id, step, by.name(), by.role(), reference, note);
            List<String> taken =
                    new ArrayList<>(approvals.stream().map(Approval::step).toList());
            taken.add(step.name());
            boolean bankDone = row.requiredSteps().stream()
                    .filter(ApprovalStep::internal)
                    .allMatch(required -> taken.contains(required.name()));
            Optional<String> held = Optional.empty();
            if (bankDone && row.holdId().isEmpty()) {
                Optional<String> priorApproval = Holds.priorApproval(row, store.approvals(tx, id));
                held = placeHold(tx, row, today, priorApproval, outgoing, by);
            }
            boolean all = row.requiredSteps().stream().allMatch(required -> taken.contains(required.name()));
            if (all) {
                requirePayingAccount(tx, row);
            }
            if (held.isPresent()) {
                move(tx, row, RequestState.HELD, held, "at approval", by);
            } else if (all) {
                move(tx, row, RequestState.APPROVED, Optional.empty(), "approval chain complete", by);
            } else if (row.state() == RequestState.HELD) {
                move(tx, row, RequestState.IN_REVIEW, Optional.empty(), "approval resumed", by);
            }
            audit.append(
                    tx,
                    AuditEvent.of(
                            by,
                            "RELEASE_APPROVAL_STEP",
                            "release:" + row.reference(),
                            CanonicalJson.fields("step", step.name(), "reference", reference.orElse(""), "note", note),
                            CanonicalJson.fields("complete", all, "held", held.orElse(""))));
        });
        return queries.get(id);
    }

    /**
     * Refuses the last step of the chain while the paying account's bank details are unknown: an
     * APPROVED request must be executable, not held at execution for a step no flow mentions.
     */
    private void requirePayingAccount(Transaction tx, RequestRow row) {
        if (store.payingAccount(tx, row.accountId()).isEmpty()) {
            String account = row.content().payFrom();
            throw new ConflictException(
                    "PAYING_ACCOUNT_UNKNOWN",
                    row.reference() + " pays from " + account + ", whose bank IBAN and BIC are not registered; an"
                            + " OPERATOR registers them (PUT /api/v1/release-paying-accounts {account: " + account
                            + ", iban, bic, name}) before the last step of the chain");
        }
    }

    /** Refuses a step the request's state, its chain, the four-eyes rule or its open hits do not allow. */
    private void requireStepAllowed(
            Transaction tx, RequestRow row, List<Approval> approvals, ApprovalStep step, Actor by) {
        // A request held for a reason time can cure (an authorisation gap, funds) resumes its chain:
        // the hold is placed, and coverage checked, again when the bank's steps are complete.
        boolean resumable = row.state() == RequestState.HELD
                && row.reason().filter(ReleaseReason::retriable).isPresent();
        if (row.state() != RequestState.IN_REVIEW && !resumable) {
            throw new ConflictException(
                    "RELEASE_NOT_IN_REVIEW", row.reference() + " is " + row.state() + ", not IN_REVIEW");
        }
        if (!row.requiredSteps().contains(step)) {
            throw new ConflictException("APPROVAL_STEP_NOT_REQUIRED", row.reference() + " does not need " + step);
        }
        List<String> taken = approvals.stream().map(Approval::step).toList();
        if (taken.contains(step.name())) {
            throw new ConflictException("APPROVAL_STEP_TAKEN", step + " is already taken on " + row.reference());
        }
        for (ApprovalStep earlier : row.requiredSteps()) {
            if (earlier == step) {
                break;
            }
            if (!taken.contains(earlier.name())) {
                throw new ConflictException("APPROVAL_OUT_OF_ORDER", earlier + " comes before " + step);
            }
        }
        // Four eyes all along the chain, on the person whatever role they act in: recording the
        // Authority's reference is a step too.
        submitterTakesNoStep(row, by, "its steps need other people");
        List<FourEyes.Step> steps = approvals.stream()
                .map(approval -> new FourEyes.Step(approval.step(), approval.actor()))
                .toList();
        FourEyes.oneStepEach(by, steps, row.reference()).require();
        if (hits.unresolved(tx, row.id())) {
            throw new ConflictException("HITS_UNRESOLVED", row.reference() + " has unresolved screening hits");
        }
    }

    /**
     * Places a new hold under the authorisation covering {@code on}; returns the reason when coverage
     * or the ledger refuses it. Each attempt has an id of its own.
     */
    Optional<String> placeHold(
            Transaction tx, RequestRow row, LocalDate on, Optional<String> priorApproval, UUID outgoing, Actor by) {
        Coverage coverage = authorisations.coverage(tx, holds.movement(row, priorApproval, on));
        if (coverage instanceof Coverage.NotCovered notCovered) {
            return Optional.of(notCovered.primary().name());
        }
        Authorisation authorisation = ((Coverage.Covered) coverage).primary().authorisation();
        NewTransfer hold = holds.nextHold(tx, row, authorisation, outgoing);
        TransferOutcome outcome = ledger.post(tx, by, List.of(hold)).get(0);
        if (!outcome.succeeded()) {
            return Optional.of(Holds.refusal(outcome));
        }
        store.setHold(tx, row.id(), hold.id(), authorisation.reference());
        return Optional.empty();
    }

    /**
     * An approver rejects a request that is still live: it becomes REJECTED with the rationale in its
     * transition, and the ledger hold placed at approval, if any, is voided in the same unit of work.
     */
    Release reject(Actor by, UUID id, Releases.RejectionInput input) {
        if (input == null) {
            throw new InvalidInputException("BODY_MISSING", "a rejection is required");
        }
        String rationale = Optional.ofNullable(input.reasonText())
                .map(String::strip)
                .filter(text -> !text.isEmpty())
                .orElseThrow(() -> new InvalidInputException("FIELD_MISSING", "reason_text is required"));
        if (!by.actsAs("APPROVER")) {
            throw new ForbiddenException("APPROVAL_ROLE_REQUIRED", "a request is rejected by an APPROVER");
        }
        transactions.useTransaction(tx -> {
            RequestRow row = store.lock(tx, id);
            if (!row.state().open() || !row.state().canMoveTo(RequestState.REJECTED)) {
                throw new ConflictException(
                        "RELEASE_STATE_CONFLICT", row.reference() + " is " + row.state() + " and cannot be rejected");
            }
            submitterTakesNoStep(row, by, "another person rejects it");
            row.holdId().ifPresent(hold -> holds.voidHold(tx, row, hold, by));
            move(tx, row, RequestState.REJECTED, Optional.of(Releases.REJECTED_BY_APPROVER), rationale, by);
            audit.append(
                    tx,
                    AuditEvent.of(
                            by,
                            "RELEASE_REJECTED",
                            "release:" + row.reference(),
                            CanonicalJson.fields("reason_text", rationale),
                            CanonicalJson.fields(
                                    "from", row.state().name(),
                                    "reason", Releases.REJECTED_BY_APPROVER,
                                    "hold_voided",
                                            row.holdId().map(UUID::toString).orElse(""))));
        });
        return queries.get(id);
    }

    private static void submitterTakesNoStep(RequestRow row, Actor by, String others) {
        FourEyes.notBroughtBy(
                        by,
                        Set.of(row.submittedBy()),
                        "SUBMITTER_TAKES_NO_STEP",
                        "submitted " + row.reference(),
                        others)
                .require();
    }

    private void move(
            Transaction tx, RequestRow row, RequestState to, Optional<String> reason, String detail, Actor by) {
        store.move(tx, row, to, reason, detail, by.name(), by.role());
    }
}
