package org.corridor.release;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.corridor.ConflictException;
import org.corridor.DomainException;
import org.corridor.ForbiddenException;
import org.corridor.InvalidInputException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditLog;
import org.corridor.audit.CanonicalJson;
import org.corridor.audit.Hashing;
import org.corridor.authorisation.Authorisation;
import org.corridor.authorisation.Authorisations;
import org.corridor.authorisation.Coverage;
import org.corridor.authorisation.CoverageReason;
import org.corridor.authorisation.Movement;
import org.corridor.authorisation.UsageOutcome;
import org.corridor.ledger.HoldState;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.NewTransfer;
import org.corridor.ledger.TransferOutcome;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.payments.Pacs008;
import org.corridor.settlement.ConsumptionKind;
import org.corridor.settlement.Settlement;
import org.corridor.transaction.Transaction;
import org.corridor.transaction.Transactions;

/**
 * Execution of an approved request on its value date (FR-29). Money moves under the rules of the day
 * it moves: a value date after today schedules the execution (SCHEDULED, with who asked), and the
 * execution itself happens only on its value date, today in the channel's zone. It re-screens the
 * parties, re-checks the authorisation in force today (FR-2), posts the hold (placing a new one under
 * the covering authorisation if the first expired), consumes the account's lots FIFO, records the
 * authorisation's usage and produces the pacs.008, all in one unit of work. Any failure leaves the
 * request HELD with its reason and nothing moved; held for funds or a cap, it gives its hold back at
 * once. Executing again returns the one execution. Thread-safe.
 */
final class Executions {

    /** What execution pays under: the covering authorisation, the Authority's reference and the movement. */
    private record Terms(Authorisation authorisation, Optional<String> priorApproval, Movement movement) {}

    /** The ledger transfers that paid: the hold and the posting of it. */
    private record Paid(UUID holdId, UUID postId) {}

    private final Transactions transactions;
    private final ReleaseStore store;
    private final HitQueue hits;
    private final PartyChecks parties;
    private final Holds holds;
    private final ReleaseQueries queries;
    private final AuditLog audit;
    private final Authorisations authorisations;
    private final Ledger ledger;
    private final Settlement settlement;
    private final ReleaseClock clock;
    private final ScheduleStore schedules;
    private final FollowUpDeadlines followUps;

    Executions(
            Transactions transactions,
            ReleaseStore store,
            HitQueue hits,
            PartyChecks parties,
            Holds holds,
            ReleaseQueries queries,
            AuditLog audit,
            Authorisations authorisations,
            Ledger ledger,
            Settlement settlement,
            ReleaseClock clock,
            ScheduleStore schedules,
            FollowUpDeadlines followUps) {
        this.transactions = transactions;
        this.store = store;
        this.hits = hits;
        this.parties = parties;
        this.holds = holds;
        this.queries = queries;
        this.audit = audit;
        this.authorisations = authorisations;
        this.ledger = ledger;
        this.settlement = settlement;
        this.clock = clock;
        this.schedules = schedules;
        this.followUps = followUps;
    }

    Release execute(Actor by, UUID id, LocalDate valueDate) {
        if (valueDate == null) {
            throw new InvalidInputException("FIELD_MISSING", "value_date is required");
        }
        RequestRow current = queries.row(id);
        if (current.state().paid()) {
            return queries.get(id);
        }
        LocalDate today = requireNotPast(valueDate);
        if (valueDate.isAfter(today)) {
            return schedule(by, id, valueDate);
        }
        requireExecutable(current, queries.approvals(id));
        requireAnotherPerson(current, queries.approvals(id), by);
        // Holds past their expiry are voided first, so that the ledger says plainly which hold stands.
        ledger.expireHolds();
        List<PartyChecks.Finding> findings =
                parties.screen(current.content(), valueDate, EnumSet.allOf(PartyRole.class));
        UUID outgoing = holds.outgoingAccount(current.currencyUnit());
        Optional<HoldState> holdState = current.holdId().flatMap(ledger::holdState);
        try {
            transactions.useTransaction(tx -> executeWithin(tx, by, id, valueDate, findings, outgoing, holdState));
        } catch (DomainException e) {
            // The unit of work rolled back whole; record why in one of its own.
            hold(by, id, ReleaseReason.POSTING_REFUSED.name(), e.code() + ": " + e.getMessage());
        }
        return queries.get(id);
    }

    /**
     * Schedules the execution of an approved request for {@code valueDate}: it waits in SCHEDULED and
     * is executed on that day, for the person who scheduled it and checked again as theirs, by
     * {@link ScheduledExecutions}. Nothing is posted now. Scheduling again moves the date.
     */
    Release schedule(Actor by, UUID id, LocalDate valueDate) {
        if (valueDate == null) {
            throw new InvalidInputException("FIELD_MISSING", "value_date is required");
        }
        requireNotPast(valueDate);
        transactions.useTransaction(tx -> {
            RequestRow row = store.lock(tx, id);
            List<Approval> approvals = store.approvals(tx, id);
            requireExecutable(row, approvals);
            requireAnotherPerson(row, approvals, by);
            schedules.schedule(tx, id, valueDate, by.name(), by.role());
            if (row.state() != RequestState.SCHEDULED) {
                store.move(
                        tx,
                        row,
                        RequestState.SCHEDULED,
                        Optional.empty(),
                        "value date " + valueDate,
                        by.name(),
                        by.role());
            }
            audit.append(
                    tx,
                    AuditEvent.of(
                            by,
                            "RELEASE_SCHEDULED",
                            "release:" + row.reference(),
                            CanonicalJson.fields("value_date", valueDate.toString()),
                            CanonicalJson.fields("state", RequestState.SCHEDULED.name())));
        });
        return queries.get(id);
    }

    /**
     * Today in the channel's zone, when {@code valueDate} is not before it.
     *
     * @throws InvalidInputException VALUE_DATE_IN_PAST
     */
    private LocalDate requireNotPast(LocalDate valueDate) {
        LocalDate today = clock.today();
        if (valueDate.isBefore(today)) {
            throw new InvalidInputException(
                    "VALUE_DATE_IN_PAST",
                    "a release executes today (" + today + " in " + clock.zone() + ") or later, not " + valueDate);
        }
        return today;
    }

    /** @throws ConflictException RELEASE_NOT_EXECUTABLE unless every step is taken and nothing holds it */
    private static void requireExecutable(RequestRow row, List<Approval> approvals) {
        boolean approved = row.requiredSteps().stream()
                .allMatch(step -> approvals.stream().anyMatch(a -> a.step().equals(step.name())));
        boolean executable = switch (row.state()) {
            case APPROVED, SCHEDULED -> true;
            case HELD ->
                approved && row.reason().filter(ReleaseReason::retriable).isPresent();
            default -> false;
        };
        if (!executable || !approved) {
            throw new ConflictException(
                    "RELEASE_NOT_EXECUTABLE",
                    row.reference() + " is " + row.state()
                            + row.reason().map(r -> " (" + r + ")").orElse("")
                            + "; only fully approved requests execute");
        }
    }

    /**
     * Segregation of duties at the last step: whoever submitted the request or made it (MAKER) does
     * not also pay it.
     *
     * @throws ForbiddenException SUBMITTER_DOES_NOT_EXECUTE, MAKER_DOES_NOT_EXECUTE
     */
    private static void requireAnotherPerson(RequestRow row, List<Approval> approvals, Actor by) {
        if (row.submittedBy().equals(by.name())) {
            throw ForbiddenException.rule(
                    "SUBMITTER_DOES_NOT_EXECUTE",
                    by.name() + " submitted " + row.reference() + "; execution needs another person");
        }
        boolean maker = approvals.stream()
                .anyMatch(approval -> approval.step().equals(ApprovalStep.MAKER.name())
                        && approval.actor().equals(by.name()));
        if (maker) {
            throw ForbiddenException.rule(
                    "MAKER_DOES_NOT_EXECUTE",
                    by.name() + " took MAKER on " + row.reference() + "; execution needs another person");
        }
    }

    /** The checks on the value date, then the payment; a check that fails holds the request instead. */
    private void executeWithin(
            Transaction tx,
            Actor by,
            UUID id,
            LocalDate valueDate,
            List<PartyChecks.Finding> findings,
            UUID outgoing,
            Optional<HoldState> holdState) {
        RequestRow row = store.lock(tx, id);
        if (row.state().paid()) {
            return;
        }
        List<Approval> approvals = store.approvals(tx, id);
        requireExecutable(row, approvals);
        requireAnotherPerson(row, approvals, by);
        Map<String, String> versions = PartyChecks.versions(findings);
        int opened = hits.queue(tx, row, findings);
        if (hits.unresolved(tx, id)) {
            held(tx, row, by, ReleaseReason.SCREENING_HIT_OPEN.name(), opened + " new hit(s) at execution", versions);
            return;
        }
        Optional<String> priorApproval = Holds.priorApproval(row, approvals);
        // The ledger moves the money now: the authorisation must be in force today, whatever the
        // value date says (execute() lets only today's value date through).
        LocalDate today = clock.today();
        Movement movement = holds.movement(row, priorApproval, today);
        Coverage coverage = authorisations.coverage(tx, movement);
        if (coverage instanceof Coverage.NotCovered notCovered) {
            held(tx, row, by, notCovered.primary().name(), "re-check on " + today, versions);
            return;
        }
        Authorisation authorisation = ((Coverage.Covered) coverage).primary().authorisation();
        Currency currency = row.currencyUnit();
        if (authorisation.prohibitedCurrencies().contains(currency)) {
            held(tx, row, by, CoverageReason.CURRENCY_PROHIBITED.name(), currency.code(), versions);
            return;
        }
        Optional<ReleaseStore.PayingAccount> paying = store.payingAccount(tx, row.accountId());
        if (paying.isEmpty()) {
            held(tx, row, by, ReleaseReason.PAYING_ACCOUNT_UNKNOWN.name(), "no IBAN for the paying account", versions);
            return;
        }
        Terms terms = new Terms(authorisation, priorApproval, movement);
        boolean holdStands = row.holdId().isPresent()
                && holdState.filter(HoldState.PENDING::equals).isPresent();
        Optional<Paid> paid = post(tx, by, row, terms, outgoing, holdStands, versions);
        if (paid.isPresent()) {
            record(tx, by, row, terms, paid.get(), paying.get(), valueDate, versions);
        }
    }

    /**
     * Posts the hold, placing a new one first if the standing hold ended with its authorisation.
     * Empty when the ledger refused: the request is then held with the ledger's reason.
     */
    private Optional<Paid> post(
            Transaction tx,
            Actor by,
            RequestRow row,
            Terms terms,
            UUID outgoing,
            boolean holdStands,
            Map<String, String> versions) {
        List<NewTransfer> transfers = new ArrayList<>();
        UUID holdId;
        if (holdStands) {
            holdId = row.holdId().orElseThrow();
        } else {
            // The first hold ended with its authorisation: hold again under the one that covers today.
            NewTransfer hold =
                    holds.nextHold(tx, row, terms.authorisation(), outgoing).linkedToNext();
            holdId = hold.id();
            transfers.add(hold);
        }
        UUID postId = Holds.postId(holdId);
        Map<String, String> references = new TreeMap<>();
        references.put("release", row.reference());
        references.put("authorisation", terms.authorisation().reference());
        terms.priorApproval().ifPresent(reference -> references.put("prior_approval", reference));
        transfers.add(
                NewTransfer.postPending(postId, holdId, 0, row.currencyUnit()).withReferences(references));
        Optional<TransferOutcome> refused = ledger.post(tx, by, transfers).stream()
                .filter(outcome -> !outcome.succeeded())
                .findFirst();
        if (refused.isPresent()) {
            held(
                    tx,
                    row,
                    by,
                    Holds.refusal(refused.get()),
                    refused.get().result().name(),
                    versions);
            return Optional.empty();
        }
        return Optional.of(new Paid(holdId, postId));
    }

    /**
     * After the ledger posted: the lots consumed, the authorisation's usage, the pacs.008, the
     * execution and its follow-ups, the move to EXECUTED and the audit entry, last.
     */
    private void record(
            Transaction tx,
            Actor by,
            RequestRow row,
            Terms terms,
            Paid paid,
            ReleaseStore.PayingAccount paying,
            LocalDate valueDate,
            Map<String, String> versions) {
        Money amount = row.amount();
        String authorisation = terms.authorisation().reference();
        settlement
                .lots()
                .consume(tx, row.accountId(), amount, valueDate, ConsumptionKind.DISBURSEMENT, row.reference());
        UsageOutcome usage =
                authorisations.recordUsage(tx, terms.authorisation().id(), terms.movement());
        if (!(usage instanceof UsageOutcome.Recorded) && !(usage instanceof UsageOutcome.AlreadyRecorded)) {
            throw new ConflictException("AUTHORISATION_USAGE_REFUSED", "usage of " + authorisation + " refused");
        }
        Execution execution = execution(by, row, terms, paid, paying, valueDate);
        store.insertExecution(tx, row.id(), execution);
        store.setHold(tx, row.id(), paid.holdId(), authorisation);
        followUps.days().forEach((kind, days) -> store.insertFollowUp(tx, row.id(), kind, valueDate.plusDays(days)));
        String detail =
                "paid " + amount.toDecimalString() + " " + amount.currency().code() + " under " + authorisation;
        store.move(tx, row, RequestState.EXECUTED, Optional.empty(), detail, by.name(), by.role());
        versions.put("authorisation", authorisation);
        audit.append(tx, executed(by, row, execution, versions));
    }

    /** The execution with its pacs.008, from the paying account's bank details to the vendor. */
    private Execution execution(
            Actor by, RequestRow row, Terms terms, Paid paid, ReleaseStore.PayingAccount paying, LocalDate valueDate) {
        Instant now = clock.now();
        String authorisation = terms.authorisation().reference();
        String xml = Pacs008.write(PaymentInstructions.of(
                row,
                authorisation,
                terms.priorApproval(),
                paying,
                settlement.accounts().get(row.accountId()),
                valueDate,
                now));
        return new Execution(
                valueDate,
                paid.holdId(),
                paid.postId(),
                authorisation,
                terms.priorApproval(),
                PaymentInstructions.messageId(row, valueDate),
                PaymentInstructions.uetr(row),
                xml,
                by.name(),
                now);
    }

    private static AuditEvent executed(Actor by, RequestRow row, Execution execution, Map<String, String> versions) {
        Money amount = row.amount();
        return new AuditEvent(
                by,
                "RELEASE_EXECUTED",
                "release:" + row.reference(),
                CanonicalJson.fields("value_date", execution.valueDate().toString()),
                CanonicalJson.fields(
                        "amount", amount.toDecimalString(),
                        "currency", amount.currency().code(),
                        "authorisation", execution.authorisation(),
                        "prior_approval", execution.priorApproval().orElse(""),
                        "hold", execution.holdId().toString(),
                        "post", execution.postId().toString(),
                        "message_id", execution.messageId(),
                        "pacs008_sha256", Hashing.sha256Hex(execution.pacs008())),
                versions);
    }

    /**
     * Moves the request to HELD for {@code reason}, with its audit entry. Held for funds or a cap, it
     * gives its hold back at once rather than keep it to the authorisation's end; {@link HoldRetries}
     * asks again when it may succeed.
     */
    private void held(
            Transaction tx, RequestRow row, Actor by, String reason, String detail, Map<String, String> versions) {
        if (HoldRetries.REASONS.contains(reason)) {
            holds.giveBack(tx, row, by);
        }
        store.move(tx, row, RequestState.HELD, Optional.of(reason), detail, by.name(), by.role());
        audit.append(
                tx,
                new AuditEvent(
                        by,
                        "RELEASE_HELD",
                        "release:" + row.reference(),
                        CanonicalJson.fields("detail", detail),
                        CanonicalJson.fields(
                                "reason", reason, "amount", row.amount().toDecimalString()),
                        versions));
    }

    /** Holds the request in a unit of work of its own, after the execution's rolled back. */
    void hold(Actor by, UUID id, String reason, String detail) {
        transactions.useTransaction(tx -> {
            RequestRow row = store.lock(tx, id);
            if (row.state().canMoveTo(RequestState.HELD)) {
                held(tx, row, by, reason, detail, Map.of());
            }
        });
    }
}
