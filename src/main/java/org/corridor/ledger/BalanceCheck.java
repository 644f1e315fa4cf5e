package org.corridor.ledger;

import java.util.List;
import java.util.UUID;

/**
 * Every account's stored balances set against the sum of its accepted transfers (issue 15): a
 * balance that disagrees with its transfers was written by something other than the ledger's own
 * posting, such as an update made directly in the database.
 *
 * @param accounts how many accounts were checked
 * @param drifts the accounts whose stored balances differ from their transfers' sum; empty when
 *     the books agree
 */
public record BalanceCheck(int accounts, List<Drift> drifts) {

    public BalanceCheck {
        drifts = List.copyOf(drifts);
    }

    /** One account whose stored balances are not what its transfers add up to. */
    public record Drift(UUID accountId, String currency, Balances stored, Balances fromTransfers) {}

    public boolean agrees() {
        return drifts.isEmpty();
    }
}
