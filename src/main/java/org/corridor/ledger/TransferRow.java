package org.corridor.ledger;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * One row of {@code ledger_transfer}: an accepted transfer with its accounts' balances after it, or
 * a refused one with its recorded failure. What the rules compare a repeated id against.
 */
record TransferRow(
        UUID id,
        Instant timestamp,
        TransferKind kind,
        UUID debitAccountId,
        UUID creditAccountId,
        long amountMinor,
        String currency,
        String code,
        Optional<UUID> pendingId,
        OptionalLong pendingAmountMinor,
        Optional<Instant> expiresAt,
        Map<String, String> references,
        String metadataJson,
        Optional<TransferResult> failure,
        Optional<Balances> debitAccountBalances,
        Optional<Balances> creditAccountBalances) {

    boolean accepted() {
        return failure.isEmpty();
    }
}
