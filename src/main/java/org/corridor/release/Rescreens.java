package org.corridor.release;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditLog;
import org.corridor.audit.CanonicalJson;
import org.corridor.screening.ListedEntity;
import org.corridor.screening.Screener;
import org.corridor.transaction.Transactions;

/**
 * Re-screening of the live requests when the lists change (FR-21): their parties' names against
 * the listed entities that changed only, one unit of work per request that has new findings.
 * Thread-safe.
 */
final class Rescreens {

    private final Transactions transactions;
    private final ReleaseStore store;
    private final HitQueue hits;
    private final ReleaseQueries queries;
    private final AuditLog audit;

    Rescreens(Transactions transactions, ReleaseStore store, HitQueue hits, ReleaseQueries queries, AuditLog audit) {
        this.transactions = transactions;
        this.store = store;
        this.hits = hits;
        this.queries = queries;
        this.audit = audit;
    }

    /** Queues the hits not seen or cleared before; returns those opened (or still open) by this delta. */
    List<ScreeningHit> rescreen(Collection<ListedEntity> changedEntities, Actor by) {
        if (changedEntities.isEmpty()) {
            return List.of();
        }
        PartyScreening delta = PartyScreening.over(
                Screener.of(changedEntities), Map.of("delta", Integer.toString(changedEntities.size())));
        List<ScreeningHit> opened = new ArrayList<>();
        // A split request is not live; its parts are screened in their own right.
        for (RequestRow row : queries.live()) {
            List<PartyChecks.Finding> findings = PartyChecks.names(row.content(), delta);
            if (findings.isEmpty()) {
                continue;
            }
            transactions.useTransaction(tx -> {
                RequestRow locked = store.lock(tx, row.id());
                int count = hits.queue(tx, locked, findings);
                if (count > 0) {
                    audit.append(
                            tx,
                            AuditEvent.of(
                                    by,
                                    "RELEASE_RESCREENED",
                                    "release:" + row.reference(),
                                    CanonicalJson.fields("changed_entities", changedEntities.size()),
                                    CanonicalJson.fields("hits_opened", count)));
                }
            });
            queries.hitsOf(row.id()).stream()
                    .filter(hit -> hit.state().equals(HitState.OPEN.name())
                            && findings.stream().anyMatch(finding -> HitQueue.sameFinding(hit, finding)))
                    .forEach(opened::add);
        }
        return opened;
    }
}
