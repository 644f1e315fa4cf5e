package org.corridor.settlement;

import java.time.Instant;
import java.util.UUID;
import org.corridor.money.Currency;

/**
 * A beneficial holder's restricted account in one currency, as the channel knows it: NIGC-IQD-R
 * at TBI in Iraq, NIGC-EUR-R at a third-country bank. Its money is in the ledger account of the
 * same id; the restriction and the beneficial holder travel with the money (FR-14).
 *
 * @param country ISO 3166 alpha-2 code of where the account is held: IQ, OM
 */
public record RestrictedAccount(
        UUID id,
        String name,
        String holder,
        Currency currency,
        String bank,
        String country,
        AccountStatus status,
        Instant createdAt) {}
