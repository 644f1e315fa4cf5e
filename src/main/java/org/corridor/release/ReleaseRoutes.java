package org.corridor.release;

import io.javalin.http.Context;
import java.time.LocalDate;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.http.Api;
import org.corridor.http.Requests;
import org.corridor.http.Routes;
import org.corridor.identity.Permission;

/** Releases and the hit queue over HTTP: submit, read, amend, approve, schedule, execute, dispose. */
public final class ReleaseRoutes implements Routes {

    /** The value date of a schedule or an execution. */
    public record ValueDateInput(LocalDate valueDate) {}

    private final Releases releases;

    public ReleaseRoutes(Releases releases) {
        this.releases = releases;
    }

    @Override
    public void register(Api api) {
        api.post("/api/v1/releases")
                .requires(Permission.RELEASE_SUBMIT)
                .tag("releases")
                .summary("Submit a disbursement request: eligibility line by line (split off what needs a licence),"
                        + " screening of every party, coverage and balance")
                .request(NewRequest.class)
                .response(Releases.Submission.class)
                .status(201)
                .handle(ctx ->
                        ctx.status(201).json(releases.submit(Api.actor(ctx), Requests.body(ctx, NewRequest.class))));
        api.get("/api/v1/releases")
                .requires(Permission.RELEASE_READ)
                .tag("releases")
                .summary("Disbursement requests, oldest first")
                .query("state", "only requests in this state (DRAFT, IN_REVIEW, APPROVED, HELD, ...)")
                .query("limit", "at most this many (1 to 500, default 100)")
                .responseList(Release.class)
                .handle(ctx -> ctx.json(releases.list(
                        Api.actor(ctx),
                        Requests.query(ctx, "state").map(ReleaseRoutes::state),
                        Requests.intQuery(ctx, "limit", 100, 1, Releases.MAX_PAGE))));
        api.get("/api/v1/releases/{id}")
                .requires(Permission.RELEASE_READ)
                .tag("releases")
                .summary("A request by id or reference, with its transitions, hits, approvals, execution and"
                        + " follow-ups; an agent sees only its holders' requests, and of their hits only that"
                        + " they are under compliance review")
                .response(Release.class)
                .handle(ctx -> ctx.json(releases.find(Api.actor(ctx), ctx.pathParam("id"))));
        api.post("/api/v1/releases/{id}/amendments")
                .requires(Permission.RELEASE_SUBMIT)
                .tag("releases")
                .summary("Amend a request (its holder's agents): parties, lines, paying account, vendor account or"
                        + " documents; voids the approvals taken, screens every party again and re-runs the checks")
                .request(Releases.Amendment.class)
                .response(Release.class)
                .handle(ctx -> ctx.json(
                        releases.amend(Api.actor(ctx), id(ctx), Requests.body(ctx, Releases.Amendment.class))));
        api.post("/api/v1/releases/{id}/approvals")
                .requires(Permission.RELEASE_APPROVE)
                .tag("releases")
                .summary("Take a step of the approval chain: MAKER, COMPLIANCE, SENIOR_COMPLIANCE or AUTHORITY"
                        + " (with its reference)")
                .request(Releases.ApprovalInput.class)
                .response(Release.class)
                .handle(ctx -> ctx.json(
                        releases.approve(Api.actor(ctx), id(ctx), Requests.body(ctx, Releases.ApprovalInput.class))));
        api.post("/api/v1/releases/{id}/rejections")
                .requires(Permission.RELEASE_APPROVE)
                .tag("releases")
                .summary("Reject a live request (APPROVER, not its submitter): REJECTED_BY_APPROVER with the"
                        + " rationale; its ledger hold, if any, is voided")
                .request(Releases.RejectionInput.class)
                .response(Release.class)
                .handle(ctx -> ctx.json(
                        releases.reject(Api.actor(ctx), id(ctx), Requests.body(ctx, Releases.RejectionInput.class))));
        api.post("/api/v1/releases/{id}/schedule")
                .requires(Permission.RELEASE_EXECUTE)
                .tag("releases")
                .summary("Set the value date of an approved request")
                .request(ValueDateInput.class)
                .response(Release.class)
                .handle(ctx -> ctx.json(releases.schedule(
                        Api.actor(ctx),
                        id(ctx),
                        Requests.body(ctx, ValueDateInput.class).valueDate())));
        api.post("/api/v1/releases/{id}/execute")
                .requires(Permission.RELEASE_EXECUTE)
                .tag("releases")
                .summary("Execute on a value date: re-screen, re-check the authorisation, post the hold, produce the"
                        + " pacs.008; a failure holds the request with its reason; idempotent")
                .request(ValueDateInput.class)
                .response(Release.class)
                .handle(ctx -> ctx.json(releases.execute(
                        Api.actor(ctx),
                        id(ctx),
                        Requests.body(ctx, ValueDateInput.class).valueDate())));
        api.post("/api/v1/releases/{id}/lines/{line}/resolutions")
                .requires(Permission.RELEASE_LINE_RESOLVE)
                .tag("releases")
                .summary("Decide a goods line eligibility escalated (compliance, not the submitter), with a rationale:"
                        + " ALLOW is proposed, then confirmed by another COMPLIANCE_REVIEWER; DENY removes it at once;"
                        + " once no line is escalated the request goes on, screened")
                .request(Releases.LineResolutionInput.class)
                .response(Release.class)
                .handle(ctx -> ctx.json(releases.resolveLine(
                        Api.actor(ctx),
                        id(ctx),
                        ctx.pathParam("line"),
                        Requests.body(ctx, Releases.LineResolutionInput.class))));
        api.post("/api/v1/releases/{id}/lines/{line}/split")
                .requires(Permission.RELEASE_LINE_RESOLVE)
                .tag("releases")
                .summary("Split an escalated goods line off into a request of its own (<reference>-L<line>), held for"
                        + " it with the same submitter and chain; the rest of the request goes on")
                .request(Releases.LineSplitInput.class)
                .response(Release.class)
                .handle(ctx -> ctx.json(releases.splitLine(
                        Api.actor(ctx),
                        id(ctx),
                        ctx.pathParam("line"),
                        Requests.body(ctx, Releases.LineSplitInput.class))));
        api.get("/api/v1/releases/{id}/line-resolutions")
                .requires(Permission.RELEASE_READ)
                .tag("releases")
                .summary("The decisions taken on a request's escalated goods lines, oldest first: who, why, and the"
                        + " rule that escalated each line")
                .responseList(LineResolution.class)
                .handle(ctx -> ctx.json(releases.lineResolutions(id(ctx))));
        api.get("/api/v1/releases/{id}/pacs008")
                .requires(Permission.RELEASE_READ)
                .tag("releases")
                .summary("The pacs.008 payment instruction of an executed request")
                .produces("application/xml")
                .handle(this::pacs008);
        api.post("/api/v1/releases/{id}/follow-ups/{kind}")
                .requires(Permission.RELEASE_FOLLOW_UP)
                .tag("releases")
                .summary("Record a follow-up document (BILL_OF_LADING, DELIVERY_CONFIRMATION, ...) as received")
                .request(NewRequest.DocumentInput.class)
                .response(Release.class)
                .handle(ctx -> ctx.json(releases.receiveFollowUp(
                        Api.actor(ctx),
                        id(ctx),
                        ctx.pathParam("kind"),
                        Requests.body(ctx, NewRequest.DocumentInput.class))));
        api.get("/api/v1/release-follow-ups/overdue")
                .requires(Permission.RELEASE_READ)
                .tag("releases")
                .summary("Follow-up documents overdue on a date: the items to escalate")
                .query("as_of", "YYYY-MM-DD; today by default")
                .responseList(FollowUp.class)
                .handle(ctx -> ctx.json(releases.overdueFollowUps(
                        Api.actor(ctx), Requests.dateQuery(ctx, "as_of").orElse(releases.today()))));
        api.get("/api/v1/release-rejections")
                .requires(Permission.RELEASE_READ)
                .tag("releases")
                .summary("Parties rejected by a TRUE_MATCH, with the RPT-5 report due dates (none for an agent)")
                .responseList(Rejection.class)
                .handle(ctx -> ctx.json(releases.rejections(Api.actor(ctx))));
        api.post("/api/v1/rejection-reports/{event}/filing")
                .requires(Permission.REJECTION_REPORT_FILE)
                .tag("releases")
                .summary("Record that the RPT-5 report of an event (REJ-n or REQ-reference, as RPT-5 and the alerts"
                        + " name it) was filed with the authority: its reference and the day (today by default);"
                        + " compliance only, once per event; clears the event's REJECTION_REPORT_DUE alert")
                .request(Releases.ReportFilingInput.class)
                .response(ReportFiling.class)
                .status(201)
                .handle(ctx -> ctx.status(201)
                        .json(releases.fileReport(
                                Api.actor(ctx),
                                ctx.pathParam("event"),
                                Requests.body(ctx, Releases.ReportFilingInput.class))));
        api.get("/api/v1/rejection-reports/filings")
                .requires(Permission.REPORT_READ)
                .tag("releases")
                .summary("The RPT-5 reports recorded as filed: event, reference, day, and who recorded it")
                .responseList(ReportFiling.class)
                .handle(ctx -> ctx.json(releases.reportFilings()));
        api.put("/api/v1/release-paying-accounts")
                .requires(Permission.RELEASE_EXECUTE)
                .tag("releases")
                .summary("Register the bank's IBAN and BIC of a restricted account, the debtor of its payments")
                .request(Releases.PayingAccountInput.class)
                .response(Releases.PayingAccountInput.class)
                .handle(ctx -> ctx.json(releases.registerPayingAccount(
                        Api.actor(ctx), Requests.body(ctx, Releases.PayingAccountInput.class))));
        api.get("/api/v1/hits")
                .requires(Permission.HIT_READ)
                .tag("hits")
                .summary("The screening-hit queue, oldest first: every hit, or those in one state; a hit whose party"
                        + " was replaced is SUPERSEDED (its last decision stays in state, superseded is true)")
                .query("state", "OPEN, FALSE_POSITIVE, TRUE_MATCH, ESCALATED or SUPERSEDED")
                .query("limit", "at most this many (1 to 500, default 100)")
                .responseList(ScreeningHit.class)
                .handle(ctx -> ctx.json(releases.hits(
                        Requests.query(ctx, "state").map(ReleaseRoutes::hitState),
                        Requests.intQuery(ctx, "limit", 100, 1, Releases.MAX_PAGE))));
        api.get("/api/v1/hits/{id}")
                .requires(Permission.HIT_READ)
                .tag("hits")
                .summary("One screening hit with its explanation and dispositions")
                .response(ScreeningHit.class)
                .handle(ctx -> ctx.json(releases.hit(Requests.uuidPath(ctx, "id"))));
        api.post("/api/v1/hits/{id}/dispositions")
                .requires(Permission.HIT_DISPOSE)
                .tag("hits")
                .summary("Dispose of a hit with a rationale; clearing needs a second reviewer who is not the first")
                .request(Releases.Disposition.class)
                .response(ScreeningHit.class)
                .handle(ctx -> ctx.json(releases.dispose(
                        Api.actor(ctx), Requests.uuidPath(ctx, "id"), Requests.body(ctx, Releases.Disposition.class))));
    }

    /** The request the path names, as the caller may see it: another holder's is not found for an agent. */
    private java.util.UUID id(Context ctx) {
        return releases.find(Api.actor(ctx), ctx.pathParam("id")).id();
    }

    private void pacs008(Context ctx) {
        Release release = releases.find(Api.actor(ctx), ctx.pathParam("id"));
        Execution execution = release.execution()
                .orElseThrow(() ->
                        new NotFoundException("PAYMENT_NOT_FOUND", release.reference() + " has not been executed"));
        ctx.contentType("application/xml").result(execution.pacs008());
    }

    private static RequestState state(String text) {
        try {
            return RequestState.valueOf(text.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("PARAMETER_INVALID", "not a request state: " + text);
        }
    }

    private static HitState hitState(String text) {
        try {
            return HitState.valueOf(text.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("PARAMETER_INVALID", "not a hit state: " + text);
        }
    }
}
