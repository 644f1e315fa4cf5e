package org.corridor.authorisation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The decision on one goods line. A line split between end users is ALLOWED for the parts that may
 * go ahead ({@code allowedQuantity} smaller than the quantity), and its other parts carry their own
 * decisions; a line none of whose parts may go ahead is ESCALATE if a person could still clear a
 * part, else DENIED.
 *
 * @param portions the decision per end user, in the order given
 * @param findings every reason found, the line's own and its end users'
 */
public record LineResult(
        String line,
        LineDecision decision,
        Optional<BigDecimal> quantity,
        BigDecimal allowedQuantity,
        List<Portion> portions,
        List<EligibilityFinding> findings) {

    public LineResult {
        portions = List.copyOf(portions);
        findings = List.copyOf(findings);
    }

    /** True when part of the line goes ahead and part does not. */
    public boolean split() {
        return portions.stream().anyMatch(p -> p.decision().verdict() == Verdict.ALLOWED)
                && portions.stream().anyMatch(p -> p.decision().verdict() != Verdict.ALLOWED);
    }

    /** One end user's part of a line and its decision. */
    public record Portion(Optional<EndUserType> endUserType, BigDecimal quantity, LineDecision decision) {}
}
