package org.corridor.payments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.corridor.money.Money;

/**
 * What an executed release pays: one customer credit transfer from the restricted account to the
 * vendor, with the references that tie it to the request, the authorisation and the Authority's
 * approval.
 *
 * @param messageId unique per message, at most 35 characters
 * @param endToEndId the request's reference, carried unchanged to the vendor
 * @param uetr the unique end-to-end transaction reference (UUID v4)
 * @param settlementDate the interbank settlement (value) date
 * @param intermediary an intermediary bank, if the route needs one
 * @param remittance unstructured remittance lines (invoice, authorisation, approval references), at most 140 characters each
 * @param purposeCode an ISO 20022 external purpose code such as GDDS (purchase of goods), or empty
 */
public record PaymentInstruction(
        String messageId,
        String endToEndId,
        String instructionId,
        UUID uetr,
        Instant createdAt,
        LocalDate settlementDate,
        Money amount,
        PaymentParty debtor,
        PaymentParty creditor,
        Optional<Bic> intermediary,
        List<String> remittance,
        Optional<String> purposeCode) {

    public PaymentInstruction {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(endToEndId, "endToEndId");
        Objects.requireNonNull(instructionId, "instructionId");
        Objects.requireNonNull(uetr, "uetr");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(settlementDate, "settlementDate");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(debtor, "debtor");
        Objects.requireNonNull(creditor, "creditor");
        remittance = List.copyOf(remittance);
    }
}
