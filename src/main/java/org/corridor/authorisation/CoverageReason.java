package org.corridor.authorisation;

/**
 * Why no authorisation covers a movement. Declared in order of precedence: the first reason of a
 * refusal is the one a held item shows.
 */
public enum CoverageReason {
    /** The register holds no authorisation that permits this kind of movement at all. */
    NO_AUTHORISATION,
    /** The authorisation that would permit it ended before the execution date. */
    AUTHORISATION_EXPIRED,
    /** The authorisation that would permit it starts after the execution date. */
    NOT_YET_VALID,
    /** The authorisation does not permit this kind of movement. */
    MOVEMENT_NOT_PERMITTED,
    /** A currency of the movement is on the authorisation's prohibited list (FR-8), such as USD. */
    CURRENCY_PROHIBITED,
    /** A currency of the movement is not on the authorisation's permitted list, or a conversion names none. */
    CURRENCY_NOT_PERMITTED,
    /** A disbursement names no purpose, or one the authorisation does not permit. */
    PURPOSE_NOT_PERMITTED,
    /** An account location is missing or not on the authorisation's permitted list (FR-14). */
    LOCATION_NOT_PERMITTED,
    /** A cap would be exceeded, or the movement cannot be measured in the cap's currency. */
    CAP_EXCEEDED,
    /** The authorisation needs the Authority's prior approval and the movement carries no approval reference. */
    PRIOR_APPROVAL_MISSING
}
