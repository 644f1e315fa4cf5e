package org.corridor.authorisation;

/** The kinds of authorisation the register holds (FR-1). */
public enum AuthorisationType {
    WAIVER,
    GENERAL_LICENCE,
    SPECIFIC_LICENCE,
    CHANNEL_ASSURANCE
}
