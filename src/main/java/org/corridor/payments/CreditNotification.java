package org.corridor.payments;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A camt.054 debit and credit notification as Corridor reads it: the message's own id and every
 * movement it announces, one per transaction (an entry without transaction details is one).
 *
 * @param messageId the notification's message id, unique per sending bank: a repeat is the same message
 */
public record CreditNotification(String messageId, Instant createdAt, List<NotifiedMovement> movements) {

    public CreditNotification {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(createdAt, "createdAt");
        movements = List.copyOf(movements);
    }
}
