package org.corridor.release;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.corridor.NotFoundException;
import org.corridor.authorisation.Authorisations;
import org.corridor.authorisation.CoverageReason;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.report.ReleaseRecords;
import org.corridor.transaction.Transaction;
import org.corridor.transaction.Transactions;

/**
 * The reports' port answered from the release tables. States "as of a date" are replayed from the
 * transition history (the request row only knows where it stands now), so a past date shows what
 * was held or waiting at the end of that business date in the channel's zone. The port's records
 * are the reports' own shapes (the report feature knows nothing of releases), so each is derived
 * here from the release rows. Thread-safe: every call reads on a connection of its own.
 */
final class ReleaseReportRecords implements ReleaseRecords {

    /** FR-19 refusals at submission: reportable attempts with no hit behind them (RPT-5). */
    private static final List<String> REFUSALS =
            List.of(ReleaseReason.VENDOR_IS_HOLDER.name(), ReleaseReason.VENDOR_IN_SANCTIONED_COUNTRY.name());

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Transactions transactions;
    private final ReleaseStore store;
    private final HitStore hits;
    private final ReleaseHistoryStore history;
    private final Authorisations authorisations;
    private final ReportFilingStore filings;
    private final ZoneId zone;

    ReleaseReportRecords(
            Transactions transactions,
            ReleaseStore store,
            HitStore hits,
            ReleaseHistoryStore history,
            Authorisations authorisations,
            ReportFilingStore filings,
            ZoneId zone) {
        this.filings = filings;
        this.transactions = transactions;
        this.store = store;
        this.hits = hits;
        this.history = history;
        this.authorisations = authorisations;
        this.zone = zone;
    }

    @Override
    public List<HeldAmount> heldAsOf(LocalDate date) {
        Instant end = endOf(date);
        return transactions.read(tx -> {
            List<HeldAmount> held = new ArrayList<>();
            for (Standing request : standingAt(tx, end)) {
                RequestRow row = request.row();
                if (request.state() == RequestState.HELD) {
                    String reason = heldReason(request.last().reason().orElse(""));
                    held.add(new HeldAmount(
                            row.reference(), reason, row.amount(), holdBegan(request.history(), reason)));
                } else if (request.state() == RequestState.IN_REVIEW) {
                    // The bank's steps are done and the ledger hold is placed: the money waits for the Authority.
                    awaitingAuthority(row, store.approvals(tx, row.id()), end)
                            .ifPresent(since -> held.add(new HeldAmount(
                                    row.reference(), "PENDING_AUTHORITY_APPROVAL", row.amount(), since)));
                }
            }
            return List.copyOf(held);
        });
    }

    @Override
    public List<Disbursement> disbursements(LocalDate from, LocalDate to) {
        return transactions.read(tx -> history.executionsBetween(tx, from, to).stream()
                .map(executed -> {
                    RequestRow row = store.request(tx, executed.requestId()).orElseThrow();
                    return disbursement(row, executed.execution(), store.approvals(tx, row.id()));
                })
                .toList());
    }

    @Override
    public List<ReleaseRecords.ScreeningHit> hits(LocalDate from, LocalDate to) {
        return transactions.read(tx -> {
            Map<UUID, Boolean> open = new LinkedHashMap<>();
            return history.hitsOpenedBetween(tx, startOf(from), endOf(to)).stream()
                    .map(hit -> {
                        boolean requestOpen = open.computeIfAbsent(
                                hit.requestId(),
                                id -> store.request(tx, id)
                                        .map(row -> row.state().open())
                                        .orElse(false));
                        // Only a hit that still bears on an open request can be acted on: a superseded
                        // one (its party replaced) raises no alert.
                        return hitRecord(hit, requestOpen && !hit.superseded());
                    })
                    .toList();
        });
    }

    @Override
    public List<RejectedEvent> rejections(LocalDate from, LocalDate to) {
        return transactions.read(tx -> rejections(tx, from, to));
    }

    /** The RPT-5 event {@code eventId} that happened by {@code today}, with its filing if recorded. */
    Optional<RejectedEvent> rejectionEvent(Transaction tx, String eventId, LocalDate today) {
        return rejections(tx, LocalDate.EPOCH, today).stream()
                .filter(event -> event.eventId().equals(eventId))
                .findFirst();
    }

    /** The RPT-5 events of {@code [from, to]}, each with the day its report was filed, if it was. */
    private List<RejectedEvent> rejections(Transaction tx, LocalDate from, LocalDate to) {
        List<RejectedEvent> events = new ArrayList<>();
        for (ReleaseHistoryStore.RejectionEvent event : history.rejectionsBetween(tx, from, to)) {
            RequestRow row = store.request(tx, event.requestId()).orElseThrow();
            Rejection rejection = event.rejection();
            // Money is refused only when the whole request was rejected; a replaced party moves nothing.
            Optional<Money> refused = row.state() == RequestState.REJECTED
                            && row.reason()
                                    .filter(ReleaseReason.PARTY_BLOCKED.name()::equals)
                                    .isPresent()
                    ? Optional.of(row.amount())
                    : Optional.empty();
            events.add(new RejectedEvent(
                    "REJ-" + event.id(),
                    rejection.requestReference(),
                    rejection.partyName(),
                    rejection.reason(),
                    refused,
                    rejection.occurredOn(),
                    rejection.reportDueOn(),
                    filedOn(tx, "REJ-" + event.id())));
        }
        for (ReleaseHistoryStore.RequestEvent refusal :
                history.rejectedBetween(tx, REFUSALS, startOf(from), endOf(to))) {
            RequestRow row = refusal.request();
            LocalDate on = businessDate(refusal.at());
            events.add(new RejectedEvent(
                    "REQ-" + row.reference(),
                    row.reference(),
                    row.content().vendor().name(),
                    refusal.reason(),
                    Optional.of(row.amount()),
                    on,
                    ReleaseClock.plusBusinessDays(on, Releases.REPORT_DUE_BUSINESS_DAYS),
                    filedOn(tx, "REQ-" + row.reference())));
        }
        events.sort(Comparator.comparing(RejectedEvent::occurredOn).thenComparing(RejectedEvent::eventId));
        return List.copyOf(events);
    }

    private Optional<LocalDate> filedOn(Transaction tx, String eventId) {
        return filings.find(tx, eventId).map(ReportFiling::filedOn);
    }

    @Override
    public List<ReleaseRecords.FollowUp> followUpsAsOf(LocalDate date) {
        return transactions.read(tx -> history.followUpsExecutedBy(tx, date).stream()
                .map(followUp -> new ReleaseRecords.FollowUp(
                        followUp.requestReference(), followUp.kind(), followUp.dueOn(), followUp.receivedOn()))
                .toList());
    }

    @Override
    public List<PriorApproval> priorApprovals(LocalDate from, LocalDate to) {
        return transactions.read(tx -> {
            List<PriorApproval> requests = new ArrayList<>();
            for (RequestRow row : history.requestsRequiring(tx, ApprovalStep.AUTHORITY)) {
                List<Approval> approvals = store.approvals(tx, row.id());
                Optional<Instant> sent = bankStepsCompleted(row, approvals);
                if (sent.isEmpty()) {
                    continue;
                }
                LocalDate sentOn = businessDate(sent.get());
                if (sentOn.isBefore(from) || sentOn.isAfter(to)) {
                    continue;
                }
                Optional<Approval> answer = approvals.stream()
                        .filter(approval -> approval.step().equals(ApprovalStep.AUTHORITY.name()))
                        .findFirst();
                String status = answer.isPresent()
                        ? "NO_OBJECTION"
                        : row.state() == RequestState.REJECTED ? "WITHDRAWN" : "SENT";
                requests.add(new PriorApproval(
                        row.reference(),
                        "PRIOR_APPROVAL",
                        authority(row),
                        sentOn,
                        row.amount(),
                        status,
                        answer.flatMap(Approval::reference),
                        answer.map(approval -> businessDate(approval.at()))));
            }
            return List.copyOf(requests);
        });
    }

    @Override
    public List<PendingRequest> pendingAsOf(LocalDate date) {
        Instant end = endOf(date);
        return transactions.read(tx -> {
            List<PendingRequest> pending = new ArrayList<>();
            for (Standing request : standingAt(tx, end)) {
                RequestRow row = request.row();
                RequestState state = request.state();
                if (!state.open()) {
                    continue;
                }
                LocalDate entered = businessDate(request.last().at());
                switch (state) {
                    case HELD -> {
                        String reason = heldReason(request.last().reason().orElse(""));
                        pending.add(new PendingRequest(
                                row.reference(), reason, holdBegan(request.history(), reason), row.amount()));
                    }
                    case APPROVED, SCHEDULED ->
                        pending.add(new PendingRequest(row.reference(), "EXECUTION", entered, row.amount()));
                    case RETURNED ->
                        pending.add(new PendingRequest(row.reference(), "RETURNED", entered, row.amount()));
                    case IN_REVIEW ->
                        pending.add(
                                inReview(row, entered, hits.hitsOf(tx, row.id()), store.approvals(tx, row.id()), end));
                    default -> pending.add(new PendingRequest(row.reference(), "SCREENING", entered, row.amount()));
                }
            }
            return List.copyOf(pending);
        });
    }

    /** A request as it stood at a moment: its row and the transitions it had made by then (at least one). */
    private record Standing(RequestRow row, List<Transition> history) {

        Transition last() {
            return history.get(history.size() - 1);
        }

        RequestState state() {
            return RequestState.valueOf(last().to());
        }
    }

    /** The requests submitted before {@code end} that had made a transition by then, in submission order. */
    private List<Standing> standingAt(Transaction tx, Instant end) {
        Map<UUID, List<Transition>> histories = new LinkedHashMap<>();
        for (ReleaseHistoryStore.RequestTransition transition : history.transitionsBefore(tx, end)) {
            histories
                    .computeIfAbsent(transition.requestId(), id -> new ArrayList<>())
                    .add(transition.transition());
        }
        return history.requestsSubmittedBefore(tx, end).stream()
                .filter(row -> histories.containsKey(row.id()))
                .map(row -> new Standing(row, histories.get(row.id())))
                .toList();
    }

    /** Where a request IN_REVIEW at {@code end} waits: its hits, or the next step of its chain. */
    private PendingRequest inReview(
            RequestRow row,
            LocalDate entered,
            List<org.corridor.release.ScreeningHit> hits,
            List<Approval> approvals,
            Instant end) {
        boolean unresolved = hits.stream().anyMatch(hit -> unresolvedAt(hit, end));
        if (unresolved) {
            return new PendingRequest(row.reference(), "SCREENING", entered, row.amount());
        }
        List<Approval> taken = approvals.stream()
                .filter(approval -> approval.at().isBefore(end))
                .toList();
        Set<String> done = taken.stream().map(Approval::step).collect(Collectors.toSet());
        String stage = row.requiredSteps().stream()
                .filter(step -> !done.contains(step.name()))
                .findFirst()
                .map(step -> switch (step) {
                    case MAKER, COMPLIANCE -> "COMPLIANCE_REVIEW";
                    case SENIOR_COMPLIANCE -> "SENIOR_APPROVAL";
                    case AUTHORITY -> "AUTHORITY_APPROVAL";
                })
                .orElse("EXECUTION");
        LocalDate since = taken.stream()
                .map(approval -> businessDate(approval.at()))
                .filter(on -> on.isAfter(entered))
                .max(Comparator.naturalOrder())
                .orElse(entered);
        return new PendingRequest(row.reference(), stage, since, row.amount());
    }

    /** True when the hit still stood between the request and its approval at {@code end}. */
    private static boolean unresolvedAt(org.corridor.release.ScreeningHit hit, Instant end) {
        if (hit.superseded() || !hit.openedAt().isBefore(end)) {
            return false;
        }
        if (hit.state().equals(HitState.OPEN.name()) || hit.state().equals(HitState.ESCALATED.name())) {
            return true;
        }
        return decidedAt(hit).map(at -> !at.isBefore(end)).orElse(true);
    }

    private static Optional<Instant> decidedAt(org.corridor.release.ScreeningHit hit) {
        if (hit.state().equals(HitState.OPEN.name())) {
            return Optional.empty();
        }
        return hit.secondAt().or(hit::firstAt);
    }

    /** The business date the bank's last internal step was taken, when all were taken before {@code end}. */
    private Optional<LocalDate> awaitingAuthority(RequestRow row, List<Approval> approvals, Instant end) {
        if (!row.requiredSteps().contains(ApprovalStep.AUTHORITY)) {
            return Optional.empty();
        }
        List<Approval> taken = approvals.stream()
                .filter(approval -> approval.at().isBefore(end))
                .toList();
        if (taken.stream().anyMatch(approval -> approval.step().equals(ApprovalStep.AUTHORITY.name()))) {
            return Optional.empty();
        }
        return bankStepsCompleted(row, taken).map(this::businessDate);
    }

    /** When the last of the bank's own steps of the chain was taken, if all were. */
    private static Optional<Instant> bankStepsCompleted(RequestRow row, List<Approval> approvals) {
        Map<String, Instant> taken = new LinkedHashMap<>();
        approvals.forEach(approval -> taken.put(approval.step(), approval.at()));
        Instant last = Instant.MIN;
        for (ApprovalStep step : row.requiredSteps()) {
            if (!step.internal()) {
                continue;
            }
            Instant at = taken.get(step.name());
            if (at == null) {
                return Optional.empty();
            }
            last = at.isAfter(last) ? at : last;
        }
        return last.equals(Instant.MIN) ? Optional.empty() : Optional.of(last);
    }

    /**
     * The business date the current hold began: the first of the trailing HELD transitions whose
     * reason maps to the same report reason (a HELD to HELD move for another reason starts a new hold).
     */
    private LocalDate holdBegan(List<Transition> history, String reason) {
        Instant began = history.get(history.size() - 1).at();
        for (int i = history.size() - 1; i >= 0; i--) {
            Transition transition = history.get(i);
            if (!transition.to().equals(RequestState.HELD.name())
                    || !heldReason(transition.reason().orElse("")).equals(reason)) {
                break;
            }
            began = transition.at();
        }
        return businessDate(began);
    }

    /** RPT-2's reasons: the authorisation's coverage reasons are a gap, except the Authority's missing approval. */
    static String heldReason(String reason) {
        if (reason.equals(CoverageReason.PRIOR_APPROVAL_MISSING.name())) {
            return "PENDING_AUTHORITY_APPROVAL";
        }
        for (CoverageReason coverage : CoverageReason.values()) {
            if (coverage.name().equals(reason)) {
                return "AUTHORISATION_GAP";
            }
        }
        if (reason.equals(ReleaseReason.SCREENING_HIT_OPEN.name())
                || reason.equals(ReleaseReason.PARTY_REPLACEMENT_REQUIRED.name())) {
            return "SCREENING";
        }
        if (reason.equals(ReleaseReason.SPECIFIC_LICENCE_REQUIRED.name())) {
            return "SPECIFIC_LICENCE";
        }
        if (reason.contains("DOCUMENT")) {
            return "DOCUMENTS";
        }
        return reason.isEmpty() ? "UNSPECIFIED" : reason;
    }

    private ReleaseRecords.ScreeningHit hitRecord(org.corridor.release.ScreeningHit hit, boolean requestOpen) {
        boolean decided = !hit.state().equals(HitState.OPEN.name());
        String rationale = hit.secondRationale().or(hit::firstRationale).orElse("");
        return new ReleaseRecords.ScreeningHit(
                hit.id().toString(),
                hit.requestReference(),
                hit.partyName(),
                listName(hit),
                hit.entityName(),
                new BigDecimal(hit.score()),
                hit.firstBy(),
                hit.secondBy(),
                decided ? Optional.of(hit.state()) : Optional.empty(),
                rationale,
                hit.openedAt(),
                decidedAt(hit),
                requestOpen);
    }

    private static String listName(org.corridor.release.ScreeningHit hit) {
        return switch (hit.source()) {
            case "OWNERSHIP" -> "50 Percent Rule";
            case "VESSEL" -> "Vessel risk";
            default -> {
                int colon = hit.entityKey().indexOf(':');
                yield colon > 0 ? hit.entityKey().substring(0, colon) : hit.entityKey();
            }
        };
    }

    private Disbursement disbursement(RequestRow row, Execution execution, List<Approval> approvals) {
        NewRequest content = row.content();
        Currency currency = Currency.of(row.currency());
        Set<String> removed = new LinkedHashSet<>();
        row.lines().removed().forEach(part -> removed.add(part.line() + "/" + part.endUserType()));
        Set<String> lineNumbers = new LinkedHashSet<>();
        row.lines().lines().forEach(line -> lineNumbers.add(line.line()));
        // End users of this part: the end uses of its lines, less the parts eligibility removed.
        Map<String, String> endUsers = new LinkedHashMap<>();
        for (NewRequest.LineInput line : content.lines()) {
            if (!lineNumbers.contains(line.line())) {
                continue;
            }
            for (NewRequest.EndUseInput use : line.endUses()) {
                if (!removed.contains(line.line() + "/" + use.type())) {
                    endUsers.putIfAbsent(use.endUser(), use.type());
                }
            }
        }
        String endUser = endUsers.isEmpty()
                ? content.endUsers().stream().map(NewRequest.PartyInput::name).collect(Collectors.joining("; "))
                : String.join("; ", endUsers.keySet());
        String endUserType = String.join("; ", new LinkedHashSet<>(endUsers.values()));
        List<GoodsLine> lines = row.lines().lines().stream()
                .map(line -> new GoodsLine(
                        line.description(),
                        line.hsCode(),
                        line.category(),
                        line.quantity(),
                        money(line.unitPrice(), currency),
                        money(line.amount(), currency)))
                .toList();
        return new Disbursement(
                row.reference(),
                execution.valueDate(),
                content.payFrom(),
                content.vendor().name(),
                content.vendor().country(),
                content.vendorAccount().bankName(),
                content.purchaser().name(),
                endUser,
                endUserType,
                lines,
                row.amount(),
                execution.authorisation(),
                execution.priorApproval(),
                approvals.stream().map(this::approvalText).collect(Collectors.joining("; ")),
                shipment(content));
    }

    private String approvalText(Approval approval) {
        String step = approval.step().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        String when = MINUTE.format(approval.at().atZone(zone));
        return approval.reference()
                .map(reference -> step + " " + reference + " recorded by " + approval.actor() + " " + when)
                .orElse(step + " " + approval.actor() + " " + when);
    }

    private static String shipment(NewRequest content) {
        NewRequest.ShipmentInput shipment = content.shipment();
        StringBuilder text = new StringBuilder(shipment.carrier());
        shipment.vesselName().ifPresent(name -> text.append(", vessel ").append(name));
        shipment.vesselImo().ifPresent(imo -> text.append(" (IMO ").append(imo).append(')'));
        text.append(", ")
                .append(shipment.portOfLoading())
                .append(" to ")
                .append(shipment.portOfDischarge())
                .append(", ")
                .append(content.incoterm());
        content.forwarder().ifPresent(forwarder -> text.append("; forwarder ").append(forwarder.name()));
        return text.toString();
    }

    /** Who the prior-approval request went to: the issuer of the authorisation the hold was placed under. */
    private String authority(RequestRow row) {
        return row.holdAuthorisation()
                .flatMap(reference -> {
                    try {
                        return Optional.of(authorisations.byReference(reference).issuer());
                    } catch (NotFoundException e) {
                        return Optional.empty();
                    }
                })
                .orElse("Authority");
    }

    /** A stored decimal in the currency's minor unit; prices finer than it are rounded half-even, as amounts are. */
    private static Money money(String decimal, Currency currency) {
        BigDecimal minor = new BigDecimal(decimal).movePointRight(currency.exponent());
        return Money.ofMinor(minor.setScale(0, RoundingMode.HALF_EVEN).longValueExact(), currency);
    }

    private LocalDate businessDate(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    private Instant startOf(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }

    private Instant endOf(LocalDate date) {
        return startOf(date.plusDays(1));
    }
}
