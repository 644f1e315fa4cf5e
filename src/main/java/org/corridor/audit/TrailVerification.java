package org.corridor.audit;

import java.util.List;
import java.util.Optional;

/**
 * The audit trail checked against itself and against signed checkpoints kept outside the
 * database: the chain's own verdict, how many checkpoints were checked, the latest of them, and
 * every named finding (empty when all is well).
 *
 * @param notes what could not be proven and why, without being wrong (no checkpoint yet)
 */
public record TrailVerification(
        ChainVerification chain,
        int checkpointsChecked,
        Optional<Checkpoint> latest,
        List<Finding> findings,
        List<String> notes) {

    public TrailVerification {
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }

    /** True when nothing was found wrong. */
    public boolean intact() {
        return findings.isEmpty();
    }
}
