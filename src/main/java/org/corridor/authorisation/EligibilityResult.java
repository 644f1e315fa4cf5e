package org.corridor.authorisation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The decisions on a list of goods lines, with the rule-set version they used and the date of the rules applied. */
public record EligibilityResult(RuleSetInfo rules, LocalDate on, List<LineResult> lines) {

    /** The key under which decisions record the rule-set version in the audit trail. */
    public static final String VERSION_KEY = "eligibility_rules";

    public EligibilityResult {
        lines = List.copyOf(lines);
    }

    /** The versions map for an {@link org.corridor.audit.AuditEvent} recording these decisions. */
    public Map<String, String> versions() {
        return Map.of(VERSION_KEY, Integer.toString(rules.version()));
    }
}
