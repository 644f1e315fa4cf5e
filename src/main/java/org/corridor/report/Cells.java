package org.corridor.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.corridor.money.Money;

/** Table building for the report classes: columns from names, cells as exact text. */
final class Cells {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private Cells() {}

    /** Columns from names; a name ending in {@code #} is numeric (the mark is dropped). */
    static List<Section.Column> columns(String... names) {
        List<Section.Column> columns = new ArrayList<>();
        for (String name : names) {
            columns.add(
                    name.endsWith("#")
                            ? Section.Column.number(name.substring(0, name.length() - 1))
                            : Section.Column.text(name));
        }
        return columns;
    }

    static Section.Table table(String title, List<Section.Column> columns, List<List<String>> rows) {
        return new Section.Table(title, columns, rows);
    }

    static String amount(Money money) {
        return money.toDecimalString();
    }

    static String amount(Optional<Money> money) {
        return money.map(Money::toDecimalString).orElse("");
    }

    static String text(Optional<?> value) {
        return value.map(String::valueOf).orElse("");
    }

    static String percent(Optional<BigDecimal> value) {
        return value.map(v -> v.toPlainString() + "%").orElse("n/a");
    }

    /** A figure such as "EUR 8,833,354,025.00", grouped for reading; tables keep plain decimals. */
    static String grouped(Money money) {
        return money.currency().code() + " " + groupDigits(money.toDecimalString());
    }

    /**
     * A plain decimal such as {@code -9687600000000.000} with its whole part grouped by thousands
     * ({@code -9,687,600,000,000.000}); anything that is not a plain decimal is returned as it is.
     */
    static String groupDigits(String plain) {
        if (!PLAIN_DECIMAL.matcher(plain).matches()) {
            return plain;
        }
        boolean negative = plain.startsWith("-");
        String digits = negative ? plain.substring(1) : plain;
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        String fraction = dot < 0 ? "" : digits.substring(dot);
        StringBuilder out = new StringBuilder(negative ? "-" : "");
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(whole.charAt(i));
        }
        return out + fraction;
    }
}
