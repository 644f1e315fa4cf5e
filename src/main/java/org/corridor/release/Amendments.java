package org.corridor.release;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.ConflictException;
import org.corridor.InvalidInputException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditLog;
import org.corridor.audit.CanonicalJson;
import org.corridor.transaction.Transaction;
import org.corridor.transaction.Transactions;

/**
 * Amendment of a request's replaceable parties: a new forwarder, or a new shipment (carrier and
 * vessel). The old party's hits are superseded and the new one is screened. Thread-safe.
 */
final class Amendments {

    private final Transactions transactions;
    private final ReleaseStore store;
    private final HitStore hitStore;
    private final HitQueue hits;
    private final PartyChecks parties;
    private final ReleaseQueries queries;
    private final AuditLog audit;
    private final ReleaseClock clock;

    Amendments(
            Transactions transactions,
            ReleaseStore store,
            HitStore hitStore,
            HitQueue hits,
            PartyChecks parties,
            ReleaseQueries queries,
            AuditLog audit,
            ReleaseClock clock) {
        this.transactions = transactions;
        this.store = store;
        this.hitStore = hitStore;
        this.hits = hits;
        this.parties = parties;
        this.queries = queries;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Replaces the forwarder or the shipment of a request in review or held for a replacement; a
     * request held for a replacement returns to review when no TRUE_MATCH remains.
     */
    Release amend(Actor by, UUID id, Releases.Amendment amendment) {
        if (amendment == null || (isEmpty(amendment.forwarder()) && isEmpty(amendment.shipment()))) {
            throw new InvalidInputException("FIELD_MISSING", "an amendment names a new forwarder or shipment");
        }
        NewRequest old = queries.row(id).content();
        Optional<NewRequest.PartyInput> forwarder =
                amendment.forwarder() == null ? Optional.empty() : amendment.forwarder();
        Optional<NewRequest.ShipmentInput> shipment =
                amendment.shipment() == null ? Optional.empty() : amendment.shipment();
        forwarder.ifPresent(party -> RequestChecks.party(party, "forwarder"));
        shipment.ifPresent(RequestChecks::shipment);
        NewRequest changed = changed(old, forwarder, shipment);
        List<PartyRole> replaced = new ArrayList<>();
        forwarder.ifPresent(party -> replaced.add(PartyRole.FORWARDER));
        if (shipment.isPresent()) {
            replaced.add(PartyRole.CARRIER);
            replaced.add(PartyRole.VESSEL);
        }
        List<PartyChecks.Finding> findings = parties.screen(changed, clock.today(), EnumSet.copyOf(replaced));
        String note = amendment.note() == null ? "" : amendment.note().trim();
        transactions.useTransaction(tx -> amendWithin(tx, by, id, changed, replaced, findings, note));
        return queries.get(id);
    }

    private void amendWithin(
            Transaction tx,
            Actor by,
            UUID id,
            NewRequest changed,
            List<PartyRole> replaced,
            List<PartyChecks.Finding> findings,
            String note) {
        RequestRow row = store.lock(tx, id);
        boolean heldForReplacement = row.state() == RequestState.HELD
                && row.reason()
                        .filter(ReleaseReason.PARTY_REPLACEMENT_REQUIRED.name()::equals)
                        .isPresent();
        if (row.state() != RequestState.IN_REVIEW && !heldForReplacement) {
            throw new ConflictException(
                    "RELEASE_NOT_AMENDABLE",
                    row.reference() + " is " + row.state() + "; only requests in review"
                            + " or held for a replacement are amended");
        }
        store.setContent(tx, id, changed, RequestChecks.contentSha256(changed));
        hitStore.supersede(tx, id, replaced);
        int opened = hits.queue(tx, row, findings);
        if (heldForReplacement) {
            boolean blocked = hitStore.hitsOf(tx, id).stream()
                    .anyMatch(hit -> !hit.superseded() && hit.state().equals(HitState.TRUE_MATCH.name()));
            if (!blocked) {
                store.move(
                        tx,
                        row,
                        RequestState.IN_REVIEW,
                        Optional.empty(),
                        "party replaced: " + replaced,
                        by.name(),
                        by.role());
            }
        }
        audit.append(
                tx,
                AuditEvent.of(
                        by,
                        "RELEASE_AMENDED",
                        "release:" + row.reference(),
                        CanonicalJson.fields(
                                "replaced", replaced.stream().map(Enum::name).toList(), "note", note),
                        CanonicalJson.fields("hits_opened", opened)));
    }

    /** The request with the new forwarder or shipment in place of the old. */
    private static NewRequest changed(
            NewRequest old, Optional<NewRequest.PartyInput> forwarder, Optional<NewRequest.ShipmentInput> shipment) {
        return new NewRequest(
                old.reference(),
                old.holder(),
                old.payFrom(),
                old.purchaser(),
                old.endUsers(),
                old.vendor(),
                old.vendorAccount(),
                old.intermediaryBank(),
                old.lines(),
                old.incoterm(),
                shipment.orElse(old.shipment()),
                forwarder.isPresent() ? forwarder : old.forwarder(),
                old.documents());
    }

    private static boolean isEmpty(Optional<?> value) {
        return value == null || value.isEmpty();
    }
}
