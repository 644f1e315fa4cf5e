package org.corridor.ownership;

import java.math.BigDecimal;
import java.util.List;

/**
 * What one regime's ownership rule says of a party: the rule applied, the status, the share that
 * persons blocked under the regime hold, and the holdings, owners and controllers behind it.
 *
 * @param rule the rule's name and one-line statement, such as {@code OFAC_BLOCKED_HOLDINGS: ...}
 * @param sharePercent the aggregate share of blocked persons under this rule
 * @param holdings the holdings that make up the share, largest first (one hop each under the
 *     regimes' own rules; whole paths under the conservative cascade)
 */
public record RegimeAssessment(
        Regime regime,
        String rule,
        OwnershipStatus status,
        BigDecimal sharePercent,
        List<OwnershipPath> holdings,
        List<BlockedOwner> blockedOwners,
        List<ControlHolder> controllers,
        List<OwnershipReason> reasons) {

    public RegimeAssessment {
        holdings = List.copyOf(holdings);
        blockedOwners = List.copyOf(blockedOwners);
        controllers = List.copyOf(controllers);
        reasons = List.copyOf(reasons);
    }

    /** The rule's name alone, such as {@code OFAC_BLOCKED_HOLDINGS}. */
    public String ruleName() {
        return nameOf(rule);
    }

    static String nameOf(String rule) {
        int colon = rule.indexOf(':');
        return colon < 0 ? rule : rule.substring(0, colon);
    }
}
