package org.corridor.screening;

/** How a name relates to its listed entity; weak aliases count for less when they match. */
public enum NameKind {
    PRIMARY,
    STRONG_ALIAS,
    /** A low-quality alias (OFAC remarks a.k.a., UN "Low" quality): often a nickname or kunya. */
    WEAK_ALIAS,
    /** The name in its original, usually non-Latin, script. */
    ORIGINAL_SCRIPT
}
