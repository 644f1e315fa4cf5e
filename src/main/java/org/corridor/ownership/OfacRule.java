package org.corridor.ownership;

import java.util.Locale;
import org.corridor.InvalidInputException;

/**
 * How the OFAC 50 Percent Rule counts indirect holdings; a channel chooses in its ownership rules.
 */
public enum OfacRule {
    /**
     * OFAC's own rule (Revised Guidance on Entities Owned by Persons Whose Property and Interests in
     * Property Are Blocked, 13 August 2014): add up the holdings of blocked persons only; an entity
     * blocked by the rule is a blocked person for its own holdings; nothing is multiplied through an
     * entity that is not blocked. The default.
     */
    BLOCKED_HOLDINGS,
    /**
     * Corridor's earlier, more conservative reading: also multiply shares along paths through
     * entities that are not blocked, and block at 50% of the products. Blocks more than OFAC does.
     */
    CONSERVATIVE_CASCADE;

    /** Reads a rule by name; refuses any other with RULES_INVALID. */
    public static OfacRule parse(String name) {
        String wanted = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        for (OfacRule rule : values()) {
            if (rule.name().equals(wanted)) {
                return rule;
            }
        }
        throw new InvalidInputException(
                "RULES_INVALID", "ofac_rule is BLOCKED_HOLDINGS or CONSERVATIVE_CASCADE: '" + name + "'");
    }

    String rule() {
        return switch (this) {
            case BLOCKED_HOLDINGS ->
                "OFAC_BLOCKED_HOLDINGS: 50% or more held, in aggregate, by blocked persons; entities blocked"
                        + " by the rule count as blocked persons for their own holdings; no multiplication through"
                        + " entities that are not blocked (OFAC guidance of 13 August 2014)";
            case CONSERVATIVE_CASCADE ->
                "OFAC_CONSERVATIVE_CASCADE: 50% or more of the sum over paths from blocked persons of the"
                        + " products of the shares, through entities that are not blocked (a channel's choice,"
                        + " stricter than OFAC's guidance)";
        };
    }
}
