package org.corridor.authorisation;

import java.time.Instant;

/**
 * A stored version of the eligibility rules: what every decision records it used.
 *
 * @param sourceName the file or origin it was imported from
 * @param sha256 the SHA-256 of the document as imported
 */
public record RuleSetInfo(
        int version, String name, String sourceName, String sha256, Instant importedAt, String importedBy) {}
