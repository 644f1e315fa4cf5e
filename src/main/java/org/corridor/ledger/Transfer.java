package org.corridor.ledger;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.corridor.money.Currency;
import org.corridor.money.Money;

/**
 * An accepted transfer as recorded: immutable, corrected only by a reversing transfer.
 *
 * @param timestamp assigned by the ledger; unique and increasing within one Corridor process
 * @param pendingAmountMinor for a post, void or expiry: what the resolved hold had reserved
 * @param debitAccountBalances the debit account's balances just after this transfer
 * @param creditAccountBalances the credit account's balances just after this transfer
 */
public record Transfer(
        UUID id,
        Instant timestamp,
        TransferKind kind,
        UUID debitAccountId,
        UUID creditAccountId,
        long amountMinor,
        Currency currency,
        String code,
        Optional<UUID> pendingId,
        OptionalLong pendingAmountMinor,
        Optional<Instant> expiresAt,
        Map<String, String> references,
        Map<String, Object> metadata,
        Balances debitAccountBalances,
        Balances creditAccountBalances) {

    public Money amount() {
        return Money.ofMinor(amountMinor, currency);
    }
}
