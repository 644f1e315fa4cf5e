package org.corridor.ownership;

/**
 * How an owner holds a party: shares (which the 50 Percent Rule adds up) or control without a
 * share (which does not trigger the rule but escalates when a blocked person holds it).
 */
public enum EdgeKind {
    OWNERSHIP,
    CONTROL
}
