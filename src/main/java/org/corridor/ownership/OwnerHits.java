package org.corridor.ownership;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.corridor.ConflictException;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditLog;
import org.corridor.audit.CanonicalJson;
import org.corridor.identity.FourEyes;
import org.corridor.transaction.Transaction;
import org.corridor.transaction.Transactions;

/**
 * Screening hits on the owners and controllers of the graph, and their review with four eyes, by
 * the same rules as the hits of releases (FR-24): TRUE_MATCH and ESCALATED take effect at once;
 * FALSE_POSITIVE is a proposal until a COMPLIANCE_REVIEWER who is not the first confirms it; an
 * ESCALATED hit is decided by such a reviewer; nobody who recorded ownership data naming the owner
 * decides its hit. Until cleared, a hit counts as a listing for the ownership rules. Thread-safe.
 */
public final class OwnerHits {

    /** The review's decisions. */
    public enum Decision {
        FALSE_POSITIVE,
        TRUE_MATCH,
        ESCALATED
    }

    /** A decision on a hit, with why. */
    public record Disposition(String decision, String rationale) {}

    public static final int MAX_PAGE = 500;

    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;
    private final OwnerScreening screening;
    private final OwnerHitStore store = new OwnerHitStore();

    OwnerHits(Transactions transactions, AuditLog audit, Clock clock, OwnerScreening screening) {
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.screening = screening;
    }

    /** Each owner's matches against the active lists; owners without any are left out. Call outside a unit of work. */
    Map<PartyRef, OwnerScreening.Result> screen(Collection<PartyRef> owners) {
        return screen(owners, screening);
    }

    private static Map<PartyRef, OwnerScreening.Result> screen(Collection<PartyRef> owners, OwnerScreening with) {
        Map<PartyRef, OwnerScreening.Result> found = new LinkedHashMap<>();
        for (PartyRef owner : owners) {
            OwnerScreening.Result result = with.screen(owner);
            if (!result.matches().isEmpty()) {
                found.put(owner, result);
            }
        }
        return found;
    }

    /** Records the hits not seen before, in the caller's unit of work; returns those opened. */
    List<OwnerHit> open(Transaction tx, Map<PartyRef, OwnerScreening.Result> found, String openedBy) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<OwnerHit> opened = new ArrayList<>();
        found.forEach((owner, result) -> {
            for (OwnerMatch match : result.matches()) {
                OwnerHit hit = new OwnerHit(
                        UUID.randomUUID(),
                        owner,
                        match.ref().list(),
                        match.ref().entityId(),
                        match.listedName(),
                        match.programmes(),
                        match.score(),
                        match.exact(),
                        match.fingerprint(),
                        match.why(),
                        result.listVersions(),
                        "OPEN",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        now,
                        openedBy);
                if (store.insertIfNew(tx, hit)) {
                    opened.add(hit);
                }
            }
        });
        return opened;
    }

    /**
     * A new list version: screens every owner and controller the graph has recorded against {@code
     * changed} (the entries that changed), and opens the hits not seen before, with one audit entry.
     */
    public List<OwnerHit> rescreen(OwnerScreening changed, Actor by) {
        List<PartyRef> owners = transactions.read(store::owners);
        Map<PartyRef, OwnerScreening.Result> found = screen(owners, changed);
        if (found.isEmpty()) {
            return List.of();
        }
        return transactions.inTransaction(tx -> {
            List<OwnerHit> opened = open(tx, found, by.name());
            if (!opened.isEmpty()) {
                audit.append(
                        tx,
                        new AuditEvent(
                                by,
                                "OWNER_HITS_OPENED",
                                "ownership:owner-hits",
                                CanonicalJson.fields("owners_screened", owners.size()),
                                CanonicalJson.fields(
                                        "hits",
                                        opened.stream().map(OwnerHit::summary).toList()),
                                versions(opened)));
            }
            return opened;
        });
    }

    public List<OwnerHit> list(Optional<String> state, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("PARAMETER_INVALID", "limit lies between 1 and " + MAX_PAGE);
        }
        Optional<String> wanted = state.map(text -> OwnerHits.state(text));
        return transactions.read(tx -> store.list(tx, wanted, limit));
    }

    public OwnerHit get(UUID id) {
        return transactions.read(tx -> store.find(tx, id)).orElseThrow(() -> notFound(id));
    }

    /** The hits that count as listings, by owner id, in one query. */
    Map<String, List<OwnerHit>> counting(Collection<String> partyIds) {
        Map<String, List<OwnerHit>> byParty = new LinkedHashMap<>();
        for (OwnerHit hit : transactions.read(tx -> store.counting(tx, partyIds))) {
            byParty.computeIfAbsent(hit.owner().id(), id -> new ArrayList<>()).add(hit);
        }
        return byParty;
    }

    /** The hits that count, as a listing port for the assessment: one query for all the upstream parties. */
    ListingLookup asListings() {
        return ListingLookup.confirmed(parties -> {
            Map<String, List<Listing>> found = new LinkedHashMap<>();
            counting(parties.stream().map(PartyRef::id).toList())
                    .forEach((id, hits) ->
                            found.put(id, hits.stream().map(OwnerHit::listing).toList()));
            return found;
        });
    }

    /** Disposes of a hit with four eyes; a rationale is required. */
    public OwnerHit dispose(Actor by, UUID id, Disposition disposition) {
        if (disposition == null || disposition.decision() == null) {
            throw new InvalidInputException(
                    "DISPOSITION_INVALID", "a disposition is FALSE_POSITIVE, TRUE_MATCH or ESCALATED");
        }
        Decision decision = decision(disposition.decision());
        if (disposition.rationale() == null || disposition.rationale().isBlank()) {
            throw new InvalidInputException("RATIONALE_REQUIRED", "a disposition needs its rationale");
        }
        String rationale = disposition.rationale().strip();
        FourEyes.disposer(by).require();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        transactions.useTransaction(tx -> disposeWithin(tx, by, id, decision, rationale, now));
        return get(id);
    }

    private void disposeWithin(Transaction tx, Actor by, UUID id, Decision decision, String rationale, Instant now) {
        OwnerHit hit = store.lock(tx, id).orElseThrow(() -> notFound(id));
        FourEyes.notBroughtBy(
                        by,
                        store.recorders(tx, hit.owner().id()),
                        "IMPORTER_DISPOSES_NO_HIT",
                        "recorded ownership data naming " + hit.owner().name(),
                        "its hits are decided by other people")
                .require();
        boolean second = second(hit, by, decision);
        String action;
        if (!second && decision == Decision.FALSE_POSITIVE) {
            store.propose(tx, id, rationale, by.name(), by.role(), now);
            action = "OWNER_HIT_CLEARING_PROPOSED";
        } else {
            store.decide(tx, id, decision.name(), rationale, by.name(), by.role(), second, now);
            action = "OWNER_HIT_" + decision.name();
        }
        audit.append(
                tx,
                new AuditEvent(
                        by,
                        action,
                        "owner-hit:" + id,
                        CanonicalJson.fields("decision", decision.name(), "rationale", rationale),
                        CanonicalJson.fields(
                                "owner",
                                hit.owner().id(),
                                "entity",
                                hit.list() + ":" + hit.entityId(),
                                "fingerprint",
                                hit.fingerprint(),
                                "second",
                                second),
                        prefixed(hit.listVersions())));
    }

    /**
     * Whether this disposition is the second person's: a proposal awaits one, as does an escalated
     * hit. Refuses what the hit's state or the four-eyes rule does not allow.
     */
    private static boolean second(OwnerHit hit, Actor by, Decision decision) {
        if (hit.state().equals("OPEN") && hit.proposed().isEmpty()) {
            return false;
        }
        if (!hit.state().equals("OPEN") && !hit.state().equals("ESCALATED")) {
            throw new ConflictException("HIT_ALREADY_DISPOSED", "the hit is " + hit.state());
        }
        FourEyes.secondOnHit(by, hit.firstBy()).require();
        if (decision == Decision.ESCALATED) {
            throw new ConflictException("HIT_ALREADY_ESCALATED", "the hit awaits a final decision");
        }
        return true;
    }

    private static Decision decision(String text) {
        try {
            return Decision.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    "DISPOSITION_INVALID", "a disposition is FALSE_POSITIVE, TRUE_MATCH or ESCALATED: '" + text + "'");
        }
    }

    private static String state(String text) {
        String wanted = text.strip().toUpperCase(Locale.ROOT);
        if (Arrays.stream(OwnerHit.State.values())
                .noneMatch(known -> known.name().equals(wanted))) {
            throw new InvalidInputException(
                    "PARAMETER_INVALID", "state is OPEN, FALSE_POSITIVE, TRUE_MATCH or ESCALATED: '" + text + "'");
        }
        return wanted;
    }

    static Map<String, String> versions(List<OwnerHit> hits) {
        Map<String, String> versions = new TreeMap<>();
        hits.forEach(hit -> versions.putAll(prefixed(hit.listVersions())));
        return versions;
    }

    private static Map<String, String> prefixed(Map<String, String> listVersions) {
        Map<String, String> versions = new TreeMap<>();
        listVersions.forEach((list, version) -> versions.put("list:" + list, version));
        return versions;
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("OWNER_HIT_NOT_FOUND", "no owner hit " + id);
    }
}
