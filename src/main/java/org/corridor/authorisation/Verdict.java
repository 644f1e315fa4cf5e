package org.corridor.authorisation;

/** What an eligibility rule or decision says of goods: they may go ahead, a person decides, or they may not. */
public enum Verdict {
    ALLOWED,
    ESCALATE,
    DENIED
}
