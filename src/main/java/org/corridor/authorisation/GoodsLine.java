package org.corridor.authorisation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.corridor.DomainException;
import org.corridor.money.Currency;

/**
 * A goods line as the requester declared it (FR-16). Every field may be missing: eligibility names
 * what is missing rather than guessing, and a line with a missing field is never ALLOWED.
 *
 * @param line the line's own number or id, echoed in the decision
 * @param hsCode the HS code as written (dots and spaces are ignored), such as 3004.90
 * @param unitPrice the price of one unit, in {@code currency}
 * @param endUses who receives which part of the quantity; empty means the end user is unknown
 */
public record GoodsLine(
        String line,
        Optional<String> description,
        Optional<String> hsCode,
        Optional<BigDecimal> quantity,
        Optional<String> unit,
        Optional<BigDecimal> unitPrice,
        Optional<Currency> currency,
        Optional<Category> category,
        List<EndUse> endUses) {

    private static final String DECIMAL = "[-+]?\\d{1,30}(\\.\\d{1,30})?";

    public GoodsLine {
        line = line == null ? "" : line.trim();
        description = text(description);
        hsCode = text(hsCode);
        quantity = quantity == null ? Optional.empty() : quantity;
        unit = text(unit);
        unitPrice = unitPrice == null ? Optional.empty() : unitPrice;
        currency = currency == null ? Optional.empty() : currency;
        category = category == null ? Optional.empty() : category;
        endUses = endUses == null ? List.of() : List.copyOf(endUses);
    }

    /** A line with one end user receiving the whole quantity; any argument may be null (missing). */
    public static GoodsLine of(
            String line,
            String description,
            String hsCode,
            BigDecimal quantity,
            String unit,
            BigDecimal unitPrice,
            Currency currency,
            Category category,
            EndUserType endUser) {
        return new GoodsLine(
                line,
                Optional.ofNullable(description),
                Optional.ofNullable(hsCode),
                Optional.ofNullable(quantity),
                Optional.ofNullable(unit),
                Optional.ofNullable(unitPrice),
                Optional.ofNullable(currency),
                Optional.ofNullable(category),
                List.of(new EndUse(Optional.ofNullable(endUser), quantity)));
    }

    /**
     * A line from text fields as a CSV row or a JSON body carries them. Values that cannot be read
     * (a quantity that is not a number, an unknown currency, category or end-user type) become
     * missing, which the check then names; nothing is refused here.
     */
    public static GoodsLine fromText(
            String line,
            String description,
            String hsCode,
            String quantity,
            String unit,
            String unitPrice,
            String currency,
            String category,
            String endUserType) {
        Optional<BigDecimal> parsedQuantity = decimal(quantity);
        return new GoodsLine(
                line,
                Optional.ofNullable(description),
                Optional.ofNullable(hsCode),
                parsedQuantity,
                Optional.ofNullable(unit),
                decimal(unitPrice),
                currency(currency),
                Category.parse(category),
                List.of(new EndUse(EndUserType.parse(endUserType), parsedQuantity.orElse(BigDecimal.ZERO))));
    }

    /** The same line with its quantity consigned to several end users. */
    public GoodsLine withEndUses(List<EndUse> uses) {
        return new GoodsLine(line, description, hsCode, quantity, unit, unitPrice, currency, category, uses);
    }

    /** A plain decimal such as {@code 200000} or {@code 6.80}; empty when blank or anything else. */
    public static Optional<BigDecimal> decimal(String text) {
        if (text == null || !text.trim().matches(DECIMAL)) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(text.trim()));
    }

    private static Optional<Currency> currency(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Currency.of(code));
        } catch (DomainException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(Optional<String> value) {
        return value == null ? Optional.empty() : value.map(String::trim).filter(s -> !s.isEmpty());
    }
}
