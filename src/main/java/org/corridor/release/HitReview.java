package org.corridor.release;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.corridor.ConflictException;
import org.corridor.InvalidInputException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditLog;
import org.corridor.audit.CanonicalJson;
import org.corridor.identity.FourEyes;
import org.corridor.transaction.Transaction;
import org.corridor.transaction.Transactions;

/**
 * Review of screening hits with four eyes (FR-24): TRUE_MATCH and ESCALATED take effect at once;
 * FALSE_POSITIVE is a proposal until a COMPLIANCE_REVIEWER who is not the first confirms it, and an
 * ESCALATED hit is decided by such a reviewer. A TRUE_MATCH blocks the party: a replaceable party
 * holds the request for a replacement, any other rejects it (voiding its hold); either way a
 * rejection event (RPT-5) is recorded. Thread-safe.
 */
final class HitReview {

    private final Transactions transactions;
    private final ReleaseStore store;
    private final HitStore hits;
    private final Holds holds;
    private final ReleaseQueries queries;
    private final AuditLog audit;
    private final ReleaseClock clock;

    HitReview(
            Transactions transactions,
            ReleaseStore store,
            HitStore hits,
            Holds holds,
            ReleaseQueries queries,
            AuditLog audit,
            ReleaseClock clock) {
        this.transactions = transactions;
        this.store = store;
        this.hits = hits;
        this.holds = holds;
        this.queries = queries;
        this.audit = audit;
        this.clock = clock;
    }

    /** Disposes of a hit; a rationale is required. */
    ScreeningHit dispose(Actor by, UUID hitId, Releases.Disposition disposition) {
        if (disposition == null) {
            throw new InvalidInputException("BODY_MISSING", "a disposition is required");
        }
        HitState decision = RequestChecks.choice(HitState.class, disposition.decision(), "DISPOSITION_INVALID");
        if (decision == HitState.OPEN || decision == HitState.SUPERSEDED) {
            throw new InvalidInputException(
                    "DISPOSITION_INVALID", "a disposition is FALSE_POSITIVE, TRUE_MATCH or ESCALATED");
        }
        if (disposition.rationale() == null || disposition.rationale().isBlank()) {
            throw new InvalidInputException("RATIONALE_REQUIRED", "a disposition needs its rationale");
        }
        String rationale = disposition.rationale().trim();
        FourEyes.disposer(by).require();
        LocalDate today = clock.today();
        transactions.useTransaction(tx -> disposeWithin(tx, by, hitId, decision, rationale, today));
        return queries.hit(hitId);
    }

    private void disposeWithin(
            Transaction tx, Actor by, UUID hitId, HitState decision, String rationale, LocalDate today) {
        ScreeningHit hit = hits.lock(tx, hitId);
        RequestRow request = store.request(tx, hit.requestId()).orElseThrow();
        FourEyes.notBroughtBy(
                        by,
                        Set.of(request.submittedBy()),
                        "SUBMITTER_DISPOSES_NO_HIT",
                        "submitted " + request.reference(),
                        "its hits are decided by other people")
                .require();
        boolean second = second(hit, by, decision);
        String action;
        if (!second && decision == HitState.FALSE_POSITIVE) {
            hits.propose(tx, hitId, HitState.FALSE_POSITIVE, rationale, by.name(), by.role());
            action = "HIT_CLEARING_PROPOSED";
        } else {
            hits.decide(tx, hitId, decision, rationale, by.name(), by.role(), second);
            action = "HIT_" + decision.name();
            if (decision == HitState.FALSE_POSITIVE) {
                hits.remember(tx, hit);
            }
            if (decision == HitState.TRUE_MATCH) {
                block(tx, hit, today, by);
            }
        }
        audit.append(
                tx,
                new AuditEvent(
                        by,
                        action,
                        "release-hit:" + hitId,
                        CanonicalJson.fields("decision", decision.name(), "rationale", rationale),
                        CanonicalJson.fields(
                                "request", hit.requestReference(),
                                "party", hit.partyName(),
                                "role", hit.partyRole(),
                                "entity", hit.entityKey(),
                                "fingerprint", hit.fingerprint(),
                                "second", second),
                        hit.versions()));
    }

    /**
     * Whether this disposition is the second person's: a proposal awaits one, as does an escalated
     * hit. Refuses a disposition the hit's state or the four-eyes rule does not allow.
     */
    private static boolean second(ScreeningHit hit, Actor by, HitState decision) {
        if (hit.superseded()) {
            throw new ConflictException("HIT_SUPERSEDED", "the party of this hit was replaced");
        }
        HitState state = HitState.valueOf(hit.state());
        if (state == HitState.OPEN && hit.proposed().isEmpty()) {
            return false;
        }
        if (state != HitState.OPEN && state != HitState.ESCALATED) {
            throw new ConflictException("HIT_ALREADY_DISPOSED", "the hit is " + state);
        }
        FourEyes.secondOnHit(by, hit.firstBy()).require();
        if (decision == HitState.ESCALATED) {
            throw new ConflictException("HIT_ALREADY_ESCALATED", "the hit awaits a final decision");
        }
        return true;
    }

    /** A TRUE_MATCH: records the rejection event and holds or rejects the request if it is still live. */
    private void block(Transaction tx, ScreeningHit hit, LocalDate today, Actor by) {
        RequestRow row = store.lock(tx, hit.requestId());
        PartyRole role = PartyRole.valueOf(hit.partyRole());
        ReleaseReason reason =
                role.replaceable() ? ReleaseReason.PARTY_REPLACEMENT_REQUIRED : ReleaseReason.PARTY_BLOCKED;
        store.insertRejection(
                tx,
                row.id(),
                new Rejection(
                        row.reference(),
                        hit.id(),
                        hit.partyRole(),
                        hit.partyName(),
                        hit.source() + " TRUE_MATCH: " + hit.entityName(),
                        today,
                        ReleaseClock.plusBusinessDays(today, Releases.REPORT_DUE_BUSINESS_DAYS)));
        if (!row.state().open()) {
            return;
        }
        if (reason == ReleaseReason.PARTY_BLOCKED) {
            String detail = hit.partyRole() + " " + hit.partyName() + " blocked (" + hit.entityName() + ")";
            row.holdId().ifPresent(hold -> holds.voidHold(tx, row, hold, by));
            store.move(tx, row, RequestState.REJECTED, Optional.of(reason.name()), detail, by.name(), by.role());
        } else {
            // The agent reads this transition to know what to replace: it names the party, not what it matched.
            store.move(
                    tx,
                    row,
                    RequestState.HELD,
                    Optional.of(reason.name()),
                    hit.partyRole() + " " + hit.partyName() + " must be replaced; the vendor must appoint another",
                    by.name(),
                    by.role());
        }
    }
}
