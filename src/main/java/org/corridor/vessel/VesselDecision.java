package org.corridor.vessel;

/** The outcome of screening a vessel, from least to most severe; an answer, not a failure. */
public enum VesselDecision {
    CLEAR,
    /** Red flags for a reviewer: name hits, risk indicators, a high-risk flag, an escalated owner. */
    ESCALATE,
    /** An exact list hit on the IMO number, or a listed or blocked owner or manager. */
    BLOCKED;

    VesselDecision atLeast(VesselDecision other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
