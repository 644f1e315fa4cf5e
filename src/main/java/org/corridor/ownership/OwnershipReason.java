package org.corridor.ownership;

/** Why an assessment came out as it did: a named reason and a sentence for the reviewer. */
public record OwnershipReason(Code code, String detail) {

    /** The reasons an assessment can give. */
    public enum Code {
        /** The party itself is listed. */
        LISTED,
        /** The blocked share reaches 50%. */
        BLOCKED_BY_OWNERSHIP,
        /** The blocked share reaches the configured minority threshold. */
        MINORITY_BLOCKED_INTEREST,
        /** A listed or blocked person controls the party (blocks under EU and UK rules, escalates under OFAC). */
        CONTROL_BY_BLOCKED_PERSON,
        /** An owner of the party is controlled by a blocked person, though not blocked itself: for review. */
        CONTROLLED_OWNER,
        /**
         * Listed persons' interest multiplied along paths through owners that are not blocked reaches
         * the minority threshold: no regime blocks on it, a reviewer looks.
         */
        INDIRECT_INTEREST,
        /** An owner counts as listed on a screening hit of its name that no four-eyes review has cleared. */
        OWNER_SCREENING_HIT,
        /** A cycle of cross-holdings held more paths than the search budget; the shares are lower bounds. */
        PATH_SEARCH_LIMITED
    }
}
