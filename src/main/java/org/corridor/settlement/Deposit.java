package org.corridor.settlement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.corridor.money.Money;

/**
 * A payer's deposit into a holder's restricted account (FR-11), posted to the ledger under the
 * authorisation that covered its value date, and matched to the contract's invoices.
 *
 * @param rate one unit of the price currency in the deposit currency (1 EUR = 1,404 IQD)
 * @param equivalent the deposit in the price currency at that rate, rounded HALF_EVEN
 * @param unapplied what no invoice took: a credit on the contract
 */
public record Deposit(
        UUID id,
        String reference,
        UUID contractId,
        String contractReference,
        UUID accountId,
        Money amount,
        LocalDate valueDate,
        ExchangeRate rate,
        Money equivalent,
        List<Allocation> allocations,
        Money unapplied,
        DepositMatch match,
        String authorisationReference,
        UUID ledgerTransferId,
        Instant recordedAt,
        String recordedBy) {

    public Deposit {
        allocations = List.copyOf(allocations);
    }
}
