package org.corridor.release;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.money.Money;

/**
 * What one item of a bank message did to a release's payment: the message and item that caused it,
 * the ISO status (or RETURN), the money back and the charges withheld, and the state before and after.
 *
 * @param messageKind pacs.002 or pacs.004
 * @param item the item of the message: "status 1", or a return's id
 * @param status the ISO 20022 transaction status (ACSC, RJCT, PDNG, ...) or RETURN
 * @param reason the ISO 20022 reason code (AC04, AM09, ...), if the bank gave one
 * @param returned money back into the restricted account
 * @param charges withheld by the banks of a return, booked to FEES
 * @param transfers the ledger transfers it posted
 */
public record PaymentEvent(
        String messageKind,
        String messageId,
        String item,
        String status,
        Optional<String> reason,
        Optional<Money> returned,
        Optional<Money> charges,
        Optional<LocalDate> valueDate,
        List<UUID> transfers,
        String stateBefore,
        String stateAfter,
        String recordedBy,
        Instant recordedAt) {

    public PaymentEvent {
        transfers = List.copyOf(transfers);
    }
}
