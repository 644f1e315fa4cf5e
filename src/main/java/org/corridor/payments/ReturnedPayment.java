package org.corridor.payments;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.corridor.money.Money;

/**
 * One payment returned, whole or in part.
 *
 * @param returnId the returning bank's id of this return
 * @param originalAmount the amount of the original payment as the return states it, if it does
 * @param returned what is settled back to the paying bank: the returned amount less the charges
 * @param charges what the banks of the return chain withheld; returned plus charges is the part of
 *     the original payment that this return undoes
 * @param settlementDate the interbank settlement date of the return: the value date of the money back
 * @param reason the ISO 20022 return reason code (AC04 closed account, AM09 wrong amount, ...) or
 *     proprietary reason, if any
 */
public record ReturnedPayment(
        String returnId,
        Optional<String> originalMessageId,
        Optional<String> originalEndToEndId,
        Optional<UUID> originalUetr,
        Optional<String> originalInstructionId,
        Optional<Money> originalAmount,
        Money returned,
        Money charges,
        LocalDate settlementDate,
        Optional<String> reason,
        List<String> additionalInformation) {

    public ReturnedPayment {
        Objects.requireNonNull(returnId, "returnId");
        Objects.requireNonNull(returned, "returned");
        Objects.requireNonNull(charges, "charges");
        Objects.requireNonNull(settlementDate, "settlementDate");
        additionalInformation = List.copyOf(additionalInformation);
    }

    /** The part of the original payment this return undoes: the money back plus what banks withheld. */
    public Money principal() {
        return returned.plus(charges);
    }
}
