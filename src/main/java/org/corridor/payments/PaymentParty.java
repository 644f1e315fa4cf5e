package org.corridor.payments;

import java.util.List;
import java.util.Objects;

/**
 * A party to a payment with the account and bank that serve it.
 *
 * @param country ISO 3166 alpha-2 code of the party's address
 * @param addressLines free address lines, at most seven of 70 characters
 */
public record PaymentParty(String name, Iban account, Bic agent, String country, List<String> addressLines) {

    public PaymentParty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(country, "country");
        addressLines = List.copyOf(addressLines);
    }
}
