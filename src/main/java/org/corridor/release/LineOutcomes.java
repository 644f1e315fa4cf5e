package org.corridor.release;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.corridor.audit.Actor;
import org.corridor.transaction.Transaction;

/**
 * Where a request goes once its escalated lines were decided again (by compliance, by a licence, or
 * by a split): with no line left it is REJECTED {@code NOTHING_ELIGIBLE}; with a line still escalated
 * it stays HELD for it; with every line allowed it goes on as at submission: its approval chain,
 * coverage, funds and the screening of its parties decide IN_REVIEW or HELD. The chain is never
 * shorter than the one the request had, so deciding or splitting lines never sheds a step. The
 * checks that read other features run before the unit of work ({@link #next}); {@link #apply}
 * writes within it.
 */
record LineOutcomes(ReleaseStore store, HitQueue hits, RequestVerdicts verdicts, ReleaseClock clock) {

    /** The request with its lines decided again, where it goes, and what screening found. */
    record Next(
            RequestRow row,
            RequestState state,
            Optional<String> reason,
            List<PartyChecks.Finding> findings,
            Map<String, String> versions) {}

    Next next(RequestRow current, RequestRow.Decided after) {
        RequestRow row = current.withLines(after);
        if (after.lines().isEmpty()) {
            return new Next(
                    row,
                    RequestState.REJECTED,
                    Optional.of(ReleaseReason.NOTHING_ELIGIBLE.name()),
                    List.of(),
                    Map.of());
        }
        LineDecisions lines = LineDecisions.of(after);
        if (!lines.escalated().isEmpty()) {
            return new Next(
                    row, RequestState.HELD, Optional.of(lines.escalationReason().name()), List.of(), Map.of());
        }
        RequestVerdicts.Verdict verdict = verdicts.verdict(row.content(), row, lines, Optional.empty(), clock.today());
        TreeSet<ApprovalStep> steps = new TreeSet<>(current.requiredSteps());
        steps.addAll(verdict.steps());
        return new Next(
                row.withSteps(List.copyOf(steps)),
                verdict.reason().isPresent() ? RequestState.HELD : RequestState.IN_REVIEW,
                verdict.reason(),
                verdict.findings(),
                verdict.versions());
    }

    /** Writes the request's new lines, queues what screening found and moves it; returns the hits opened. */
    int apply(Transaction tx, RequestRow locked, Next next, Actor by, String detail) {
        store.amend(tx, next.row());
        int opened = hits.queue(tx, next.row(), next.findings());
        if (next.state() != locked.state() || !next.reason().equals(locked.reason())) {
            store.move(tx, locked, next.state(), next.reason(), detail, by.name(), by.role());
        }
        return opened;
    }
}
