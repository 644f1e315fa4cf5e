package org.corridor.release;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.corridor.transaction.Transaction;

/**
 * The screening-hit queue of releases as the use cases feed and consult it: findings become OPEN
 * hits unless cleared before or already queued, and a request with hits still standing goes no
 * further. Works in the caller's unit of work; thread-safe.
 */
final class HitQueue {

    /** Hit states that stand between a request and its approval or execution. */
    private static final Set<HitState> BLOCKING = EnumSet.of(HitState.OPEN, HitState.ESCALATED, HitState.TRUE_MATCH);

    private final HitStore hits;
    private final ReleaseClock clock;

    HitQueue(HitStore hits, ReleaseClock clock) {
        this.hits = hits;
        this.clock = clock;
    }

    /** Queues the findings not cleared before and not already on the request; returns how many. */
    int queue(Transaction transaction, RequestRow row, List<PartyChecks.Finding> findings) {
        List<ScreeningHit> existing = new ArrayList<>(hits.hitsOf(transaction, row.id()));
        int opened = 0;
        for (PartyChecks.Finding finding : findings) {
            if (hits.cleared(transaction, finding.partyKey(), finding.entityKey(), finding.fingerprint())
                    || existing.stream().anyMatch(hit -> !hit.superseded() && sameFinding(hit, finding))) {
                continue;
            }
            ScreeningHit hit = open(row, finding);
            hits.insert(transaction, hit);
            existing.add(hit);
            opened++;
        }
        return opened;
    }

    /** True when a hit of the request, not superseded, is open, escalated or a true match. */
    boolean unresolved(Transaction transaction, UUID requestId) {
        return hits.hitsOf(transaction, requestId).stream()
                .anyMatch(hit -> !hit.superseded() && BLOCKING.contains(HitState.valueOf(hit.state())));
    }

    /** True when the hit is what the finding found: the same party, entity and listing. */
    static boolean sameFinding(ScreeningHit hit, PartyChecks.Finding finding) {
        return hit.partyKey().equals(finding.partyKey())
                && hit.entityKey().equals(finding.entityKey())
                && hit.fingerprint().equals(finding.fingerprint());
    }

    private ScreeningHit open(RequestRow row, PartyChecks.Finding finding) {
        return new ScreeningHit(
                UUID.randomUUID(),
                row.id(),
                row.reference(),
                finding.role().name(),
                finding.partyName(),
                finding.partyKey(),
                finding.source(),
                finding.entityKey(),
                finding.entityName(),
                finding.programmes(),
                finding.score().toPlainString(),
                finding.fingerprint(),
                finding.why(),
                HitState.OPEN.name(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false,
                clock.now(),
                finding.versions());
    }
}
