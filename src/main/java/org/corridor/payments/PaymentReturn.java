package org.corridor.payments;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A pacs.004 payment return as Corridor reads it: the return message's own id and each payment
 * whose money comes back.
 *
 * @param messageId the return's own message id, unique per sender: a repeat is the same return
 */
public record PaymentReturn(String messageId, Instant createdAt, List<ReturnedPayment> returns) {

    public PaymentReturn {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(createdAt, "createdAt");
        returns = List.copyOf(returns);
    }
}
