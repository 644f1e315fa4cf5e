package org.corridor.authorisation;

/**
 * What importing a rule file did.
 *
 * @param created false when the file was identical to the active version, which stays active
 */
public record ImportOutcome(RuleSetInfo active, boolean created) {}
