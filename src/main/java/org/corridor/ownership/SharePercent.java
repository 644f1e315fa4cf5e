package org.corridor.ownership;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;
import org.corridor.InvalidInputException;

/**
 * A share as an exact percentage from 0 to 100 with at most four decimals, as registers state
 * them. Never a double.
 */
public record SharePercent(BigDecimal value) implements Comparable<SharePercent> {

    private static final BigDecimal ONE_HUNDRED = BigDecimal.valueOf(100);
    private static final Pattern NUMBER = Pattern.compile("[+]?[0-9]{1,3}(\\.[0-9]+)?|-[0-9.]+");
    public static final SharePercent ZERO = new SharePercent(BigDecimal.ZERO);
    public static final SharePercent HUNDRED = new SharePercent(ONE_HUNDRED);

    public SharePercent {
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0 || value.compareTo(ONE_HUNDRED) > 0) {
            throw new InvalidInputException(
                    "SHARE_OUT_OF_RANGE", "a share is from 0 to 100 percent: " + value.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > 4) {
            throw new InvalidInputException(
                    "SHARE_TOO_PRECISE", "a share has at most 4 decimals: " + value.toPlainString());
        }
        value = value.stripTrailingZeros();
        if (value.scale() < 0) {
            value = value.setScale(0, RoundingMode.UNNECESSARY);
        }
    }

    /** Reads {@code 30}, {@code 12.5} or {@code 33.3333}; a trailing {@code %} is allowed. */
    public static SharePercent parse(String text) {
        String plain = text == null ? "" : text.strip();
        if (plain.endsWith("%")) {
            plain = plain.substring(0, plain.length() - 1).strip();
        }
        if (!NUMBER.matcher(plain).matches()) {
            throw new InvalidInputException(
                    "SHARE_INVALID", "a share is a percentage such as 30 or 12.5: '" + abbreviate(text) + "'");
        }
        return new SharePercent(new BigDecimal(plain));
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    public SharePercent plus(SharePercent other) {
        BigDecimal sum = value.add(other.value);
        if (sum.compareTo(ONE_HUNDRED) > 0) {
            throw new InvalidInputException(
                    "SHARE_OUT_OF_RANGE", "shares add up to more than 100 percent: " + sum.toPlainString());
        }
        return new SharePercent(sum);
    }

    /**
     * An aggregate percentage for display: at most four decimals, rounded down, so that a share just
     * under a threshold never reads as the threshold itself ({@code 49.99999} shows as 49.9999).
     */
    public static String format(BigDecimal percent) {
        BigDecimal shown = percent.setScale(4, RoundingMode.DOWN).stripTrailingZeros();
        return shown.scale() < 0 ? shown.setScale(0, RoundingMode.UNNECESSARY).toPlainString() : shown.toPlainString();
    }

    @Override
    public int compareTo(SharePercent other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toPlainString() + "%";
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 20 ? text.substring(0, 20) + "..." : text;
    }
}
