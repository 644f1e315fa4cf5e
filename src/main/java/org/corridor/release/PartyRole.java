package org.corridor.release;

/** The part a screened party plays in a request. */
public enum PartyRole {
    VENDOR,
    VENDOR_BANK,
    INTERMEDIARY_BANK,
    PURCHASER,
    END_USER,
    FORWARDER,
    CARRIER,
    VESSEL;

    /**
     * True when the vendor can appoint another party in this role: a TRUE_MATCH then holds the
     * request for a replacement instead of rejecting it.
     */
    public boolean replaceable() {
        return this == FORWARDER || this == CARRIER || this == VESSEL;
    }
}
