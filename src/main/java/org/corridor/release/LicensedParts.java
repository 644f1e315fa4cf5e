package org.corridor.release;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.corridor.DomainException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditLog;
import org.corridor.audit.CanonicalJson;
import org.corridor.authorisation.Authorisation;
import org.corridor.authorisation.AuthorisationType;
import org.corridor.authorisation.Authorisations;
import org.corridor.authorisation.Coverage;
import org.corridor.authorisation.CoveringAuthorisation;
import org.corridor.transaction.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parts held for a specific licence (the "-B" part of a split request) go on by themselves once a
 * specific licence covers them: registered for the holder's account, in force today, permitting a
 * disbursement of those lines' purposes, currency and amount (its caps counted). The lines that
 * needed it are then ALLOWED (recorded as decided by {@code system}, naming the licence), and the
 * part goes on as any request whose lines are all allowed ({@link LineOutcomes}): screened, given its
 * approval chain, IN_REVIEW or HELD with the reason. Runs when an authorisation is registered, and on
 * every pass of the releases' timed work, so that a licence registered by another server is seen too.
 * Thread-safe.
 */
record LicensedParts(
        Transactions transactions,
        ReleaseStore store,
        LineResolutionStore resolutions,
        LineOutcomes outcomes,
        Holds holds,
        Authorisations authorisations,
        AuditLog audit,
        ReleaseClock clock) {

    private static final Logger LOG = LoggerFactory.getLogger(LicensedParts.class);

    /** Re-checks every request held for a specific licence; returns the references that went on. */
    List<String> resume() {
        LocalDate today = clock.today();
        List<RequestRow> waiting =
                transactions.read(tx -> store.requests(tx, Optional.of(RequestState.HELD), 100_000)).stream()
                        .filter(row -> row.reason()
                                .filter(ReleaseReason.SPECIFIC_LICENCE_REQUIRED.name()::equals)
                                .isPresent())
                        .toList();
        List<String> resumed = new ArrayList<>();
        for (RequestRow row : waiting) {
            try {
                licence(row, today)
                        .filter(licence -> resume(row, licence))
                        .ifPresent(licence -> resumed.add(row.reference()));
            } catch (DomainException e) {
                // The part stays held; the next pass, or the next licence, checks it again.
                LOG.warn("{} not resumed: {} {}", row.reference(), e.code(), e.getMessage());
            }
        }
        return resumed;
    }

    /** The specific licence that covers the part's licence lines today, if one is registered. */
    private Optional<Authorisation> licence(RequestRow row, LocalDate today) {
        List<ReleaseLine> needing = needingLicence(row);
        if (needing.isEmpty()) {
            return Optional.empty();
        }
        RequestRow licensed = row.withLines(new RequestRow.Decided(needing, List.of()));
        Coverage coverage =
                authorisations.coverage(holds.movement(licensed, Optional.of(Holds.PRIOR_APPROVAL_PENDING), today));
        if (!(coverage instanceof Coverage.Covered covered)) {
            return Optional.empty();
        }
        return covered.authorisations().stream()
                .map(CoveringAuthorisation::authorisation)
                .filter(authorisation -> authorisation.type() == AuthorisationType.SPECIFIC_LICENCE)
                .findFirst();
    }

    private static List<ReleaseLine> needingLicence(RequestRow row) {
        return row.lines().lines().stream()
                .filter(line -> LineDecisions.ESCALATE.equals(line.decision()))
                .filter(line -> line.reason()
                        .filter(ReleaseReason.SPECIFIC_LICENCE_REQUIRED.name()::equals)
                        .isPresent())
                .toList();
    }

    /** Allows the part's licence lines under {@code licence} and moves it on; false when it changed meanwhile. */
    private boolean resume(RequestRow current, Authorisation licence) {
        List<ReleaseLine> needing = needingLicence(current);
        List<ReleaseLine> lines = new ArrayList<>();
        for (ReleaseLine line : current.lines().lines()) {
            lines.add(needing.contains(line) ? EscalatedLines.allow(line) : line);
        }
        LineOutcomes.Next next = outcomes.next(
                current, new RequestRow.Decided(lines, current.lines().removed()));
        String rationale = "covered by specific licence " + licence.reference();
        return transactions.inTransaction(tx -> {
            RequestRow row = store.lock(tx, current.id());
            if (row.state() != current.state() || !row.lines().equals(current.lines())) {
                return false;
            }
            for (ReleaseLine line : needing) {
                resolutions.insert(
                        tx,
                        row.id(),
                        new LineResolution(
                                row.reference(),
                                line.line(),
                                EscalatedLines.ALLOWED,
                                line.reason().orElse(""),
                                rationale,
                                Optional.empty(),
                                Actor.SYSTEM.name(),
                                Actor.SYSTEM.role(),
                                clock.now()));
            }
            int opened = outcomes.apply(
                    tx, row, next, Actor.SYSTEM, "specific licence " + licence.reference() + " registered");
            audit.append(
                    tx,
                    new AuditEvent(
                            Actor.SYSTEM,
                            "RELEASE_LICENCE_RESUMED",
                            "release:" + row.reference(),
                            CanonicalJson.fields(
                                    "licence", licence.reference(),
                                    "lines",
                                            needing.stream()
                                                    .map(ReleaseLine::line)
                                                    .toList()),
                            CanonicalJson.fields(
                                    "rule", ReleaseReason.SPECIFIC_LICENCE_REQUIRED.name(),
                                    "state", next.state().name(),
                                    "reason", next.reason().orElse(""),
                                    "amount", next.row().amount().toDecimalString(),
                                    "hits_opened", opened),
                            next.versions()));
            return true;
        });
    }
}
