package org.corridor.authorisation;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Part of a goods line's quantity consigned to one end user; a line with several end users is
 * decided part by part, so an excluded end user's part can be split off (FR-17, FR-18).
 *
 * @param type the end-user type; empty when not given or not recognised
 */
public record EndUse(Optional<EndUserType> type, BigDecimal quantity) {

    public EndUse {
        type = type == null ? Optional.empty() : type;
        quantity = quantity == null ? BigDecimal.ZERO : quantity;
    }

    public static EndUse of(EndUserType type, BigDecimal quantity) {
        return new EndUse(Optional.ofNullable(type), quantity);
    }
}
