package org.corridor.settlement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.corridor.InvalidInputException;
import org.corridor.money.Currency;

/**
 * An energy supply contract (FR-9): who sells what to whom, at what price per unit, how metered
 * quantities convert into the priced unit, and which restricted account receives the deposits.
 *
 * @param conversionFactors price units per metered unit, for metered units other than the priced one
 *     (gas: 0.0363 MMBtu per m³, the heating value the contract assumes)
 */
public record Contract(
        UUID id,
        String reference,
        String seller,
        String buyer,
        Commodity commodity,
        QuantityUnit priceUnit,
        BigDecimal price,
        Currency priceCurrency,
        Map<QuantityUnit, BigDecimal> conversionFactors,
        UUID accountId,
        Instant createdAt,
        String createdBy) {

    public Contract {
        conversionFactors = Map.copyOf(conversionFactors);
    }

    /** A quantity in the priced unit, exactly: no rounding. */
    public BigDecimal inPriceUnits(BigDecimal quantity, QuantityUnit unit) {
        if (unit == priceUnit) {
            return quantity;
        }
        BigDecimal factor = conversionFactors.get(unit);
        if (factor == null) {
            throw new InvalidInputException(
                    "UNIT_NOT_CONVERTIBLE",
                    "contract " + reference + " prices " + priceUnit + " and has no factor for " + unit);
        }
        return quantity.multiply(factor);
    }
}
