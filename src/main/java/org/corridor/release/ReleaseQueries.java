package org.corridor.release;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.audit.Actor;
import org.corridor.transaction.Transaction;
import org.corridor.transaction.Transactions;

/**
 * Reads requests and hits as the API shows them. A {@link Release} is the request's row with its
 * history attached, all read on one connection. Thread-safe.
 */
final class ReleaseQueries {

    private final Transactions transactions;
    private final ReleaseStore store;
    private final HitStore hits;
    private final ReleaseClock clock;
    private final AgentScope scope;

    ReleaseQueries(Transactions transactions, ReleaseStore store, HitStore hits, ReleaseClock clock, AgentScope scope) {
        this.transactions = transactions;
        this.store = store;
        this.hits = hits;
        this.clock = clock;
        this.scope = scope;
    }

    /** @throws NotFoundException RELEASE_NOT_FOUND */
    Release get(UUID id) {
        return view(row(id));
    }

    /** @throws NotFoundException RELEASE_NOT_FOUND */
    Release byReference(String reference) {
        return view(transactions
                .read(tx -> store.requestByReference(tx, reference == null ? "" : reference.trim()))
                .orElseThrow(() -> new NotFoundException("RELEASE_NOT_FOUND", "no release request " + reference)));
    }

    Release find(String idOrReference) {
        try {
            return get(UUID.fromString(idOrReference.trim()));
        } catch (IllegalArgumentException e) {
            return byReference(idOrReference);
        }
    }

    List<Release> list(Optional<RequestState> state, int limit) {
        return transactions.read(tx -> store.requests(tx, state, page(limit))).stream()
                .map(this::view)
                .toList();
    }

    /** The requests {@code viewer} may see, as they may see them (an agent: its holders', redacted). */
    List<Release> list(Actor viewer, Optional<RequestState> state, int limit) {
        return transactions.read(tx -> store.requests(tx, state, page(limit), scope.holders(tx, viewer))).stream()
                .map(row -> seenBy(viewer, view(row)))
                .toList();
    }

    /**
     * A request by id or reference as {@code viewer} may see it; a request of a holder the agent does
     * not act for is not found, as if it did not exist.
     *
     * @throws NotFoundException RELEASE_NOT_FOUND
     */
    Release find(Actor viewer, String idOrReference) {
        Release release = find(idOrReference);
        if (!transactions.read(tx -> scope.sees(tx, viewer, release.holder()))) {
            throw new NotFoundException("RELEASE_NOT_FOUND", "no release request " + idOrReference);
        }
        return seenBy(viewer, release);
    }

    /** The request as {@code viewer} sees it: redacted for an agent ({@link AgentView}). */
    static Release seenBy(Actor viewer, Release release) {
        return AgentScope.agent(viewer) ? AgentView.of(release) : release;
    }

    /** True when {@code viewer} may see requests of {@code holder}. */
    boolean sees(Actor viewer, String holder) {
        return transactions.read(tx -> scope.sees(tx, viewer, holder));
    }

    /** @throws NotFoundException RELEASE_NOT_FOUND */
    RequestRow row(UUID id) {
        return transactions
                .read(tx -> store.request(tx, id))
                .orElseThrow(() -> new NotFoundException("RELEASE_NOT_FOUND", "no release request " + id));
    }

    /** The requests still live (neither closed nor a draft): those that re-screening and expiry warnings cover. */
    List<RequestRow> live() {
        return transactions.read(tx -> store.requests(tx, Optional.empty(), 100_000)).stream()
                .filter(row -> row.state().open() && row.state() != RequestState.DRAFT)
                .toList();
    }

    /** The submission stored under {@code reference}: the request as submitted and its parts. */
    Releases.Submission submission(String reference) {
        RequestRow row =
                transactions.read(tx -> store.requestByReference(tx, reference)).orElseThrow();
        List<Release> parts = transactions.read(tx -> store.children(tx, row.reference())).stream()
                .map(this::view)
                .toList();
        return new Releases.Submission(view(row), parts);
    }

    List<ScreeningHit> hits(Optional<HitState> state, int limit) {
        return transactions.read(tx -> hits.hits(tx, state, page(limit)));
    }

    /** @throws NotFoundException HIT_NOT_FOUND */
    ScreeningHit hit(UUID id) {
        return transactions
                .read(tx -> hits.hit(tx, id))
                .orElseThrow(() -> new NotFoundException("HIT_NOT_FOUND", "no screening hit " + id));
    }

    List<ScreeningHit> hitsOf(UUID requestId) {
        return transactions.read(tx -> hits.hitsOf(tx, requestId));
    }

    List<Approval> approvals(UUID requestId) {
        return transactions.read(tx -> store.approvals(tx, requestId));
    }

    List<Rejection> rejections() {
        return transactions.read(tx -> store.rejections(tx, Optional.empty()));
    }

    private static int page(int limit) {
        if (limit < 1 || limit > Releases.MAX_PAGE) {
            throw new InvalidInputException("PARAMETER_INVALID", "limit must be from 1 to " + Releases.MAX_PAGE);
        }
        return limit;
    }

    /**
     * The request as the API shows it. A hand-written view on purpose: the API gives the state and
     * steps by name, and attaches the request's history, which the row does not hold.
     */
    private Release view(RequestRow row) {
        return transactions.read(tx -> view(tx, row));
    }

    private Release view(Transaction tx, RequestRow row) {
        List<ScreeningHit> requestHits = hits.hitsOf(tx, row.id());
        return new Release(
                row.id(),
                row.reference(),
                row.parentReference(),
                row.state().name(),
                row.reason(),
                row.holder(),
                row.accountId(),
                row.amount(),
                row.content(),
                row.lines().lines(),
                row.lines().removed(),
                row.requiredSteps().stream().map(Enum::name).toList(),
                store.approvals(tx, row.id()),
                row.holdId(),
                row.holdAuthorisation(),
                row.scheduledOn(),
                requestHits,
                requestHits.stream()
                                .filter(hit -> !hit.superseded())
                                .anyMatch(hit -> hit.state().equals(HitState.OPEN.name())
                                        || hit.state().equals(HitState.ESCALATED.name()))
                        ? Optional.of(AgentView.UNDER_REVIEW)
                        : Optional.empty(),
                store.rejections(tx, Optional.of(row.id())),
                store.documents(tx, row.id()),
                store.execution(tx, row.id()),
                store.followUps(tx, Optional.of(row.id()), clock.today()),
                store.transitions(tx, row.id()),
                row.submittedBy(),
                row.submittedAt());
    }
}
