package org.corridor.authorisation;

import java.util.Optional;

/** The kinds of money movement that must each be covered by an authorisation (FR-2). */
public enum MovementKind {
    DEPOSIT,
    CONVERSION,
    TRANSFER,
    DISBURSEMENT;

    public static Optional<MovementKind> parse(String text) {
        return Enums.parse(MovementKind.class, text);
    }
}
