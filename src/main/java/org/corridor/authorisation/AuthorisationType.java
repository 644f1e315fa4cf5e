package org.corridor.authorisation;

import java.util.Optional;

/** The kinds of authorisation the register holds (FR-1). */
public enum AuthorisationType {
    WAIVER,
    GENERAL_LICENCE,
    SPECIFIC_LICENCE,
    CHANNEL_ASSURANCE;

    public static Optional<AuthorisationType> parse(String text) {
        return Enums.parse(AuthorisationType.class, text);
    }
}
