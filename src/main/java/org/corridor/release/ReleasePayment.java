package org.corridor.release;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.money.Money;

/**
 * A release's payment messages and where its payment stands: the pacs.008 it sent and every status
 * report and return that came back, oldest first.
 *
 * @param state the request's state now (EXECUTED, SENT, SETTLED, REJECTED, RETURNED, ...)
 * @param messageId the pacs.008's message id, when it was executed
 * @param paid the amount the pacs.008 paid
 * @param returned what came back so far, charges included (the part of the payment undone)
 * @param wholly true when everything paid has come back or the payment was rejected
 */
public record ReleasePayment(
        String reference,
        String state,
        Optional<String> reason,
        Optional<String> messageId,
        Optional<UUID> uetr,
        Optional<LocalDate> valueDate,
        Optional<Money> paid,
        Optional<Money> returned,
        boolean wholly,
        List<PaymentEvent> events) {

    public ReleasePayment {
        events = List.copyOf(events);
    }
}
