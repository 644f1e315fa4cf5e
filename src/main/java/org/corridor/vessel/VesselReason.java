package org.corridor.vessel;

/** One reason a screening gives: a named code, the decision it calls for, and a sentence. */
public record VesselReason(Code code, VesselDecision effect, String detail) {

    /** The reasons a vessel screening can give. */
    public enum Code {
        /** The IMO number is on a list, exactly. */
        IMO_LISTED,
        /** The IMO number fails its check digit: altered or invented. */
        IMO_CHECK_DIGIT,
        /** The name resembles a listed vessel's: for review. */
        NAME_MATCH,
        REGISTERED_OWNER_BLOCKED,
        REGISTERED_OWNER_ESCALATED,
        MANAGER_BLOCKED,
        MANAGER_ESCALATED,
        /** The flag state is on the high-risk list. */
        FLAG_HIGH_RISK,
        AIS_GAP,
        STS_TRANSFER,
        FLAG_CHANGE,
        /** Repeated flag changes ("flag hopping"). */
        FLAG_HOPPING
    }
}
