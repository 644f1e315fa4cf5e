package org.corridor.release;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.corridor.ConflictException;
import org.corridor.ForbiddenException;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditLog;
import org.corridor.audit.CanonicalJson;
import org.corridor.authorisation.EligibilityResult;
import org.corridor.authorisation.LineResult;
import org.corridor.authorisation.Verdict;
import org.corridor.identity.FourEyes;
import org.corridor.transaction.Transaction;
import org.corridor.transaction.Transactions;

/**
 * Compliance decisions on the goods lines eligibility escalated (end-use quantities that do not add
 * up, a price far from its benchmark, ...), so that a request held for one line is no dead end. A
 * COMPLIANCE_ANALYST or COMPLIANCE_REVIEWER who did not submit the request decides, with a rationale:
 * ALLOW lets the line go ahead with four eyes, as clearing a hit does (the first person proposes, a
 * COMPLIANCE_REVIEWER who is not that person confirms); DENY removes the line at once. A line may
 * instead be split off into a request of its own, held for it, so that the rest goes on. A line that
 * needs a specific licence is never allowed by a person: it goes on when the licence is registered
 * ({@link LicensedParts}). Thread-safe.
 */
record EscalatedLines(
        Transactions transactions,
        ReleaseStore store,
        LineResolutionStore resolutions,
        LineOutcomes outcomes,
        ReleaseQueries queries,
        AuditLog audit,
        ReleaseClock clock) {

    /** The decision a person takes on an escalated line. */
    enum Decision {
        ALLOW,
        DENY
    }

    static final String ALLOW_PROPOSED = "ALLOW_PROPOSED";
    static final String ALLOWED = "ALLOWED";
    static final String DENIED = "DENIED";
    static final String SPLIT = "SPLIT";

    /** What a removed line records as its reason. */
    static final String DENIED_BY_COMPLIANCE = "DENIED_BY_COMPLIANCE";

    /** The line decisions of a request, oldest first. */
    List<LineResolution> of(UUID id) {
        queries.row(id);
        return transactions.read(tx -> resolutions.of(tx, id));
    }

    /** ALLOW (a proposal, then its confirmation by a second person) or DENY one escalated line. */
    Release resolve(Actor by, UUID id, String lineId, Releases.LineResolutionInput input) {
        if (input == null) {
            throw new InvalidInputException("BODY_MISSING", "a line decision is required");
        }
        Decision decision = RequestChecks.choice(Decision.class, input.decision(), "LINE_DECISION_INVALID");
        String rationale = rationale(input.rationale());
        RequestRow current = requireDecidable(by, queries.row(id));
        ReleaseLine line = escalated(current, lineId);
        List<LineResolution> earlier = transactions.read(tx -> resolutions.of(tx, id));
        Optional<LineResolution> proposal = proposal(earlier, line.line());
        if (decision == Decision.ALLOW) {
            requireNoLicenceNeeded(line);
            if (proposal.isEmpty()) {
                transactions.useTransaction(tx -> propose(tx, by, current, line, rationale, earlier.size()));
                return queries.get(id);
            }
            requireSecond(proposal.get(), by);
            requireNoDeniedPart(current, line);
        }
        RequestRow.Decided after = decision == Decision.ALLOW ? allowed(current, line) : denied(current, line);
        LineOutcomes.Next next = outcomes.next(current, after);
        String outcome = decision == Decision.ALLOW ? ALLOWED : DENIED;
        transactions.useTransaction(tx -> {
            RequestRow row = requireUnchanged(tx, current, earlier.size());
            resolutions.insert(tx, id, resolution(row, line, outcome, rationale, Optional.empty(), by));
            String detail = "line " + line.line() + " " + outcome.toLowerCase(Locale.ROOT) + " by " + by.name() + ": "
                    + rationale;
            int opened = outcomes.apply(tx, row, next, by, detail);
            audit.append(tx, event(by, "RELEASE_LINE_RESOLVED", row, line, outcome, rationale, next, opened, proposal));
        });
        return queries.get(id);
    }

    /**
     * Splits an escalated line off into a request of its own ({@code <reference>-L<line>}), held for
     * it, with the same content, submitter and approval chain; the rest of the request goes on. The
     * two amounts add up to the request's: a split moves money between requests, never adds any.
     */
    Release split(Actor by, UUID id, String lineId, Releases.LineSplitInput input) {
        if (input == null) {
            throw new InvalidInputException("BODY_MISSING", "a split is required");
        }
        String rationale = rationale(input.rationale());
        RequestRow current = requireDecidable(by, queries.row(id));
        ReleaseLine line = escalated(current, lineId);
        if (current.lines().lines().size() < 2) {
            throw new ConflictException(
                    "LINE_SPLIT_NOTHING_LEFT",
                    "line " + line.line() + " is the only line of " + current.reference() + "; nothing would be left");
        }
        List<LineResolution> earlier = transactions.read(tx -> resolutions.of(tx, id));
        List<ReleaseLine> rest = new ArrayList<>(current.lines().lines());
        rest.remove(line);
        LineOutcomes.Next next = outcomes.next(
                current, new RequestRow.Decided(rest, current.lines().removed()));
        RequestRow part = splitPart(current, line);
        transactions.useTransaction(tx -> {
            RequestRow row = requireUnchanged(tx, current, earlier.size());
            store.insert(tx, part, by.name(), by.role());
            String why =
                    "split off " + current.reference() + " line " + line.line() + " by " + by.name() + ": " + rationale;
            store.move(tx, part, RequestState.SUBMITTED, Optional.empty(), why, by.name(), by.role());
            String reason = LineDecisions.of(part.lines()).escalationReason().name();
            store.move(tx, part, RequestState.HELD, Optional.of(reason), "held for its line", by.name(), by.role());
            resolutions.insert(tx, id, resolution(row, line, SPLIT, rationale, Optional.of(part.reference()), by));
            int opened = outcomes.apply(tx, row, next, by, "line " + line.line() + " split into " + part.reference());
            audit.append(
                    tx,
                    event(
                            by,
                            "RELEASE_LINE_SPLIT",
                            row,
                            line,
                            SPLIT + " " + part.reference(),
                            rationale,
                            next,
                            opened,
                            Optional.empty()));
        });
        return queries.get(id);
    }

    private RequestRow splitPart(RequestRow current, ReleaseLine line) {
        CheckedRequest same = new CheckedRequest(
                current.content(), current.reference() + "-L" + line.line(), current.contentSha256(), List.of());
        RequestRow.PayingFrom from =
                new RequestRow.PayingFrom(current.accountId(), current.holder(), current.currencyUnit());
        LocalDate today = clock.today();
        return RequestRow.draft(
                        UUID.randomUUID(),
                        same.reference(),
                        Optional.of(current.reference()),
                        same,
                        from,
                        new RequestRow.Decided(List.of(line), List.of()),
                        current.submittedBy(),
                        clock.now(),
                        today)
                .withSteps(current.requiredSteps());
    }

    private void propose(Transaction tx, Actor by, RequestRow current, ReleaseLine line, String rationale, int seen) {
        RequestRow row = requireUnchanged(tx, current, seen);
        resolutions.insert(tx, row.id(), resolution(row, line, ALLOW_PROPOSED, rationale, Optional.empty(), by));
        audit.append(
                tx,
                AuditEvent.of(
                        by,
                        "RELEASE_LINE_ALLOW_PROPOSED",
                        "release:" + row.reference(),
                        CanonicalJson.fields("line", line.line(), "decision", "ALLOW", "rationale", rationale),
                        CanonicalJson.fields(
                                "rule",
                                "FOUR_EYES: a COMPLIANCE_REVIEWER who is not " + by.name() + " confirms",
                                "escalation_reason",
                                line.reason().orElse(""))));
    }

    /** The request, locked, as it was read: another decision in between makes this one stale. */
    private RequestRow requireUnchanged(Transaction tx, RequestRow current, int seen) {
        RequestRow row = store.lock(tx, current.id());
        if (row.state() != current.state()
                || !row.lines().equals(current.lines())
                || resolutions.of(tx, row.id()).size() != seen) {
            throw new ConflictException(
                    "RELEASE_CHANGED", row.reference() + " changed meanwhile; read it again and decide on that");
        }
        return row;
    }

    private static String rationale(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("RATIONALE_REQUIRED", "a line decision needs its rationale");
        }
        return text.strip();
    }

    /** The compliance roles decide, never on a request they submitted, and only on one held for its lines. */
    private static RequestRow requireDecidable(Actor by, RequestRow row) {
        if (!FourEyes.compliance(by)) {
            throw new ForbiddenException(
                    "RESOLVER_ROLE_REQUIRED",
                    "escalated lines are decided by compliance analysts and reviewers; " + by.name() + " acts as "
                            + String.join(", ", by.roles()));
        }
        FourEyes.notBroughtBy(
                        by,
                        List.of(row.submittedBy()),
                        "SUBMITTER_RESOLVES_NO_LINE",
                        "submitted " + row.reference(),
                        "its lines are decided by other people")
                .require();
        boolean heldForLines = row.state() == RequestState.HELD
                && row.reason()
                        .filter(reason -> reason.equals(ReleaseReason.LINE_ESCALATED.name())
                                || reason.equals(ReleaseReason.SPECIFIC_LICENCE_REQUIRED.name()))
                        .isPresent();
        if (!heldForLines) {
            throw new ConflictException(
                    "LINE_NOT_ESCALATED",
                    row.reference() + " is " + row.state()
                            + row.reason().map(r -> " (" + r + ")").orElse("")
                            + "; it has no escalated line to decide");
        }
        return row;
    }

    private static ReleaseLine escalated(RequestRow row, String lineId) {
        String wanted = lineId == null ? "" : lineId.strip();
        ReleaseLine line = row.lines().lines().stream()
                .filter(candidate -> candidate.line().equals(wanted))
                .findFirst()
                .orElseThrow(() ->
                        new NotFoundException("LINE_NOT_FOUND", row.reference() + " has no line '" + wanted + "'"));
        if (!LineDecisions.ESCALATE.equals(line.decision())) {
            throw new ConflictException(
                    "LINE_NOT_ESCALATED", "line " + line.line() + " of " + row.reference() + " is " + line.decision());
        }
        return line;
    }

    private static void requireNoLicenceNeeded(ReleaseLine line) {
        if (line.reason()
                .filter(ReleaseReason.SPECIFIC_LICENCE_REQUIRED.name()::equals)
                .isPresent()) {
            throw new ConflictException(
                    "LICENCE_REQUIRED",
                    "line " + line.line() + " needs a specific licence; it goes on when one is registered, or is"
                            + " denied or split off");
        }
    }

    /** The pending proposal on the line: an ALLOW_PROPOSED not yet followed by a decision. */
    private static Optional<LineResolution> proposal(List<LineResolution> earlier, String line) {
        Optional<LineResolution> pending = Optional.empty();
        for (LineResolution resolution : earlier) {
            if (resolution.line().equals(line)) {
                pending = resolution.decision().equals(ALLOW_PROPOSED) ? Optional.of(resolution) : Optional.empty();
            }
        }
        return pending;
    }

    private static void requireSecond(LineResolution proposal, Actor by) {
        FourEyes.second(by, Optional.of(proposal.actor()), "line " + proposal.line())
                .require();
    }

    /**
     * A line escalated whole may hold an end user's part the goods rules refuse (a law-enforcement
     * hospital's pens): allowing the line would pay for that part too, so it is refused.
     */
    private void requireNoDeniedPart(RequestRow row, ReleaseLine line) {
        EligibilityResult result = outcomes.verdicts().eligibility(row.content(), row.currencyUnit(), clock.today());
        List<NewRequest.LineInput> inputs = row.content().lines();
        for (int i = 0; i < inputs.size(); i++) {
            LineResult decided = result.lines().get(i);
            if (!inputs.get(i).line().strip().equals(line.line())
                    || decided.allowedQuantity().signum() > 0) {
                continue;
            }
            Optional<LineResult.Portion> denied = decided.portions().stream()
                    .filter(portion -> portion.decision().verdict() == Verdict.DENIED)
                    .findFirst();
            if (denied.isPresent()) {
                throw new ConflictException(
                        "LINE_PART_DENIED",
                        "line " + line.line() + " holds a part the goods rules refuse ("
                                + denied.get()
                                        .decision()
                                        .reasonCode()
                                        .map(Enum::name)
                                        .orElse("DENIED")
                                + "); deny the line, or the holder's agent amends it");
            }
        }
    }

    private static RequestRow.Decided allowed(RequestRow row, ReleaseLine line) {
        List<ReleaseLine> lines = new ArrayList<>();
        for (ReleaseLine each : row.lines().lines()) {
            lines.add(each.equals(line) ? allow(each) : each);
        }
        return new RequestRow.Decided(lines, row.lines().removed());
    }

    static ReleaseLine allow(ReleaseLine line) {
        return new ReleaseLine(
                line.line(),
                line.description(),
                line.hsCode(),
                line.quantity(),
                line.unit(),
                line.unitPrice(),
                line.amount(),
                line.category(),
                line.origin(),
                ALLOWED,
                line.reason());
    }

    private static RequestRow.Decided denied(RequestRow row, ReleaseLine line) {
        List<ReleaseLine> lines = new ArrayList<>(row.lines().lines());
        lines.remove(line);
        List<RemovedPart> removed = new ArrayList<>(row.lines().removed());
        removed.add(new RemovedPart(line.line(), line.quantity(), "", DENIED_BY_COMPLIANCE));
        return new RequestRow.Decided(lines, removed);
    }

    private LineResolution resolution(
            RequestRow row, ReleaseLine line, String decision, String rationale, Optional<String> splitInto, Actor by) {
        return new LineResolution(
                row.reference(),
                line.line(),
                decision,
                line.reason().orElse(""),
                rationale,
                splitInto,
                by.name(),
                by.role(),
                clock.now());
    }

    private static AuditEvent event(
            Actor by,
            String action,
            RequestRow row,
            ReleaseLine line,
            String outcome,
            String rationale,
            LineOutcomes.Next next,
            int opened,
            Optional<LineResolution> proposal) {
        return new AuditEvent(
                by,
                action,
                "release:" + row.reference(),
                CanonicalJson.fields("line", line.line(), "rationale", rationale),
                CanonicalJson.fields(
                        "outcome", outcome,
                        "escalation_reason", line.reason().orElse(""),
                        "proposed_by", proposal.map(LineResolution::actor).orElse(""),
                        "state", next.state().name(),
                        "reason", next.reason().orElse(""),
                        "amount", next.row().amount().toDecimalString(),
                        "hits_opened", opened),
                next.versions());
    }
}
