package org.corridor.release;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.ConflictException;
import org.corridor.ForbiddenException;
import org.corridor.NotFoundException;
import org.corridor.audit.Actor;
import org.corridor.money.Money;
import org.corridor.transaction.Transaction;
import org.corridor.transaction.Transactions;

/**
 * The paid requests that bank messages speak of: which one a status or return names, who may
 * import a message that takes its money back, and its payment as the API shows it. Thread-safe.
 */
final class PaidRequests {

    private final Transactions transactions;
    private final ReleaseStore store;
    private final PaymentMessageStore messages;

    PaidRequests(Transactions transactions, ReleaseStore store, PaymentMessageStore messages) {
        this.transactions = transactions;
        this.store = store;
        this.messages = messages;
    }

    /**
     * The request whose pacs.008 these references name.
     *
     * @throws NotFoundException PAYMENT_UNKNOWN when no executed request has them
     * @throws ConflictException PAYMENT_AMBIGUOUS when they name more than one
     */
    UUID find(Optional<UUID> uetr, Optional<String> messageId, Optional<String> endToEndId) {
        if (uetr.isEmpty() && messageId.isEmpty() && endToEndId.isEmpty()) {
            throw new NotFoundException(
                    "PAYMENT_UNKNOWN", "the message names no payment (no UETR, message or end-to-end id)");
        }
        List<UUID> found = transactions.read(tx -> messages.requestsOfPayment(tx, uetr, messageId, endToEndId));
        String named = uetr.map(u -> "UETR " + u).orElse("")
                + messageId.map(m -> " message " + m).orElse("")
                + endToEndId.map(e -> " end-to-end id " + e).orElse("");
        if (found.isEmpty()) {
            throw new NotFoundException("PAYMENT_UNKNOWN", "no executed release has a payment with " + named.strip());
        }
        if (found.size() > 1) {
            throw new ConflictException(
                    "PAYMENT_AMBIGUOUS", "more than one executed release answers to " + named.strip());
        }
        return found.get(0);
    }

    /** The request's reference, for messages about it. */
    String reference(UUID requestId) {
        return transactions
                .read(tx -> store.request(tx, requestId))
                .map(RequestRow::reference)
                .orElse("");
    }

    /**
     * Four eyes on money coming back: whoever executed a payment may not import the message that
     * reverses or returns it, so that nobody can pay out and then book the money back by themselves.
     *
     * @throws ForbiddenException PAYMENT_REVERSAL_BY_EXECUTOR
     */
    void requireNotExecutor(Actor by, UUID requestId) {
        Execution execution = transactions
                .read(tx -> store.execution(tx, requestId))
                .orElseThrow(() -> new NotFoundException("PAYMENT_UNKNOWN", "release " + requestId + " was not paid"));
        if (execution.executedBy().equals(by.name())) {
            throw new ForbiddenException(
                    "PAYMENT_REVERSAL_BY_EXECUTOR",
                    by.name() + " executed " + reference(requestId)
                            + " and may not import the message that takes its money back");
        }
    }

    /** What came back so far of the payment, charges included: the part of it undone by returns. */
    static Money returnedSoFar(List<PaymentEvent> events, Money paid) {
        Money total = Money.zero(paid.currency());
        for (PaymentEvent event : events) {
            if (event.status().equals(Returns.RETURN)) {
                total = total.plus(event.returned().orElse(Money.zero(paid.currency())))
                        .plus(event.charges().orElse(Money.zero(paid.currency())));
            }
        }
        return total;
    }

    /** The payment of a request: its pacs.008 and the messages that came back. */
    ReleasePayment payment(Transaction tx, RequestRow row) {
        Optional<Execution> execution = store.execution(tx, row.id());
        List<PaymentEvent> events = messages.events(tx, row.id());
        Money paid = row.amount();
        Money returned = returnedSoFar(events, paid);
        boolean rejected = events.stream()
                .anyMatch(event -> event.stateAfter().equals(RequestState.REJECTED.name())
                        && PaymentStatuses.REVERSING.contains(event.status()));
        return new ReleasePayment(
                row.reference(),
                row.state().name(),
                row.reason(),
                execution.map(Execution::messageId),
                execution.map(Execution::uetr),
                execution.map(Execution::valueDate),
                execution.map(e -> paid),
                execution.map(e -> rejected ? paid : returned),
                execution.isPresent() && (rejected || returned.equals(paid)),
                events);
    }
}
