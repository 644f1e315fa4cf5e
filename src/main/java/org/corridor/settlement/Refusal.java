package org.corridor.settlement;

import org.corridor.authorisation.CoverageReason;

/**
 * Why a movement was refused or held, in order of precedence. The first group repeats the
 * authorisation register's reasons (FR-2: a movement with no valid authorisation on its value date
 * never happens); the second is settlement's own.
 */
public enum Refusal {
    NO_AUTHORISATION,
    AUTHORISATION_EXPIRED,
    NOT_YET_VALID,
    MOVEMENT_NOT_PERMITTED,
    CURRENCY_PROHIBITED,
    CURRENCY_NOT_PERMITTED,
    PURPOSE_NOT_PERMITTED,
    LOCATION_NOT_PERMITTED,
    CAP_EXCEEDED,
    PRIOR_APPROVAL_MISSING,

    /** An account of the movement is frozen. */
    ACCOUNT_BLOCKED,
    /** The source account holds less than the movement takes, on its value date (FIFO lots). */
    INSUFFICIENT_FUNDS,
    /** The account's weekly conversion cap would be exceeded (FR-15). */
    CONVERSION_CAP_EXCEEDED,
    /** More than the account's largest tranche in one execution (FR-15). */
    TRANCHE_TOO_LARGE;

    static Refusal of(CoverageReason reason) {
        return valueOf(reason.name());
    }
}
