package org.corridor.ledger;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.corridor.money.Currency;
import org.corridor.money.Money;

/** An account as it stands: its identity, flags and current balances. */
public record Account(
        UUID id,
        Currency currency,
        AccountCode code,
        String holder,
        Set<AccountFlag> flags,
        Balances balances,
        Instant createdAt) {

    public Account {
        flags = Set.copyOf(flags);
    }

    public boolean has(AccountFlag flag) {
        return flags.contains(flag);
    }

    public Money postedCreditBalance() {
        return Money.ofMinor(balances.postedCreditBalance(), currency);
    }

    public Money availableCreditBalance() {
        return Money.ofMinor(balances.availableCreditBalance(), currency);
    }
}
