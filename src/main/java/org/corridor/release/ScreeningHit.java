package org.corridor.release;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A hit in the review queue: which party of which request, what it matched (a listed entity, the
 * 50 Percent Rule, or a vessel's red flags), why, and the dispositions so far. A FALSE_POSITIVE
 * needs two people: the first proposes it, a COMPLIANCE_REVIEWER who is not the first confirms.
 *
 * @param partyKey the party's normalised name: cleared hits are remembered under it
 * @param source one of {@link HitSource}, as text
 * @param fingerprint SHA-256 of the listing's content (or of the ownership or vessel findings)
 * @param proposed the first person's proposal while the hit awaits its second reviewer
 * @param superseded true when the party was replaced, so the hit no longer bears on the request
 */
public record ScreeningHit(
        UUID id,
        UUID requestId,
        String requestReference,
        String partyRole,
        String partyName,
        String partyKey,
        String source,
        String entityKey,
        String entityName,
        List<String> programmes,
        String score,
        String fingerprint,
        List<String> why,
        String state,
        Optional<String> proposed,
        Optional<String> firstBy,
        Optional<String> firstRationale,
        Optional<Instant> firstAt,
        Optional<String> secondBy,
        Optional<String> secondRationale,
        Optional<Instant> secondAt,
        boolean superseded,
        Instant openedAt,
        Map<String, String> versions) {}
