package org.corridor.release;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.corridor.NotFoundException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditLog;
import org.corridor.authorisation.Authorisations;
import org.corridor.authorisation.Eligibility;
import org.corridor.authorisation.PendingItem;
import org.corridor.identity.Users;
import org.corridor.ledger.Ledger;
import org.corridor.ownership.Ownership;
import org.corridor.report.ReleaseRecords;
import org.corridor.screening.ListedEntity;
import org.corridor.settlement.Settlement;
import org.corridor.transaction.Transactions;
import org.corridor.vessel.Vessels;

/**
 * The release feature's public face: submit a disbursement request, dispose of its screening hits
 * with four eyes, approve it along the chain, schedule and execute it into a pacs.008, amend a
 * rejected party, record follow-up documents, and re-screen open requests when lists change. Each
 * use case lives in a class of its own ({@link Submissions}, {@link HitReview}, {@link Approvals},
 * {@link Executions}, ...) and opens one unit of work, in which its changes and their audit entry
 * commit together; execution is idempotent and never leaves a half-done payment. Thread-safe.
 */
public final class Releases {

    /** Countries whose parties are never paid (FR-19). */
    public static final Set<String> SANCTIONED_COUNTRIES = Submissions.SANCTIONED_COUNTRIES;

    /** Business days within which a rejected transaction is reported (RPT-5). */
    public static final int REPORT_DUE_BUSINESS_DAYS = 10;

    public static final int MAX_PAGE = 500;

    /** Documents due after payment and their deadlines in days from the value date (FR-27). */
    public static final Map<String, Integer> FOLLOW_UPS = FollowUpDeadlines.DEFAULTS.days();

    /** The reason recorded when an approver rejects a request (besides the ReleaseReason names). */
    public static final String REJECTED_BY_APPROVER = "REJECTED_BY_APPROVER";

    /** What a submission produced: the request as submitted and, when it was split, its parts. */
    public record Submission(Release request, List<Release> parts) {}

    /**
     * A material amendment: each field present replaces the request's own (the lines are the part's
     * whole new list, the documents are added as new versions); {@code note} says why and is required.
     */
    public record Amendment(
            Optional<NewRequest.PartyInput> forwarder,
            Optional<NewRequest.ShipmentInput> shipment,
            Optional<NewRequest.PartyInput> purchaser,
            Optional<List<NewRequest.PartyInput>> endUsers,
            Optional<NewRequest.PartyInput> vendor,
            Optional<NewRequest.BankAccountInput> vendorAccount,
            Optional<NewRequest.PartyInput> intermediaryBank,
            Optional<String> payFrom,
            Optional<List<NewRequest.LineInput>> lines,
            Optional<List<NewRequest.DocumentInput>> documents,
            String note) {

        /** A new forwarder or shipment only: the amendment of 6(b) step 5. */
        public static Amendment ofParties(
                Optional<NewRequest.PartyInput> forwarder, Optional<NewRequest.ShipmentInput> shipment, String note) {
            return new Amendment(
                    forwarder,
                    shipment,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    note);
        }
    }

    /** A step of the approval chain to take; the Authority's step carries its reference. */
    public record ApprovalInput(String step, Optional<String> reference, Optional<String> note) {}

    /** An approver's rejection of a whole request, and why. */
    public record RejectionInput(String reasonText) {}

    /** A compliance decision on an escalated goods line: ALLOW (four eyes) or DENY, and why. */
    public record LineResolutionInput(String decision, String rationale) {}

    /** Why an escalated goods line is split off into a request of its own. */
    public record LineSplitInput(String rationale) {}

    /** A disposition of a hit: FALSE_POSITIVE, TRUE_MATCH or ESCALATED, and why. */
    public record Disposition(String decision, String rationale) {}

    /** That an RPT-5 report was filed: the authority's reference, and the day (today when absent). */
    public record ReportFilingInput(String reference, Optional<LocalDate> filedOn) {}

    /** The bank's own IBAN and BIC for a restricted account, used as the debtor of its payments. */
    public record PayingAccountInput(String account, String iban, String bic, String name) {}

    /**
     * The other features' public services that releases call, inside their own units of work or the
     * caller's; {@code users} says which holders an agent acts for.
     */
    public record Features(
            AuditLog audit,
            Authorisations authorisations,
            Eligibility eligibility,
            Ownership ownership,
            Vessels vessels,
            Ledger ledger,
            Settlement settlement,
            Users users) {}

    private final ReleaseQueries queries;
    private final Submissions submissions;
    private final Amendments amendments;
    private final HitReview hitReview;
    private final EscalatedLines escalatedLines;
    private final LicensedParts licensedParts;
    private final Rescreens rescreens;
    private final Approvals approvals;
    private final Executions executions;
    private final ScheduledExecutions scheduled;
    private final FollowUps followUps;
    private final PayingAccounts payingAccounts;
    private final ReleaseReportRecords reportRecords;
    private final ReportFilings reportFilings;
    private final Authorisations authorisations;
    private final ReleaseClock clock;

    /**
     * Wires the use cases over the release tables.
     *
     * @param screening how a party's name is screened against the lists
     */
    public Releases(
            Transactions transactions,
            Features features,
            PartyScreening screening,
            ApprovalPolicy policy,
            Clock clock,
            ZoneId zone) {
        this(transactions, features, screening, policy, FollowUpDeadlines.DEFAULTS, clock, zone);
    }

    /**
     * Wires the use cases over the release tables, with the follow-up deadlines of configuration.
     *
     * @param screening how a party's name is screened against the lists
     */
    public Releases(
            Transactions transactions,
            Features features,
            PartyScreening screening,
            ApprovalPolicy policy,
            FollowUpDeadlines followUpDeadlines,
            Clock clock,
            ZoneId zone) {
        this.clock = new ReleaseClock(clock, zone);
        this.authorisations = features.authorisations();
        ReleaseStore store = new ReleaseStore(clock);
        HitStore hitStore = new HitStore(clock);
        AuditLog audit = features.audit();
        HitQueue hits = new HitQueue(hitStore, this.clock);
        PartyChecks parties = new PartyChecks(screening, features.ownership(), features.vessels());
        ScheduleStore schedules = new ScheduleStore();
        Holds holds = new Holds(features.ledger(), features.settlement(), schedules, zone);
        AgentScope scope = new AgentScope(features.users());
        this.queries = new ReleaseQueries(transactions, store, hitStore, this.clock, scope);
        RequestVerdicts verdicts = new RequestVerdicts(
                parties,
                holds,
                features.eligibility(),
                authorisations,
                features.ledger(),
                features.settlement(),
                policy);
        this.submissions = new Submissions(transactions, store, queries, hits, verdicts, audit, scope, this.clock);
        this.amendments =
                new Amendments(transactions, store, hitStore, hits, verdicts, holds, queries, audit, scope, this.clock);
        this.hitReview = new HitReview(transactions, store, hitStore, holds, queries, audit, this.clock);
        LineResolutionStore lineResolutions = new LineResolutionStore();
        LineOutcomes outcomes = new LineOutcomes(store, hits, verdicts, this.clock);
        this.escalatedLines =
                new EscalatedLines(transactions, store, lineResolutions, outcomes, queries, audit, this.clock);
        this.licensedParts = new LicensedParts(
                transactions, store, lineResolutions, outcomes, holds, authorisations, audit, this.clock);
        this.rescreens = new Rescreens(transactions, store, hits, queries, audit);
        this.approvals = new Approvals(
                transactions, store, hits, holds, queries, audit, authorisations, features.ledger(), this.clock);
        this.executions = new Executions(
                transactions,
                store,
                hits,
                parties,
                holds,
                queries,
                audit,
                authorisations,
                features.ledger(),
                features.settlement(),
                this.clock,
                schedules,
                followUpDeadlines);
        HoldRetries retries =
                new HoldRetries(transactions, store, schedules, approvals, holds, audit, features.ledger(), this.clock);
        this.scheduled = new ScheduledExecutions(
                transactions, schedules, executions, retries, licensedParts, features.users(), this.clock);
        this.followUps = new FollowUps(transactions, store, queries, audit, scope, this.clock);
        this.payingAccounts = new PayingAccounts(transactions, store, audit, features.settlement());
        ReportFilingStore filingStore = new ReportFilingStore();
        this.reportRecords = new ReleaseReportRecords(
                transactions, store, hitStore, new ReleaseHistoryStore(), authorisations, filingStore, zone);
        this.reportFilings = new ReportFilings(transactions, filingStore, reportRecords, audit, this.clock);
        // Expiry warnings (FR-3) list the requests an expiring authorisation would leave stranded.
        authorisations.addPendingItems(this::pendingItems);
        // A part held for a specific licence goes on when one is registered (and on the timed work's passes).
        authorisations.addRecordedListener(recorded -> licensedParts.resume());
    }

    // ---------------------------------------------------------------- submission and amendment

    /**
     * Submits a request: FR-19, eligibility line by line (DENIED parts removed, ESCALATE lines split
     * off into a held "-B" part), screening of every party, authorisation coverage and the available
     * balance. The same reference and content again returns the original, also when both arrive at
     * once; other content is a 409.
     */
    public Submission submit(Actor by, NewRequest submitted) {
        Submission submission = submissions.submit(by, submitted);
        return AgentScope.agent(by) ? AgentView.of(submission) : submission;
    }

    /**
     * A material amendment by one of the holder's agents (issue 15): parties, lines, paying account,
     * vendor account or documents change; the approvals taken are voided, every party is screened
     * again, the checks of submission run again, and the request moves with who and why; see
     * {@link Amendments}.
     */
    public Release amend(Actor by, UUID id, Amendment amendment) {
        return ReleaseQueries.seenBy(by, amendments.amend(by, id, amendment));
    }

    // ---------------------------------------------------------------- escalated lines

    /**
     * A compliance decision on an escalated goods line: ALLOW (proposed, then confirmed by another
     * COMPLIANCE_REVIEWER) or DENY (at once); once no line is escalated the request goes on. See
     * {@link EscalatedLines}.
     */
    public Release resolveLine(Actor by, UUID id, String line, LineResolutionInput input) {
        return escalatedLines.resolve(by, id, line, input);
    }

    /** Splits an escalated line off into a request of its own, held for it; the rest goes on. */
    public Release splitLine(Actor by, UUID id, String line, LineSplitInput input) {
        return escalatedLines.split(by, id, line, input);
    }

    /** The decisions taken on a request's escalated lines, oldest first. */
    public List<LineResolution> lineResolutions(UUID id) {
        return escalatedLines.of(id);
    }

    /**
     * Re-checks the parts held for a specific licence and moves on those a registered licence now
     * covers; returns their references. Runs by itself when an authorisation is recorded and on the
     * timed work's passes.
     */
    public List<String> resumeLicensedParts() {
        return licensedParts.resume();
    }

    // ---------------------------------------------------------------- hits

    /** Disposes of a hit with four eyes (FR-24); see {@link HitReview}. */
    public ScreeningHit dispose(Actor by, UUID hitId, Disposition disposition) {
        return hitReview.dispose(by, hitId, disposition);
    }

    /**
     * Hits in the queue, oldest first: all of them (as RPT-4 counts them), or those in one state;
     * SUPERSEDED ones (their party replaced) appear only unfiltered or under SUPERSEDED.
     */
    public List<ScreeningHit> hits(Optional<HitState> state, int limit) {
        return queries.hits(state, limit);
    }

    /** @throws NotFoundException HIT_NOT_FOUND */
    public ScreeningHit hit(UUID id) {
        return queries.hit(id);
    }

    /**
     * Re-screens the open requests' parties against the listed entities that changed (a list delta)
     * and queues the hits not seen or cleared before. Returns the hits opened. The screening facade's
     * list-change listener calls this.
     */
    public List<ScreeningHit> rescreen(Collection<ListedEntity> changedEntities, Actor by) {
        return rescreens.rescreen(changedEntities, by);
    }

    // ---------------------------------------------------------------- approvals

    /** Takes a step of the request's approval chain (FR-28); see {@link Approvals}. */
    public Release approve(Actor by, UUID id, ApprovalInput input) {
        return ReleaseQueries.seenBy(by, approvals.approve(by, id, input));
    }

    /** An approver rejects a live request; its ledger hold, if any, is voided with it. */
    public Release reject(Actor by, UUID id, RejectionInput input) {
        return approvals.reject(by, id, input);
    }

    /** Sets the value date of an approved request. */
    /** The timed work of releases: executions on their value date, and holds asked again. */
    public ScheduledExecutions scheduledExecutions() {
        return scheduled;
    }

    /**
     * Schedules the execution of an approved request for {@code valueDate}, today or later: it waits
     * in SCHEDULED until {@link ScheduledExecutions} executes it on that day (or a person does, on
     * that day, with {@link #execute}).
     */
    public Release schedule(Actor by, UUID id, LocalDate valueDate) {
        return executions.schedule(by, id, valueDate);
    }

    // ---------------------------------------------------------------- execution

    /** Executes an approved request on {@code valueDate} (FR-29); see {@link Executions}. */
    public Release execute(Actor by, UUID id, LocalDate valueDate) {
        return executions.execute(by, id, valueDate);
    }

    /** Registers the bank's IBAN and BIC of a restricted account, the debtor of its payments. */
    public PayingAccountInput registerPayingAccount(Actor by, PayingAccountInput input) {
        return payingAccounts.register(by, input);
    }

    // ---------------------------------------------------------------- follow-ups

    /** Records that a follow-up document arrived; the document is stored by its hash. */
    public Release receiveFollowUp(Actor by, UUID id, String kind, NewRequest.DocumentInput document) {
        return ReleaseQueries.seenBy(by, followUps.receive(by, id, kind, document));
    }

    /** Follow-ups still outstanding that are overdue on {@code asOf}: the items to escalate. */
    public List<FollowUp> overdueFollowUps(LocalDate asOf) {
        return followUps.overdue(asOf);
    }

    /** The overdue follow-ups {@code viewer} may see: an agent, those of its holders' requests. */
    public List<FollowUp> overdueFollowUps(Actor viewer, LocalDate asOf) {
        return followUps.overdue(asOf).stream()
                .filter(followUp -> queries.sees(
                        viewer, queries.byReference(followUp.requestReference()).holder()))
                .toList();
    }

    /** Rejected-party events (RPT-5), with their report due dates. */
    public List<Rejection> rejections() {
        return queries.rejections();
    }

    /**
     * The rejected-party events {@code viewer} may see: none for an agent, since each names what a
     * party matched (no tipping off).
     */
    public List<Rejection> rejections(Actor viewer) {
        return AgentScope.agent(viewer) ? List.of() : queries.rejections();
    }

    /**
     * Records that the report of RPT-5 event {@code eventId} (REJ-n or REQ-reference, as RPT-5 and the
     * alerts name it) was filed; compliance only, once per event. Clears the event's "report due" alert.
     */
    public ReportFiling fileReport(Actor by, String eventId, ReportFilingInput input) {
        return reportFilings.file(by, eventId, input);
    }

    /** The RPT-5 reports recorded as filed, by filing date. */
    public List<ReportFiling> reportFilings() {
        return reportFilings.all();
    }

    /** Open requests as pending items for the authorisations' expiry warnings (FR-3). */
    public List<PendingItem> pendingItems() {
        Map<String, UUID> byReference = new TreeMap<>();
        authorisations.list().forEach(authorisation -> byReference.put(authorisation.reference(), authorisation.id()));
        List<PendingItem> items = new ArrayList<>();
        for (RequestRow row : queries.live()) {
            Set<UUID> relies =
                    row.holdAuthorisation().map(byReference::get).map(Set::of).orElse(Set.of());
            items.add(new PendingItem(
                    "DISBURSEMENT_REQUEST", row.reference(), Optional.of(row.amount()), row.scheduledOn(), relies));
        }
        return items;
    }

    /** What the reports read of releases (held amounts, disbursements, hits, rejections, ...). */
    public ReleaseRecords reportRecords() {
        return reportRecords;
    }

    // ---------------------------------------------------------------- reading

    /** @throws NotFoundException RELEASE_NOT_FOUND */
    public Release get(UUID id) {
        return queries.get(id);
    }

    /** A request by its reference (DR-2024-0412-A). */
    public Release byReference(String reference) {
        return queries.byReference(reference);
    }

    /** A request by id or reference. */
    public Release find(String idOrReference) {
        return queries.find(idOrReference);
    }

    public List<Release> list(Optional<RequestState> state, int limit) {
        return queries.list(state, limit);
    }

    /**
     * The requests {@code viewer} may see, as they may see them: an agent only its holders', without
     * their hits (issue 15). The edges (API, CLI, dashboard) read through this and {@link #find(Actor,
     * String)}; the unscoped readers above are for the features themselves.
     */
    public List<Release> list(Actor viewer, Optional<RequestState> state, int limit) {
        return queries.list(viewer, state, limit);
    }

    /** A request by id or reference as {@code viewer} may see it; another holder's is not found. */
    public Release find(Actor viewer, String idOrReference) {
        return queries.find(viewer, idOrReference);
    }

    public LocalDate today() {
        return clock.today();
    }

    /** Adds business days, Monday to Friday. */
    static LocalDate plusBusinessDays(LocalDate from, int days) {
        return ReleaseClock.plusBusinessDays(from, days);
    }
}
