package org.corridor.ledger;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.corridor.money.Currency;

/**
 * An account to create, under a client-supplied id: creating the same account again is answered
 * {@link AccountResult#EXISTS}. The currency is the account's ledger and never changes.
 */
public record NewAccount(UUID id, Currency currency, AccountCode code, String holder, Set<AccountFlag> flags) {

    public NewAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(holder, "holder");
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    /** A restricted, no-overdraft account of a beneficial holder. */
    public static NewAccount restricted(UUID id, Currency currency, String holder) {
        return new NewAccount(
                id,
                currency,
                AccountCode.RESTRICTED,
                holder,
                Set.of(AccountFlag.RESTRICTED, AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS));
    }

    public static NewAccount of(UUID id, Currency currency, AccountCode code, String holder, AccountFlag... flags) {
        return new NewAccount(id, currency, code, holder, flags.length == 0 ? Set.of() : Set.of(flags));
    }
}
