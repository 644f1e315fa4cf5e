package org.corridor.settlement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.money.Money;

/**
 * A credit the payer's bank announced (camt.054) and what became of it: a deposit on a restricted
 * account, or money held in SUSPENSE with the reason it could not be one, until it is resolved.
 *
 * @param key the bank's own reference of the credit; a credit is taken once per key
 * @param account the account as the bank named it (an IBAN or an account name)
 * @param accountId the restricted account that is, when Corridor knows it
 * @param references the remittance references the payer gave
 * @param status DEPOSITED, SUSPENDED or RESOLVED
 * @param depositId the deposit it became (at once, or on resolution)
 * @param reason why it was suspended: REFERENCE_UNKNOWN, ACCOUNT_UNKNOWN, ACCOUNT_MISMATCH,
 *     CURRENCY_MISMATCH, RATE_UNKNOWN or a deposit's refusal (NO_AUTHORISATION, ...)
 */
public record BankCredit(
        UUID id,
        String key,
        String messageId,
        String account,
        Optional<UUID> accountId,
        Money amount,
        LocalDate valueDate,
        List<String> references,
        String payer,
        String status,
        Optional<UUID> depositId,
        Optional<String> reason,
        String detail,
        Optional<UUID> suspenseTransferId,
        Instant recordedAt,
        String recordedBy,
        Optional<Instant> resolvedAt,
        Optional<String> resolvedBy) {

    public BankCredit {
        references = List.copyOf(references);
    }

    public boolean suspended() {
        return status.equals("SUSPENDED");
    }
}
