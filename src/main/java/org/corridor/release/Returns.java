package org.corridor.release;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.corridor.ConflictException;
import org.corridor.InvalidInputException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditLog;
import org.corridor.audit.CanonicalJson;
import org.corridor.money.Money;
import org.corridor.payments.PaymentReturn;
import org.corridor.payments.ReturnedPayment;
import org.corridor.transaction.Transaction;
import org.corridor.transaction.Transactions;

/**
 * A pacs.004 return of a paid release: the returned amount comes back into the restricted account
 * it left, under the restriction it had, as a ledger transfer linked to the release; the lots it
 * consumed are restored with their original age; what the banks withheld is booked to FEES; and
 * the request reopens as RETURNED with the return reason, partly or wholly. A return may not bring
 * back more than was paid, nor in another currency. Each return is one unit of work. Thread-safe.
 */
record Returns(
        Transactions transactions,
        ReleaseStore store,
        PaymentMessageStore messages,
        PaidRequests paid,
        MoneyBack money,
        AuditLog audit,
        ReleaseClock clock) {

    static final String KIND = "pacs.004";

    /** The status an event of a return carries. */
    static final String RETURN = "RETURN";

    /**
     * Applies one return of {@code message} to the payment it names.
     *
     * @throws org.corridor.DomainException when the payment is unknown, the importer executed it, or
     *     the return does not fit it (currency, amount, history)
     */
    PaymentMessageImport.Item apply(Actor by, PaymentReturn message, ReturnedPayment returned) {
        String item = "return " + returned.returnId();
        UUID id = paid.find(returned.originalUetr(), returned.originalMessageId(), returned.originalEndToEndId());
        paid.requireNotExecutor(by, id);
        if (returned.charges().isPositive()) {
            money.openChargesAccount(returned.charges().currency());
        }
        return transactions.inTransaction(tx -> applyWithin(tx, by, message, item, returned, id));
    }

    private PaymentMessageImport.Item applyWithin(
            Transaction tx, Actor by, PaymentReturn message, String item, ReturnedPayment returned, UUID id) {
        RequestRow row = store.lock(tx, id);
        Execution execution = store.execution(tx, id).orElseThrow();
        if (messages.eventExists(tx, KIND, message.messageId(), item)) {
            return new PaymentMessageImport.Item(item, row.reference(), "UNCHANGED", "", "applied before");
        }
        Money amount = row.amount();
        Money before = PaidRequests.returnedSoFar(messages.events(tx, id), amount);
        Money undone = check(row, returned, before);
        LocalDate valueDate = PaymentStatuses.latest(returned.settlementDate(), execution.valueDate());
        List<UUID> transfers = money.post(
                tx,
                by,
                row,
                new MoneyBack.Back(
                        returned.returned(),
                        returned.charges(),
                        valueDate,
                        KIND + ":" + message.messageId() + ":" + item + ":" + row.id(),
                        Map.of(
                                "message",
                                message.messageId(),
                                "payment",
                                execution.messageId(),
                                "return",
                                returned.returnId())));
        boolean wholly = before.plus(undone).equals(amount);
        String detail = KIND + " " + message.messageId() + " " + item + ": " + returned.returned() + " back, "
                + returned.charges() + " withheld by banks; "
                + (wholly
                        ? "wholly returned"
                        : "partly returned: " + before.plus(undone).display() + " of " + amount.display())
                + returned.reason().map(reason -> " (" + reason + ")").orElse("");
        store.move(
                tx,
                row,
                RequestState.RETURNED,
                Optional.of(returned.reason().orElse(RETURN)),
                detail,
                by.name(),
                by.role());
        PaymentEvent event = new PaymentEvent(
                KIND,
                message.messageId(),
                item,
                RETURN,
                returned.reason(),
                Optional.of(returned.returned()),
                Optional.of(returned.charges()),
                Optional.of(valueDate),
                transfers,
                row.state().name(),
                RequestState.RETURNED.name(),
                by.name(),
                clock.now());
        messages.insertEvent(tx, id, event);
        audit.append(tx, recorded(by, row, event, wholly));
        return new PaymentMessageImport.Item(item, row.reference(), RequestState.RETURNED.name(), "", detail);
    }

    /**
     * The part of the payment the return undoes (money back plus charges), once it is checked
     * against the payment and what came back before.
     */
    private static Money check(RequestRow row, ReturnedPayment returned, Money before) {
        Money amount = row.amount();
        if (!row.state().paid()) {
            throw new ConflictException(
                    "PAYMENT_ALREADY_REVERSED",
                    row.reference() + " is " + row.state() + ": nothing of it is out to return");
        }
        if (!returned.returned().currency().equals(amount.currency())) {
            throw new InvalidInputException(
                    "RETURN_CURRENCY_MISMATCH",
                    row.reference() + " paid " + amount.currency() + "; a return in "
                            + returned.returned().currency() + " is refused");
        }
        if (returned.originalAmount().isPresent()
                && !returned.originalAmount().get().equals(amount)) {
            throw new InvalidInputException(
                    "RETURN_ORIGINAL_AMOUNT_MISMATCH",
                    "the return states an original payment of "
                            + returned.originalAmount().get().display() + "; " + row.reference() + " paid "
                            + amount.display());
        }
        Money undone = returned.principal();
        if (!undone.isPositive()) {
            throw new InvalidInputException("RETURN_AMOUNT_NOT_POSITIVE", "a return brings something back");
        }
        if (before.plus(undone).compareTo(amount) > 0) {
            throw new ConflictException(
                    "RETURN_EXCEEDS_PAYMENT",
                    row.reference() + " paid " + amount.display() + ", " + before.display()
                            + " came back before; a return of "
                            + undone.display()
                            + " is more than is out");
        }
        return undone;
    }

    private static AuditEvent recorded(Actor by, RequestRow row, PaymentEvent event, boolean wholly) {
        return AuditEvent.of(
                by,
                "PAYMENT_RETURNED",
                "release:" + row.reference(),
                CanonicalJson.fields(
                        "message_kind", event.messageKind(),
                        "message_id", event.messageId(),
                        "item", event.item(),
                        "reason", event.reason().orElse("")),
                CanonicalJson.fields(
                        "from", event.stateBefore(),
                        "to", event.stateAfter(),
                        "returned", event.returned().map(Money::toString).orElse(""),
                        "charges", event.charges().map(Money::toString).orElse(""),
                        "wholly", wholly,
                        "transfers",
                                event.transfers().stream().map(UUID::toString).toList()));
    }
}
