package org.corridor.release;

import java.util.Map;
import java.util.TreeMap;
import org.corridor.InvalidInputException;

/**
 * How many days after the value date each post-payment document is due: configuration, like the
 * other thresholds, read from {@code CORRIDOR_FOLLOW_UP_DAYS_<KIND>} (for example
 * {@code CORRIDOR_FOLLOW_UP_DAYS_BILL_OF_LADING=45}); a kind not set keeps its default.
 *
 * @param days the deadline in days of each document kind
 */
public record FollowUpDeadlines(Map<String, Integer> days) {

    /** Shipping documents within 30 days, delivery and end use within 90. */
    public static final FollowUpDeadlines DEFAULTS = new FollowUpDeadlines(Map.of(
            "BILL_OF_LADING", 30,
            "CERTIFICATE_OF_ORIGIN", 30,
            "ORDER_REGISTRATION", 30,
            "DELIVERY_CONFIRMATION", 90,
            "END_USE_STATEMENT", 90));

    /** The environment variable of a kind's deadline. */
    static final String PREFIX = "CORRIDOR_FOLLOW_UP_DAYS_";

    public FollowUpDeadlines {
        days.forEach((kind, value) -> {
            if (value == null || value < 1 || value > 3650) {
                throw new InvalidInputException(
                        "CONFIG_INVALID", PREFIX + kind + " is a number of days from 1 to 3650, not " + value);
            }
        });
        days = Map.copyOf(days);
    }

    /** The defaults, with each kind set in {@code env} replaced; an unknown kind is refused. */
    public static FollowUpDeadlines fromEnvironment(Map<String, String> env) {
        Map<String, Integer> days = new TreeMap<>(DEFAULTS.days());
        env.forEach((name, value) -> {
            if (!name.startsWith(PREFIX)) {
                return;
            }
            String kind = name.substring(PREFIX.length());
            if (!DEFAULTS.days().containsKey(kind)) {
                throw new InvalidInputException(
                        "CONFIG_INVALID",
                        name + " names no follow-up document; the kinds are "
                                + DEFAULTS.days().keySet());
            }
            try {
                days.put(kind, Integer.parseInt(value.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("CONFIG_INVALID", name + " is a number of days, not '" + value + "'");
            }
        });
        return new FollowUpDeadlines(days);
    }
}
