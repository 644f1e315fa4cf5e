package org.corridor.release;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.corridor.ConflictException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditLog;
import org.corridor.audit.CanonicalJson;
import org.corridor.money.Money;
import org.corridor.payments.PaymentStatus;
import org.corridor.payments.StatusReport;
import org.corridor.transaction.Transaction;
import org.corridor.transaction.Transactions;

/**
 * A correspondent's pacs.002 status of a paid release: accepted (ACCP, ACSC, ACCC) settles it;
 * rejected (RJCT, or CANC after a cancellation) takes its whole amount back into the restricted
 * account it left, restores the lots it consumed at their original age and rejects it with the
 * bank's reason code; any other status (RCVD, ACTC, PDNG, ACSP, ...) means the correspondent has
 * it: SENT. Each status is one unit of work with its transition, its event and its audit entry;
 * a status the payment's history contradicts is refused. Thread-safe.
 */
record PaymentStatuses(
        Transactions transactions,
        ReleaseStore store,
        PaymentMessageStore messages,
        PaidRequests paid,
        MoneyBack money,
        AuditLog audit,
        ReleaseClock clock) {

    static final String KIND = "pacs.002";

    /** The statuses that accept and settle a payment. */
    static final Set<String> SETTLING = Set.of("ACCP", "ACSC", "ACCC");

    /** The statuses that refuse a payment: its money comes back. */
    static final Set<String> REVERSING = Set.of("RJCT", "CANC");

    /** Where a status takes the request: a state, and whether its money comes back. */
    private record Decision(RequestState to, boolean moneyBack) {}

    /**
     * Applies status {@code number} of {@code report} to the payment it names.
     *
     * @throws org.corridor.DomainException when the payment is unknown, the importer executed it and
     *     the status would take its money back, or its history contradicts the status
     */
    PaymentMessageImport.Item apply(Actor by, StatusReport report, int number, PaymentStatus status) {
        String item = "status " + number;
        UUID id = paid.find(status.originalUetr(), status.originalMessageId(), status.originalEndToEndId());
        if (REVERSING.contains(status.status())) {
            paid.requireNotExecutor(by, id);
        }
        return transactions.inTransaction(tx -> applyWithin(tx, by, report, item, status, id));
    }

    private PaymentMessageImport.Item applyWithin(
            Transaction tx, Actor by, StatusReport report, String item, PaymentStatus status, UUID id) {
        RequestRow row = store.lock(tx, id);
        Execution execution = store.execution(tx, id).orElseThrow();
        if (messages.eventExists(tx, KIND, report.messageId(), item)) {
            return new PaymentMessageImport.Item(item, row.reference(), "UNCHANGED", "", "applied before");
        }
        Decision decision = decide(row, status.status());
        String detail = KIND + " " + report.messageId() + " " + item + ": " + status.status()
                + status.reason().map(reason -> " (" + reason + ")").orElse("")
                + (status.additionalInformation().isEmpty()
                        ? ""
                        : " " + String.join(" ", status.additionalInformation()));
        List<UUID> transfers = List.of();
        LocalDate valueDate = latest(clock.today(), execution.valueDate());
        if (decision.moneyBack()) {
            String key = KIND + ":" + report.messageId() + ":" + item + ":" + row.id();
            transfers = money.post(
                    tx,
                    by,
                    row,
                    new MoneyBack.Back(
                            row.amount(),
                            Money.zero(row.currencyUnit()),
                            valueDate,
                            key,
                            Map.of("message", report.messageId(), "payment", execution.messageId())));
        }
        if (decision.to() != row.state()) {
            Optional<String> reason = decision.to() == RequestState.REJECTED
                    ? Optional.of(status.reason().orElse(status.status()))
                    : Optional.empty();
            store.move(tx, row, decision.to(), reason, detail, by.name(), by.role());
        }
        PaymentEvent event = new PaymentEvent(
                KIND,
                report.messageId(),
                item,
                status.status(),
                status.reason(),
                decision.moneyBack() ? Optional.of(row.amount()) : Optional.empty(),
                Optional.empty(),
                decision.moneyBack() ? Optional.of(valueDate) : Optional.empty(),
                transfers,
                row.state().name(),
                decision.to().name(),
                by.name(),
                clock.now());
        messages.insertEvent(tx, id, event);
        audit.append(tx, recorded(by, row, event));
        String outcome =
                decision.to() == row.state() ? "UNCHANGED" : decision.to().name();
        return new PaymentMessageImport.Item(item, row.reference(), outcome, "", detail);
    }

    /**
     * Where the status takes a paid request, or a refusal when the payment's history contradicts it.
     *
     * @throws ConflictException PAYMENT_STATUS_CONTRADICTED
     */
    private static Decision decide(RequestRow row, String code) {
        RequestState from = row.state();
        boolean inFlight = from == RequestState.EXECUTED || from == RequestState.SENT;
        if (SETTLING.contains(code)) {
            if (inFlight) {
                return new Decision(RequestState.SETTLED, false);
            }
            if (from == RequestState.SETTLED || from == RequestState.RETURNED) {
                return new Decision(from, false);
            }
            throw contradicted(row, code, "its payment was refused and its money is back");
        }
        if (REVERSING.contains(code)) {
            if (inFlight) {
                return new Decision(RequestState.REJECTED, true);
            }
            if (from == RequestState.REJECTED) {
                return new Decision(from, false);
            }
            throw contradicted(row, code, "it was settled; money comes back only by a return (pacs.004)");
        }
        return new Decision(from == RequestState.EXECUTED ? RequestState.SENT : from, false);
    }

    private static ConflictException contradicted(RequestRow row, String code, String why) {
        return new ConflictException(
                "PAYMENT_STATUS_CONTRADICTED",
                row.reference() + " is " + row.state() + " and cannot take " + code + ": " + why);
    }

    static LocalDate latest(LocalDate one, LocalDate other) {
        return one.isAfter(other) ? one : other;
    }

    private static AuditEvent recorded(Actor by, RequestRow row, PaymentEvent event) {
        return AuditEvent.of(
                by,
                "PAYMENT_STATUS_RECORDED",
                "release:" + row.reference(),
                CanonicalJson.fields(
                        "message_kind", event.messageKind(),
                        "message_id", event.messageId(),
                        "item", event.item(),
                        "status", event.status(),
                        "reason", event.reason().orElse("")),
                CanonicalJson.fields(
                        "from", event.stateBefore(),
                        "to", event.stateAfter(),
                        "money_back", event.returned().map(Money::toString).orElse(""),
                        "transfers",
                                event.transfers().stream().map(UUID::toString).toList()));
    }
}
