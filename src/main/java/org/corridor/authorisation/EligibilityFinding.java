package org.corridor.authorisation;

import java.util.Optional;

/**
 * One reason found on a goods line, with the facts behind it and the source reference of the rule
 * that produced it.
 */
public record EligibilityFinding(EligibilityReason reason, String detail, Optional<String> source) {}
