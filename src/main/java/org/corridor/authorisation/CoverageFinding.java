package org.corridor.authorisation;

import java.util.UUID;

/** One reason one authorisation does not cover a movement, with the facts behind it. */
public record CoverageFinding(
        UUID authorisationId, String authorisationReference, CoverageReason reason, String detail) {}
