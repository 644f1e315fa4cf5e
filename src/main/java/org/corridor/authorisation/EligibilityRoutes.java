package org.corridor.authorisation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.corridor.InvalidInputException;
import org.corridor.audit.CanonicalJson;
import org.corridor.http.Api;
import org.corridor.http.Requests;
import org.corridor.http.Routes;
import org.corridor.identity.Permission;

/** Eligibility checks and the versioned rules over HTTP. */
public record EligibilityRoutes(Eligibility eligibility) implements Routes {

    /** One end user's part of a line. */
    public record EndUseValue(Optional<String> endUserType, String quantity) {}

    /**
     * A goods line as declared; numbers as decimal strings. Give either one {@code end_user_type}
     * for the whole quantity or {@code end_uses} to split it between end users.
     */
    public record GoodsLineValue(
            String line,
            Optional<String> description,
            Optional<String> hsCode,
            Optional<String> quantity,
            Optional<String> unit,
            Optional<String> unitPrice,
            Optional<String> currency,
            Optional<String> category,
            Optional<String> endUserType,
            Optional<List<EndUseValue>> endUses) {

        GoodsLine toLine() {
            GoodsLine line = GoodsLine.fromText(
                    this.line,
                    text(description),
                    text(hsCode),
                    text(quantity),
                    text(unit),
                    text(unitPrice),
                    text(currency),
                    text(category),
                    text(endUserType));
            List<EndUseValue> uses = AuthorisationRoutes.list(endUses);
            if (uses.isEmpty()) {
                return line;
            }
            if (AuthorisationRoutes.optional(endUserType).isPresent()) {
                throw new InvalidInputException(
                        "END_USERS_AMBIGUOUS", "line " + this.line + " gives both end_user_type and end_uses");
            }
            return line.withEndUses(uses.stream()
                    .map(use -> new EndUse(
                            EndUserType.parse(text(use.endUserType())),
                            GoodsLine.decimal(use.quantity()).orElse(BigDecimal.ZERO)))
                    .toList());
        }

        private static String text(Optional<String> value) {
            return AuthorisationRoutes.optional(value).orElse(null);
        }
    }

    /** Lines to check, under the rules effective on {@code on} (default: today in the channel's zone). */
    public record EligibilityRequest(Optional<LocalDate> on, List<GoodsLineValue> lines) {}

    // The decisions as the API shows them: a decision as its verdict and reason code, each finding
    // with the verdict it leads to, quantities as the plain decimals they were given in.

    public record FindingView(String reason, String verdict, String detail, Optional<String> source) {}

    public record PortionView(
            Optional<String> endUserType, String quantity, String decision, Optional<String> reason) {}

    public record LineView(
            String line,
            String decision,
            Optional<String> reason,
            Optional<String> quantity,
            String allowedQuantity,
            List<PortionView> portions,
            List<FindingView> findings) {}

    public record EligibilityView(int rulesVersion, LocalDate on, List<LineView> lines) {}

    /** A stored rule-set version and its document. */
    public record RulesView(RuleSetInfo version, boolean active, JsonNode rules) {}

    /** What an import did: {@code created} is false when the file equalled the active version. */
    public record ImportView(boolean created, RuleSetInfo active) {}

    @Override
    public void register(Api api) {
        api.post("/api/v1/eligibility-checks")
                .requires(Permission.ELIGIBILITY_CHECK)
                .tag("eligibility")
                .summary("Decide goods lines ALLOWED, ESCALATE or DENIED under the active rules")
                .request(EligibilityRequest.class)
                .response(EligibilityView.class)
                .handle(ctx -> {
                    EligibilityRequest request = Requests.body(ctx, EligibilityRequest.class);
                    List<GoodsLineValue> values = AuthorisationRoutes.required(request.lines(), "lines");
                    List<GoodsLine> lines = values.stream()
                            .map(value ->
                                    AuthorisationRoutes.required(value, "line").toLine())
                            .toList();
                    LocalDate on = AuthorisationRoutes.optional(request.on()).orElseGet(eligibility::today);
                    ctx.json(view(eligibility.check(Api.actor(ctx), "eligibility:api", lines, on)));
                });
        api.get("/api/v1/eligibility-rules")
                .requires(Permission.AUTHORISATION_READ)
                .tag("eligibility")
                .summary("The active eligibility rules (or another version) and their document")
                .query("version", "a stored version number (default: the active one)")
                .response(RulesView.class)
                .handle(ctx -> {
                    RuleSetInfo active = eligibility.activeRules();
                    int version = Requests.intQuery(ctx, "version", active.version(), 1, Integer.MAX_VALUE);
                    RuleSetInfo shown = eligibility.rules(version);
                    ctx.json(new RulesView(
                            shown,
                            shown.version() == active.version(),
                            CanonicalJson.read(eligibility.rulesContent(version))));
                });
        api.get("/api/v1/eligibility-rules/versions")
                .requires(Permission.AUTHORISATION_READ)
                .tag("eligibility")
                .summary("Every stored version of the eligibility rules, oldest first")
                .responseList(RuleSetInfo.class)
                .handle(ctx -> ctx.json(eligibility.ruleVersions()));
        api.post("/api/v1/eligibility-rules")
                .requires(Permission.RULES_MANAGE)
                .tag("eligibility")
                .summary(
                        "Import a rule file (the body) and activate it as the next version; refused whole if malformed")
                .query("source_name", "where the file came from, recorded with the version (default: api)")
                .request(RuleSetFile.class)
                .response(ImportView.class)
                .status(201)
                .handle(ctx -> {
                    if (ctx.body().isBlank()) {
                        throw new InvalidInputException("BODY_MISSING", "the rule file is the body");
                    }
                    String source = Requests.query(ctx, "source_name").orElse("api");
                    ImportOutcome outcome = eligibility.importRules(Api.actor(ctx), source, ctx.body());
                    ctx.status(outcome.created() ? 201 : 200).json(new ImportView(outcome.created(), outcome.active()));
                });
    }

    static EligibilityView view(EligibilityResult result) {
        return new EligibilityView(
                result.rules().version(),
                result.on(),
                result.lines().stream().map(EligibilityRoutes::view).toList());
    }

    private static LineView view(LineResult line) {
        return new LineView(
                line.line(),
                line.decision().verdict().name(),
                line.decision().reasonCode().map(Enum::name),
                line.quantity().map(BigDecimal::toPlainString),
                line.allowedQuantity().toPlainString(),
                line.portions().stream()
                        .map(p -> new PortionView(
                                p.endUserType().map(Enum::name),
                                p.quantity().toPlainString(),
                                p.decision().verdict().name(),
                                p.decision().reasonCode().map(Enum::name)))
                        .toList(),
                line.findings().stream()
                        .map(f -> new FindingView(
                                f.reason().name(), f.reason().verdict().name(), f.detail(), f.source()))
                        .toList());
    }
}
