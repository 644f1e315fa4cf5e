package org.corridor.ownership;

/**
 * The outcome of an ownership assessment, from least to most severe. The status is an answer,
 * not a failure: callers act on it (clear, send to review, reject).
 */
public enum OwnershipStatus {
    /** No blocked interest that matters. */
    CLEAR,
    /** A significant minority blocked interest, or control by a blocked person: for review. */
    ESCALATE,
    /** Owned 50% or more, in aggregate, directly or indirectly, by blocked persons (the 50 Percent Rule). */
    BLOCKED_BY_OWNERSHIP,
    /** The party itself is on a list. */
    LISTED;

    /** True when the party must be treated as blocked. */
    public boolean blocked() {
        return this == BLOCKED_BY_OWNERSHIP || this == LISTED;
    }

    OwnershipStatus atLeast(OwnershipStatus other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
