package org.corridor.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.corridor.money.Money;

/**
 * What the reports need from the release feature (disbursement requests, their holds, screening
 * hits, rejections, follow-up documents and prior-approval requests). Reports and alerts render
 * whatever this port returns; until the release feature implements it and the composition root
 * passes that implementation to {@link Reports} (the lead wires it after the releases branch is
 * merged), {@link #NONE} answers empty lists and those sections show as empty tables. Money that
 * settlement itself moves (deposits, conversions, lot consumption by disbursements) never comes
 * through here. Implementations must be thread-safe and must never return null.
 */
public interface ReleaseRecords {

    /** No release data yet: every list is empty. */
    ReleaseRecords NONE = new ReleaseRecords() {
        @Override
        public List<HeldAmount> heldAsOf(LocalDate date) {
            return List.of();
        }

        @Override
        public List<Disbursement> disbursements(LocalDate from, LocalDate to) {
            return List.of();
        }

        @Override
        public List<ScreeningHit> hits(LocalDate from, LocalDate to) {
            return List.of();
        }

        @Override
        public List<RejectedEvent> rejections(LocalDate from, LocalDate to) {
            return List.of();
        }

        @Override
        public List<FollowUp> followUpsAsOf(LocalDate date) {
            return List.of();
        }

        @Override
        public List<PriorApproval> priorApprovals(LocalDate from, LocalDate to) {
            return List.of();
        }

        @Override
        public List<PendingRequest> pendingAsOf(LocalDate date) {
            return List.of();
        }
    };

    /** Amounts of requests held at the end of {@code date}, one per request and reason (RPT-2). */
    List<HeldAmount> heldAsOf(LocalDate date);

    /** Disbursements executed with a value date in {@code [from, to]} (RPT-1, RPT-7). */
    List<Disbursement> disbursements(LocalDate from, LocalDate to);

    /** Screening hits raised in {@code [from, to]}, decided or not (RPT-4, false-positive log, alerts). */
    List<ScreeningHit> hits(LocalDate from, LocalDate to);

    /** Blocked or rejected parties and transactions that occurred in {@code [from, to]} (RPT-5, RPT-1). */
    List<RejectedEvent> rejections(LocalDate from, LocalDate to);

    /** Post-payment documents due, received or not, for requests executed by {@code date} (RPT-8, alerts). */
    List<FollowUp> followUpsAsOf(LocalDate date);

    /** Prior-approval and pre-notification requests sent to the Authority in {@code [from, to]} (RPT-10). */
    List<PriorApproval> priorApprovals(LocalDate from, LocalDate to);

    /** Requests not yet executed or closed at the end of {@code date}, with the stage each waits in (alerts). */
    List<PendingRequest> pendingAsOf(LocalDate date);

    /**
     * Money of one request held for one reason.
     *
     * @param reason one of {@code AUTHORISATION_GAP}, {@code PENDING_AUTHORITY_APPROVAL}, {@code SCREENING},
     *     {@code DOCUMENTS}, {@code SPECIFIC_LICENCE}, or another UPPER_SNAKE reason shown as it is
     * @param since the business date the hold began
     */
    record HeldAmount(String requestId, String reason, Money amount, LocalDate since) {}

    /**
     * One executed disbursement with its goods lines and parties.
     *
     * @param endUserType such as HOSPITAL, DISTRIBUTOR (the authorisation feature's end-user types)
     * @param approvals who approved, in order, e.g. "maker olga 2024-07-08; checker rita 2024-07-08"
     * @param shipment carrier, vessel or flight and B/L, as text
     */
    record Disbursement(
            String requestId,
            LocalDate valueDate,
            String sourceAccount,
            String vendor,
            String vendorCountry,
            String vendorBank,
            String purchaser,
            String endUser,
            String endUserType,
            List<GoodsLine> lines,
            Money amount,
            String authorisationReference,
            Optional<String> approvalReference,
            String approvals,
            String shipment) {
        public Disbursement {
            lines = List.copyOf(lines);
        }
    }

    /**
     * @param category FOOD, AGRI, MEDICINE or DEVICE
     * @param quantity a decimal, as written
     */
    record GoodsLine(
            String description, String hsCode, String category, String quantity, Money unitPrice, Money amount) {}

    /**
     * A screening hit and its disposition.
     *
     * @param decision TRUE_MATCH, FALSE_POSITIVE, ESCALATED, or empty while undecided
     * @param requestOpen true while the hit bears on an open request: the request is neither executed
     *     nor closed, and the hit's party was not replaced (a superseded hit is acted on by nobody)
     */
    record ScreeningHit(
            String hitId,
            String requestId,
            String party,
            String listName,
            String listedName,
            BigDecimal score,
            Optional<String> analyst,
            Optional<String> reviewer,
            Optional<String> decision,
            String rationale,
            Instant raisedAt,
            Optional<Instant> decidedAt,
            boolean requestOpen) {}

    /**
     * A blocked or rejected party or transaction, to be reported by {@code reportDueOn} (RPT-5).
     *
     * @param amount the amount refused or blocked, if money was involved
     */
    record RejectedEvent(
            String eventId,
            String requestId,
            String party,
            String reason,
            Optional<Money> amount,
            LocalDate occurredOn,
            LocalDate reportDueOn,
            Optional<LocalDate> reportedOn) {}

    /**
     * A post-payment document (B/L, delivery confirmation, end-use statement, certificate of origin).
     */
    record FollowUp(String requestId, String document, LocalDate dueOn, Optional<LocalDate> receivedOn) {}

    /**
     * A request to the Authority: content of RPT-1 for one item, and where it stands.
     *
     * @param kind PRIOR_APPROVAL or PRE_NOTIFICATION
     * @param status SENT, NO_OBJECTION, OBJECTION, WITHDRAWN
     */
    record PriorApproval(
            String requestId,
            String kind,
            String authority,
            LocalDate sentOn,
            Money amount,
            String status,
            Optional<String> answerReference,
            Optional<LocalDate> answeredOn) {}

    /**
     * A request waiting in a stage of its pipeline.
     *
     * @param stage such as SCREENING, COMPLIANCE_REVIEW, SENIOR_APPROVAL, AUTHORITY_APPROVAL, EXECUTION
     */
    record PendingRequest(String requestId, String stage, LocalDate since, Money amount) {}
}
