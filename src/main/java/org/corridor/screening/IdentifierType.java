package org.corridor.screening;

/** Kinds of identifying numbers that lists publish. */
public enum IdentifierType {
    PASSPORT,
    NATIONAL_ID,
    /** IMO ship or company number (seven digits). */
    IMO,
    MMSI,
    CALL_SIGN,
    REGISTRATION_NUMBER,
    TAX_ID,
    SWIFT_BIC,
    AIRCRAFT_SERIAL,
    OTHER
}
