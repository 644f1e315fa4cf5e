package org.corridor.release;

/** Where a screening hit stands in the review queue (FR-24). */
public enum HitState {
    OPEN,
    FALSE_POSITIVE,
    TRUE_MATCH,
    ESCALATED
}
