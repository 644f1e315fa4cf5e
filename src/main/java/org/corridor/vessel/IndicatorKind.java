package org.corridor.vessel;

/** The risk indicators a feed or an analyst supplies for a vessel (domain.md 5.2). */
public enum IndicatorKind {
    /** The vessel's AIS transponder went silent for a while. */
    AIS_GAP,
    /** A ship-to-ship cargo transfer at sea. */
    STS_TRANSFER,
    /** The vessel changed its flag state. */
    FLAG_CHANGE
}
