package org.corridor.settlement;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.corridor.InvalidInputException;
import org.corridor.money.Currency;

/**
 * A contract to record. Recording the same reference again with the same terms changes nothing;
 * with other terms it is refused (a contract is not edited).
 *
 * @param account the restricted account receiving the deposits, by id or name (NIGC-IQD-R)
 */
public record NewContract(
        Optional<UUID> id,
        String reference,
        String seller,
        String buyer,
        Commodity commodity,
        QuantityUnit priceUnit,
        BigDecimal price,
        Currency priceCurrency,
        Map<QuantityUnit, BigDecimal> conversionFactors,
        String account) {

    public NewContract {
        id = id == null ? Optional.empty() : id;
        reference = required(reference, "reference");
        if (!reference.matches("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}")) {
            throw new InvalidInputException(
                    "CONTRACT_REFERENCE_INVALID",
                    "a reference is 1 to 64 letters, digits, '.', '_', '/' or '-', such as NIGC-GAS-2024: "
                            + reference);
        }
        seller = required(seller, "seller");
        buyer = required(buyer, "buyer");
        account = required(account, "account");
        if (commodity == null || priceUnit == null || price == null || priceCurrency == null) {
            throw new InvalidInputException(
                    "FIELD_MISSING", "a contract needs its commodity, price unit, price and price currency");
        }
        if (price.signum() <= 0) {
            throw new InvalidInputException("PRICE_INVALID", "the price is positive: " + price.toPlainString());
        }
        if (!commodity.measuredIn(priceUnit)) {
            throw new InvalidInputException("UNIT_INVALID", commodity + " is not priced in " + priceUnit);
        }
        conversionFactors = conversionFactors == null ? Map.of() : Map.copyOf(conversionFactors);
        for (Map.Entry<QuantityUnit, BigDecimal> factor : conversionFactors.entrySet()) {
            if (factor.getKey() == priceUnit || !commodity.measuredIn(factor.getKey())) {
                throw new InvalidInputException(
                        "CONVERSION_FACTOR_INVALID",
                        "a factor converts another unit of " + commodity + " into " + priceUnit + ", not "
                                + factor.getKey());
            }
            if (factor.getValue() == null || factor.getValue().signum() <= 0) {
                throw new InvalidInputException(
                        "CONVERSION_FACTOR_INVALID", "the factor for " + factor.getKey() + " is positive");
            }
        }
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("FIELD_MISSING", field + " is required");
        }
        if (value.length() > 200) {
            throw new InvalidInputException("FIELD_TOO_LONG", field + " is at most 200 characters");
        }
        return value.trim();
    }
}
