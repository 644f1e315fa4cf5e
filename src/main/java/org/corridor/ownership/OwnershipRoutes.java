package org.corridor.ownership;

import io.javalin.http.Context;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.corridor.InvalidInputException;
import org.corridor.http.Api;
import org.corridor.http.Requests;
import org.corridor.http.Routes;
import org.corridor.identity.Permission;

/** The ownership graph over HTTP: record edges (JSON or CSV), explain a party, read history and rules. */
public record OwnershipRoutes(Ownership ownership) implements Routes {

    /** A batch of rows, all recorded or none. */
    public record EdgeBatch(List<EdgeInput> edges) {}

    // Parties (PartyRef), reasons (OwnershipReason) and controllers (ControlHolder) go out as they
    // are. The views below differ from their domain records on purpose: percentages are decimal
    // strings formatted for reading (SharePercent.format), list references and hops are flattened.

    /** A list entry as shown: the reference flattened, the score as a decimal string. */
    public record ListingView(String list, String entityId, String listedName, List<String> programmes, String score) {
        public static ListingView of(Listing listing) {
            return new ListingView(
                    listing.ref().list(),
                    listing.ref().entityId(),
                    listing.listedName(),
                    listing.programmes(),
                    listing.score().toPlainString());
        }
    }

    /** One hop of a path with its evidence. */
    public record HopView(
            String ownerId,
            String ownerName,
            String ownedId,
            String ownedName,
            String sharePercent,
            String source,
            LocalDate asOf) {}

    /** A path from a blocked owner to the party. */
    public record PathView(
            String text, String sharePercent, String ownerStatus, List<ListingView> ownerListings, List<HopView> hops) {
        static PathView of(OwnershipPath path) {
            return new PathView(
                    path.text(),
                    SharePercent.format(path.sharePercent()),
                    path.ownerStatus().name(),
                    path.ownerListings().stream().map(ListingView::of).toList(),
                    path.hops().stream()
                            .map(hop -> new HopView(
                                    hop.owner().id(),
                                    hop.owner().name(),
                                    hop.owned().id(),
                                    hop.owned().name(),
                                    hop.share().value().toPlainString(),
                                    hop.source(),
                                    hop.asOf()))
                            .toList());
        }
    }

    public record BlockedOwnerView(
            PartyRef party, String status, List<ListingView> listings, String blockedSharePercent) {}

    /** One regime's answer as shown: the rule it applied, its status and share, its holdings and reasons. */
    public record RegimeView(
            String regime,
            String rule,
            String status,
            String sharePercent,
            List<PathView> holdings,
            List<ControlHolder> controllers,
            List<OwnershipReason> reasons) {
        static RegimeView of(RegimeAssessment regime) {
            return new RegimeView(
                    regime.regime().name(),
                    regime.rule(),
                    regime.status().name(),
                    SharePercent.format(regime.sharePercent()),
                    regime.holdings().stream().map(PathView::of).toList(),
                    regime.controllers(),
                    regime.reasons());
        }
    }

    /** An assessment as shown: status, both figures (percent, as decimal strings), paths, reasons. */
    public record AssessmentView(
            PartyRef party,
            boolean inGraph,
            String status,
            List<OwnershipReason> reasons,
            String listedPathSharePercent,
            String blockedSharePercent,
            String minorityThresholdPercent,
            List<ListingView> listings,
            List<PathView> listedPaths,
            List<PathView> blockedPaths,
            List<BlockedOwnerView> blockedOwners,
            List<ControlHolder> blockedControllers,
            boolean pathsComplete,
            int upstreamParties,
            long graphVersion,
            long rulesVersion,
            String regime,
            String rule,
            List<RegimeView> regimes,
            List<String> explanation) {

        public static AssessmentView of(OwnershipAssessment assessment) {
            return new AssessmentView(
                    assessment.party(),
                    assessment.inGraph(),
                    assessment.status().name(),
                    assessment.reasons(),
                    SharePercent.format(assessment.listedPathSharePercent()),
                    SharePercent.format(assessment.blockedSharePercent()),
                    SharePercent.format(assessment.minorityThresholdPercent()),
                    assessment.listings().stream().map(ListingView::of).toList(),
                    assessment.listedPaths().stream().map(PathView::of).toList(),
                    assessment.blockedPaths().stream().map(PathView::of).toList(),
                    assessment.blockedOwners().stream()
                            .map(owner -> new BlockedOwnerView(
                                    owner.party(),
                                    owner.status().name(),
                                    owner.listings().stream()
                                            .map(ListingView::of)
                                            .toList(),
                                    SharePercent.format(owner.blockedSharePercent())))
                            .toList(),
                    assessment.blockedControllers(),
                    assessment.pathsComplete(),
                    assessment.upstreamParties(),
                    assessment.graphVersion(),
                    assessment.rulesVersion(),
                    assessment.regime().name(),
                    assessment.rule(),
                    assessment.regimes().stream().map(RegimeView::of).toList(),
                    assessment.explanation());
        }
    }

    /** One stored version of an edge, its share as a decimal string named share_percent. */
    public record EdgeView(
            long batchId,
            Instant recordedAt,
            String recordedBy,
            PartyRef owner,
            PartyRef owned,
            String kind,
            Optional<String> sharePercent,
            boolean ended,
            String source,
            LocalDate asOf,
            boolean current) {
        static EdgeView of(EdgeRecord edge) {
            return new EdgeView(
                    edge.batchId(),
                    edge.recordedAt(),
                    edge.recordedBy(),
                    edge.owner(),
                    edge.owned(),
                    edge.kind().name(),
                    edge.share().map(share -> share.value().toPlainString()),
                    edge.ended(),
                    edge.source(),
                    edge.asOf(),
                    edge.current());
        }
    }

    /** The rules, the threshold as a decimal string. */
    public record RulesView(
            long version, String minorityThresholdPercent, String ofacRule, String source, Instant recordedAt) {
        static RulesView of(OwnershipRules rules) {
            return new RulesView(
                    rules.version(),
                    rules.minorityThresholdPercent().toPlainString(),
                    rules.ofacRule().name(),
                    rules.source(),
                    rules.recordedAt());
        }
    }

    /**
     * A new version of the rules: the threshold as a decimal string, the OFAC rule (BLOCKED_HOLDINGS,
     * OFAC's own, or CONSERVATIVE_CASCADE; unchanged when absent) and why it changes.
     */
    public record RulesChange(String minorityThresholdPercent, Optional<String> ofacRule, String source) {}

    @Override
    public void register(Api api) {
        api.post("/api/v1/ownership/edges")
                .requires(Permission.OWNERSHIP_MANAGE)
                .tag("ownership")
                .summary("Record a batch of ownership and control edges and designations; all or nothing")
                .request(EdgeBatch.class)
                .response(ImportResult.class)
                .status(201)
                .handle(this::recordEdges);
        api.post("/api/v1/ownership/import")
                .requires(Permission.OWNERSHIP_MANAGE)
                .tag("ownership")
                .summary("Import a CSV file of ownership data (the body, text/csv); refused whole, naming the line,"
                        + " if any line is bad")
                .query("name", "the file's name, recorded as the batch's origin")
                .response(ImportResult.class)
                .status(201)
                .handle(this::importCsv);
        api.get("/api/v1/ownership/parties/{id}/explain")
                .requires(Permission.OWNERSHIP_READ)
                .tag("ownership")
                .summary("Assess a party under the 50 Percent Rule: status, both blocked shares and the paths")
                .response(AssessmentView.class)
                .handle(ctx -> ctx.json(AssessmentView.of(ownership.explain(ctx.pathParam("id")))));
        api.get("/api/v1/ownership/parties/{id}/edges")
                .requires(Permission.OWNERSHIP_READ)
                .tag("ownership")
                .summary("Every recorded version of the edges into and out of a party, oldest first")
                .responseList(EdgeView.class)
                .handle(ctx -> ctx.json(ownership.history(ctx.pathParam("id")).stream()
                        .map(EdgeView::of)
                        .toList()));
        api.get("/api/v1/ownership/rules")
                .requires(Permission.OWNERSHIP_READ)
                .tag("ownership")
                .summary("The ownership rules in force (the minority threshold) and their version")
                .response(RulesView.class)
                .handle(ctx -> ctx.json(RulesView.of(ownership.rules())));
        api.put("/api/v1/ownership/rules")
                .requires(Permission.OWNERSHIP_MANAGE)
                .tag("ownership")
                .summary("Set a new version of the ownership rules, with its source")
                .request(RulesChange.class)
                .response(RulesView.class)
                .handle(this::changeRules);
        registerHits(api);
    }

    private void registerHits(Api api) {
        api.get("/api/v1/ownership/hits")
                .requires(Permission.HIT_READ)
                .tag("ownership")
                .summary(
                        "Screening hits on owners and controllers, oldest first; each counts as a listing until cleared")
                .query("state", "OPEN, FALSE_POSITIVE, TRUE_MATCH or ESCALATED")
                .query("limit", "at most this many (1 to 500, default 100)")
                .responseList(OwnerHit.class)
                .handle(ctx -> ctx.json(ownership
                        .ownerHits()
                        .list(
                                Requests.query(ctx, "state"),
                                Requests.intQuery(ctx, "limit", 100, 1, OwnerHits.MAX_PAGE))));
        api.get("/api/v1/ownership/hits/{id}")
                .requires(Permission.HIT_READ)
                .tag("ownership")
                .summary("One owner hit with the screening's explanation and the dispositions so far")
                .response(OwnerHit.class)
                .handle(ctx -> ctx.json(ownership.ownerHits().get(Requests.uuidPath(ctx, "id"))));
        api.post("/api/v1/ownership/hits/{id}/dispositions")
                .requires(Permission.HIT_DISPOSE)
                .tag("ownership")
                .summary("Decide an owner hit with a rationale; clearing needs a second reviewer who is not the first,"
                        + " and nobody who recorded data naming the owner decides")
                .request(OwnerHits.Disposition.class)
                .response(OwnerHit.class)
                .handle(ctx -> ctx.json(ownership
                        .ownerHits()
                        .dispose(
                                Api.actor(ctx),
                                Requests.uuidPath(ctx, "id"),
                                Requests.body(ctx, OwnerHits.Disposition.class))));
    }

    private void recordEdges(Context ctx) {
        EdgeBatch batch = Requests.body(ctx, EdgeBatch.class);
        if (batch.edges() == null || batch.edges().isEmpty()) {
            throw new InvalidInputException("OWNERSHIP_DATA_EMPTY", "edges must hold at least one row");
        }
        ImportResult result = ownership.record(Api.actor(ctx), batch.edges());
        ctx.status(result.changed() ? 201 : 200).json(result);
    }

    private void importCsv(Context ctx) {
        String body = ctx.body();
        if (body.isBlank()) {
            throw new InvalidInputException("BODY_MISSING", "the CSV file is the request body");
        }
        String given = Requests.query(ctx, "name").orElse("upload");
        String name = given.length() > 200 ? given.substring(0, 200) : given;
        ImportResult result = ownership.importCsv(Api.actor(ctx), name, new StringReader(body), rows -> {});
        ctx.status(result.changed() ? 201 : 200).json(result);
    }

    private void changeRules(Context ctx) {
        RulesChange change = Requests.body(ctx, RulesChange.class);
        BigDecimal threshold;
        try {
            threshold = new BigDecimal(
                    change.minorityThresholdPercent() == null
                            ? ""
                            : change.minorityThresholdPercent().strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(
                    "RULES_INVALID", "minority_threshold_percent must be a decimal such as 25 or 20.5");
        }
        OfacRule ofacRule = change.ofacRule() == null || change.ofacRule().isEmpty()
                ? ownership.rules().ofacRule()
                : OfacRule.parse(change.ofacRule().get());
        ctx.json(RulesView.of(ownership.changeRules(
                Api.actor(ctx), threshold, ofacRule, change.source() == null ? "" : change.source())));
    }
}
