package org.corridor.payments;

import com.prowidesoftware.swift.model.mx.dic.ActiveCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.InvalidInputException;
import org.corridor.money.Currency;
import org.corridor.money.Money;

/** Conversions between Prowide's values and Corridor's, refusing what Corridor cannot hold exactly. */
final class IsoValues {

    private IsoValues() {}

    static Money money(ActiveOrHistoricCurrencyAndAmount amount) {
        return money(amount.getValue(), amount.getCcy());
    }

    static Money money(ActiveCurrencyAndAmount amount) {
        return money(amount.getValue(), amount.getCcy());
    }

    /** An amount in its currency's minor units; more decimals than the currency has is refused. */
    static Money money(BigDecimal value, String currency) {
        Currency unit = Currency.of(currency);
        return Money.parse(value.stripTrailingZeros().toPlainString(), unit);
    }

    static ActiveOrHistoricCurrencyAndAmount amount(Money money) {
        return new ActiveOrHistoricCurrencyAndAmount()
                .setValue(money.toDecimal())
                .setCcy(money.currency().code());
    }

    static ActiveCurrencyAndAmount activeAmount(Money money) {
        return new ActiveCurrencyAndAmount()
                .setValue(money.toDecimal())
                .setCcy(money.currency().code());
    }

    static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    static Optional<java.time.Instant> instant(OffsetDateTime value) {
        return Optional.ofNullable(value).map(OffsetDateTime::toInstant);
    }

    /** A UETR as the message spells it; a malformed one is refused rather than dropped. */
    static Optional<UUID> uetr(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("MESSAGE_FIELD_INVALID", "not a UETR: " + value);
        }
    }

    static List<String> lines(List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(v -> v != null && !v.isBlank())
                        .map(String::strip)
                        .toList();
    }
}
