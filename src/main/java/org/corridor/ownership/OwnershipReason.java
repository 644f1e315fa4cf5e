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
        /** A listed or blocked person controls the party. */
        CONTROL_BY_BLOCKED_PERSON,
        /** A cycle of cross-holdings held more paths than the search budget; the shares are lower bounds. */
        PATH_SEARCH_LIMITED
    }
}
