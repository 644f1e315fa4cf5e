package org.corridor.ledger;

import java.util.EnumSet;
import java.util.Set;

/**
 * An account's flags. The limit flags and RESTRICTED are fixed at creation; BLOCKED may be set and
 * cleared; CLOSED is final. Stored as a bit set; the bits are part of the schema's check
 * constraints and must not be renumbered.
 */
public enum AccountFlag {
    /** Debits (pending and posted) may never exceed posted credits: no overdraft. */
    DEBITS_MUST_NOT_EXCEED_CREDITS(1),
    /** Credits (pending and posted) may never exceed posted debits. */
    CREDITS_MUST_NOT_EXCEED_DEBITS(2),
    /** Fully frozen: refuses every new transfer except voiding or expiring its holds. */
    BLOCKED(4),
    /** Channel use only; recorded here and enforced by the features that move money. */
    RESTRICTED(8),
    /** Closed for good: refuses every new transfer. Accounts are never deleted. */
    CLOSED(16);

    /** The flags a client may set when it creates an account. */
    static final Set<AccountFlag> AT_CREATION =
            EnumSet.of(DEBITS_MUST_NOT_EXCEED_CREDITS, CREDITS_MUST_NOT_EXCEED_DEBITS, BLOCKED, RESTRICTED);

    /** The flags that identify an account's kind: a repeated creation must name the same ones. */
    static final Set<AccountFlag> IMMUTABLE =
            EnumSet.of(DEBITS_MUST_NOT_EXCEED_CREDITS, CREDITS_MUST_NOT_EXCEED_DEBITS, RESTRICTED);

    private final int bit;

    AccountFlag(int bit) {
        this.bit = bit;
    }

    int bit() {
        return bit;
    }

    boolean in(int bits) {
        return (bits & bit) != 0;
    }

    static int bits(Set<AccountFlag> flags) {
        int bits = 0;
        for (AccountFlag flag : flags) {
            bits |= flag.bit;
        }
        return bits;
    }

    static Set<AccountFlag> of(int bits) {
        Set<AccountFlag> flags = EnumSet.noneOf(AccountFlag.class);
        for (AccountFlag flag : values()) {
            if (flag.in(bits)) {
                flags.add(flag);
            }
        }
        return flags;
    }
}
