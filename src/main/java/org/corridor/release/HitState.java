package org.corridor.release;

/**
 * Where a screening hit stands in the review queue (screening-hit review, four eyes to clear). A
 * hit's stored state is one of the first four; SUPERSEDED is where the queue shows a hit whose
 * party was replaced by an amendment: nobody can act on it any more, and its last decision stays
 * in its {@code state}. It is a filter of {@code GET /hits} and {@code hits list}, never a disposition.
 */
public enum HitState {
    OPEN,
    FALSE_POSITIVE,
    TRUE_MATCH,
    ESCALATED,
    SUPERSEDED
}
