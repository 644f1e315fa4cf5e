package org.corridor.release;

import static org.corridor.release.ReleaseRows.HIT_SELECT;
import static org.corridor.release.ReleaseRows.json;
import static org.corridor.release.ReleaseRows.utc;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.NotFoundException;
import org.corridor.db.Handles;
import org.corridor.transaction.Transaction;

/**
 * SQL for the screening-hit queue of releases and the memory of cleared hits. Every method works in
 * the unit of work it is handed. Thread-safe (it holds no state but the clock).
 */
final class HitStore {

    private final Clock clock;

    HitStore(Clock clock) {
        this.clock = clock;
    }

    void insert(Transaction transaction, ScreeningHit hit) {
        Handles.of(transaction)
                .createUpdate("""
                        insert into release_hit
                          (id, request_id, party_role, party_name, party_key, source, entity_key, entity_name,
                           programmes, score, fingerprint, why, state, opened_at, versions)
                        values (:id, :request, :role, :name, :key, :source, :entityKey, :entityName,
                                :programmes, :score, :fingerprint, cast(:why as jsonb), 'OPEN', :at,
                                cast(:versions as jsonb))
                        """)
                .bind("id", hit.id())
                .bind("request", hit.requestId())
                .bind("role", hit.partyRole())
                .bind("name", hit.partyName())
                .bind("key", hit.partyKey())
                .bind("source", hit.source())
                .bind("entityKey", hit.entityKey())
                .bind("entityName", hit.entityName())
                .bind("programmes", String.join(",", hit.programmes()))
                .bind("score", new BigDecimal(hit.score()))
                .bind("fingerprint", hit.fingerprint())
                .bind("why", json(hit.why()))
                .bind("at", utc(hit.openedAt()))
                .bind("versions", json(hit.versions()))
                .execute();
    }

    /** Every hit of a request, superseded ones included, oldest first. */
    List<ScreeningHit> hitsOf(Transaction transaction, UUID requestId) {
        return Handles.of(transaction)
                .createQuery(HIT_SELECT + " where h.request_id = :id order by h.opened_at, h.id")
                .bind("id", requestId)
                .map((rs, ctx) -> ReleaseRows.hit(rs))
                .list();
    }

    /**
     * The queue, oldest first: every hit; or those in one state and not superseded; or (SUPERSEDED)
     * those whose party was replaced, whatever their last decision.
     */
    List<ScreeningHit> hits(Transaction transaction, Optional<HitState> state, int limit) {
        return Handles.of(transaction)
                .createQuery(HIT_SELECT + """
                         where cast(:state as text) is null
                            or (cast(:state as text) = 'SUPERSEDED' and h.superseded)
                            or (h.state = cast(:state as text) and not h.superseded)
                         order by h.opened_at, h.id limit :limit
                        """)
                .bind("state", state.map(Enum::name).orElse(null))
                .bind("limit", limit)
                .map((rs, ctx) -> ReleaseRows.hit(rs))
                .list();
    }

    Optional<ScreeningHit> hit(Transaction transaction, UUID id) {
        return Handles.of(transaction)
                .createQuery(HIT_SELECT + " where h.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> ReleaseRows.hit(rs))
                .findFirst();
    }

    /**
     * The hit, locked until the unit of work ends, so that two dispositions of one hit happen one
     * after the other.
     *
     * @throws NotFoundException HIT_NOT_FOUND
     */
    ScreeningHit lock(Transaction transaction, UUID id) {
        Handles.of(transaction)
                .createQuery("select id from release_hit where id = :id for update")
                .bind("id", id)
                .mapTo(UUID.class)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("HIT_NOT_FOUND", "no screening hit " + id));
        return hit(transaction, id).orElseThrow();
    }

    /** Records the first person's proposal; the hit stays OPEN until a second reviewer decides. */
    void propose(Transaction transaction, UUID id, HitState proposal, String rationale, String actor, String role) {
        Handles.of(transaction)
                .createUpdate("""
                        update release_hit set proposed = :proposal, first_by = :by, first_role = :role,
                          first_rationale = :rationale, first_at = :now where id = :id
                        """)
                .bind("proposal", proposal.name())
                .bind("by", actor)
                .bind("role", role)
                .bind("rationale", rationale)
                .bind("now", utc(clock.instant()))
                .bind("id", id)
                .execute();
    }

    /** Decides a hit: as its first disposition, or as the second reviewer's. */
    void decide(
            Transaction transaction,
            UUID id,
            HitState state,
            String rationale,
            String actor,
            String role,
            boolean second) {
        String prefix = second ? "second" : "first";
        Handles.of(transaction)
                .createUpdate("update release_hit set state = :state, proposed = null, " + prefix + "_by = :by, "
                        + prefix + "_role = :role, " + prefix + "_rationale = :rationale, " + prefix
                        + "_at = :now where id = :id")
                .bind("state", state.name())
                .bind("by", actor)
                .bind("role", role)
                .bind("rationale", rationale)
                .bind("now", utc(clock.instant()))
                .bind("id", id)
                .execute();
    }

    /** Marks one hit as no longer bearing on its request (the amendment removed what it found). */
    void supersede(Transaction transaction, UUID hitId) {
        Handles.of(transaction)
                .createUpdate("update release_hit set superseded = true where id = :id")
                .bind("id", hitId)
                .execute();
    }

    /** Remembers a cleared hit, so that the same party, entity and listing are not queued again. */
    void remember(Transaction transaction, ScreeningHit hit) {
        Handles.of(transaction)
                .createUpdate("""
                        insert into release_cleared_hit (party_key, entity_key, fingerprint, hit_id, cleared_at)
                        values (:party, :entity, :fingerprint, :hit, :now)
                        on conflict do nothing
                        """)
                .bind("party", hit.partyKey())
                .bind("entity", hit.entityKey())
                .bind("fingerprint", hit.fingerprint())
                .bind("hit", hit.id())
                .bind("now", utc(clock.instant()))
                .execute();
    }

    boolean cleared(Transaction transaction, String partyKey, String entityKey, String fingerprint) {
        return Handles.of(transaction)
                        .createQuery("""
                                select count(*) from release_cleared_hit
                                where party_key = :party and entity_key = :entity and fingerprint = :fingerprint
                                """)
                        .bind("party", partyKey)
                        .bind("entity", entityKey)
                        .bind("fingerprint", fingerprint)
                        .mapTo(Long.class)
                        .one()
                > 0;
    }
}
