package org.corridor.payments;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A pacs.002 payment status report as Corridor reads it: the report's own id and the status of each
 * payment it speaks of. A report that gives only a group status (no transaction detail) is read as
 * one status for the whole original message.
 *
 * @param messageId the report's own message id, unique per sender: a repeat is the same report
 */
public record StatusReport(String messageId, Instant createdAt, List<PaymentStatus> statuses) {

    public StatusReport {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(createdAt, "createdAt");
        statuses = List.copyOf(statuses);
    }
}
