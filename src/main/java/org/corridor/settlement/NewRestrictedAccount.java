package org.corridor.settlement;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.corridor.InvalidInputException;
import org.corridor.money.Currency;

/**
 * A restricted account to open. Without an id, the id is derived from the name, so opening the same
 * account twice is harmless.
 *
 * @param country ISO 3166 alpha-2 code of where it is held (IQ for TBI, OM for a bank in Oman)
 */
public record NewRestrictedAccount(
        Optional<UUID> id,
        String name,
        String holder,
        Currency currency,
        String bank,
        String country,
        AccountStatus status) {

    public NewRestrictedAccount {
        id = id == null ? Optional.empty() : id;
        name = text(name, "name");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,39}")) {
            throw new InvalidInputException(
                    "ACCOUNT_NAME_INVALID",
                    "a name is 1 to 40 letters, digits, '-' or '_', such as NIGC-IQD-R: " + name);
        }
        holder = text(holder, "holder");
        bank = text(bank, "bank");
        country = text(country, "country").toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}")) {
            throw new InvalidInputException(
                    "COUNTRY_INVALID", "country is an ISO 3166 alpha-2 code such as IQ or OM: " + country);
        }
        if (currency == null) {
            throw new InvalidInputException("FIELD_MISSING", "currency is required");
        }
        status = status == null ? AccountStatus.RESTRICTED : status;
    }

    /** The id to open the account under. */
    UUID accountId() {
        return id.orElseGet(() -> Ids.derived("restricted-account:" + name));
    }

    private static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("FIELD_MISSING", field + " is required");
        }
        if (value.length() > 200) {
            throw new InvalidInputException("FIELD_TOO_LONG", field + " is at most 200 characters");
        }
        return value.trim();
    }
}
