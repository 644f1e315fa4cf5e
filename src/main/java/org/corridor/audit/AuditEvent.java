package org.corridor.audit;

import java.util.Map;
import java.util.Objects;

/**
 * What a feature hands to the audit trail: who did what to which subject, the command as given,
 * its outcome, and the versions of the rules and lists the decision used.
 *
 * @param command any JSON-serialisable value; stored as canonical JSON
 * @param outcome any JSON-serialisable value; stored as canonical JSON
 * @param versions rule-set and list versions that the decision used, such as {@code rules -> 3}
 */
public record AuditEvent(
        Actor actor, String action, String subject, Object command, Object outcome, Map<String, String> versions) {

    public AuditEvent {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        command = command == null ? Map.of() : command;
        outcome = outcome == null ? Map.of() : outcome;
        versions = versions == null ? Map.of() : Map.copyOf(versions);
    }

    public static AuditEvent of(Actor actor, String action, String subject, Object command, Object outcome) {
        return new AuditEvent(actor, action, subject, command, outcome, Map.of());
    }

    public AuditEvent withVersions(Map<String, String> newVersions) {
        return new AuditEvent(actor, action, subject, command, outcome, newVersions);
    }
}
