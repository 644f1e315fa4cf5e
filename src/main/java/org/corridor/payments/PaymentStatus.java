package org.corridor.payments;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The status of one payment in a pacs.002, with the references that say which payment it is.
 *
 * @param originalMessageId the pacs.008's message id, when the report names it
 * @param status the ISO 20022 transaction status code: ACCP, ACSC, ACCC, RJCT, ACTC, PDNG, ...
 * @param reason the ISO 20022 status reason code (AC04, AM04, ...) or proprietary reason, if any
 * @param additionalInformation free text the reporting bank added
 */
public record PaymentStatus(
        Optional<String> originalMessageId,
        Optional<String> originalEndToEndId,
        Optional<UUID> originalUetr,
        Optional<String> originalInstructionId,
        String status,
        Optional<String> reason,
        List<String> additionalInformation,
        Optional<Instant> acceptedAt) {

    public PaymentStatus {
        Objects.requireNonNull(status, "status");
        additionalInformation = List.copyOf(additionalInformation);
    }
}
