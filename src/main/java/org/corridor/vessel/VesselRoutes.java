package org.corridor.vessel;

import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.corridor.InvalidInputException;
import org.corridor.http.Api;
import org.corridor.http.Requests;
import org.corridor.http.Routes;
import org.corridor.identity.Permission;
import org.corridor.ownership.OwnershipRoutes;
import org.corridor.ownership.PartyRef;

/** Vessels over HTTP: register with indicators, read, screen, and the screening rules. */
public record VesselRoutes(Vessels vessels) implements Routes {

    /** A vessel to register, with the indicators known for it. */
    public record NewVessel(
            String imo,
            String name,
            Optional<String> flagState,
            Optional<String> registeredOwnerId,
            Optional<String> registeredOwnerName,
            Optional<String> managerId,
            Optional<String> managerName,
            String source,
            Optional<List<IndicatorInput>> indicators) {}

    /** A vessel to screen: IMO number and/or name, and whatever else is known. */
    public record ScreenRequest(
            Optional<String> imo,
            Optional<String> name,
            Optional<String> flagState,
            Optional<String> registeredOwnerId,
            Optional<String> registeredOwnerName,
            Optional<String> managerId,
            Optional<String> managerName,
            Optional<LocalDate> on,
            Optional<List<IndicatorInput>> indicators) {}

    // Reasons (VesselReason) and parties (PartyRef) go out as they are. The views below differ from
    // their domain records on purpose: decimals as strings, the IMO number as digits with its
    // check, a vessel with its indicators, assessments as OwnershipRoutes shows them.

    /** An indicator, its duration as a decimal string. */
    public record IndicatorView(
            String kind,
            LocalDate observedOn,
            Optional<String> durationHours,
            String area,
            String counterpart,
            String fromFlag,
            String toFlag,
            String source) {
        static IndicatorView of(RiskIndicator indicator) {
            return new IndicatorView(
                    indicator.kind().name(),
                    indicator.observedOn(),
                    indicator.durationHours().map(BigDecimal::toPlainString),
                    indicator.area(),
                    indicator.counterpart(),
                    indicator.fromFlag(),
                    indicator.toFlag(),
                    indicator.source());
        }
    }

    public record VesselView(
            String imo,
            boolean imoCheckDigitValid,
            String name,
            Optional<String> flagState,
            Optional<PartyRef> registeredOwner,
            Optional<PartyRef> manager,
            String source,
            Instant recordedAt,
            List<IndicatorView> indicators) {}

    /** A screening as shown: decision, reasons, and the assessments behind them. */
    public record ScreeningView(
            Optional<String> imo,
            Optional<Boolean> imoCheckDigitValid,
            Optional<String> name,
            Optional<String> flagState,
            boolean registered,
            LocalDate on,
            String decision,
            List<VesselReason> reasons,
            Optional<OwnershipRoutes.ListingView> imoListing,
            List<OwnershipRoutes.ListingView> nameMatches,
            Optional<OwnershipRoutes.AssessmentView> registeredOwner,
            Optional<OwnershipRoutes.AssessmentView> manager,
            List<IndicatorView> indicators,
            long rulesVersion,
            List<String> explanation) {

        public static ScreeningView of(VesselScreening screening) {
            return new ScreeningView(
                    screening.imo().map(Imo::digits),
                    screening.imo().map(Imo::checkDigitValid),
                    screening.name(),
                    screening.flagState(),
                    screening.registered(),
                    screening.on(),
                    screening.decision().name(),
                    screening.reasons(),
                    screening.imoListing().map(OwnershipRoutes.ListingView::of),
                    screening.nameMatches().stream()
                            .map(OwnershipRoutes.ListingView::of)
                            .toList(),
                    screening.registeredOwner().map(OwnershipRoutes.AssessmentView::of),
                    screening.manager().map(OwnershipRoutes.AssessmentView::of),
                    screening.indicators().stream().map(IndicatorView::of).toList(),
                    screening.rulesVersion(),
                    screening.explanation());
        }
    }

    /** The screening rules as shown and as set (a full document, with its source). */
    public record RulesDocument(
            String aisGapHours,
            int aisLookbackDays,
            int stsLookbackDays,
            List<String> knownStsAreas,
            int flagChangeMonths,
            int flagHoppingChanges,
            int flagHoppingMonths,
            List<String> highRiskFlags,
            String source) {}

    /** The rules as versioned, the document as it is set. */
    public record RulesView(long version, Instant recordedAt, RulesDocument rules) {
        static RulesView of(VesselRules rules) {
            return new RulesView(
                    rules.version(),
                    rules.recordedAt(),
                    new RulesDocument(
                            rules.aisGapHours().toPlainString(),
                            rules.aisLookbackDays(),
                            rules.stsLookbackDays(),
                            rules.knownStsAreas(),
                            rules.flagChangeMonths(),
                            rules.flagHoppingChanges(),
                            rules.flagHoppingMonths(),
                            rules.highRiskFlags(),
                            rules.source()));
        }
    }

    @Override
    public void register(Api api) {
        api.post("/api/v1/vessels/screen")
                .requires(Permission.VESSEL_SCREEN)
                .tag("vessels")
                .summary("Screen a vessel: IMO and name against the lists, owner and manager under the 50 Percent"
                        + " Rule, flag and risk indicators")
                .request(ScreenRequest.class)
                .response(ScreeningView.class)
                .handle(this::screen);
        api.get("/api/v1/vessels/rules")
                .requires(Permission.OWNERSHIP_READ)
                .tag("vessels")
                .summary("The vessel screening rules in force and their version")
                .response(RulesView.class)
                .handle(ctx -> ctx.json(RulesView.of(vessels.rules())));
        api.put("/api/v1/vessels/rules")
                .requires(Permission.OWNERSHIP_MANAGE)
                .tag("vessels")
                .summary("Set a new version of the vessel screening rules (the whole document, with its source)")
                .request(RulesDocument.class)
                .response(RulesView.class)
                .handle(this::changeRules);
        api.post("/api/v1/vessels")
                .requires(Permission.OWNERSHIP_MANAGE)
                .tag("vessels")
                .summary("Register a vessel's particulars with its risk indicators (AIS gaps, STS transfers, flag"
                        + " changes)")
                .request(NewVessel.class)
                .response(VesselView.class)
                .status(201)
                .handle(this::register);
        api.get("/api/v1/vessels/{imo}")
                .requires(Permission.OWNERSHIP_READ)
                .tag("vessels")
                .summary("A registered vessel with its risk indicators")
                .response(VesselView.class)
                .handle(ctx -> ctx.json(view(vessels.vessel(ctx.pathParam("imo")))));
    }

    private void screen(Context ctx) {
        ScreenRequest request = Requests.body(ctx, ScreenRequest.class);
        LocalDate today = vessels.today();
        VesselQuery query = new VesselQuery(
                request.imo(),
                request.name(),
                request.flagState(),
                party(request.registeredOwnerId(), request.registeredOwnerName(), "registered_owner"),
                party(request.managerId(), request.managerName(), "manager"),
                indicators(request.indicators(), today));
        ctx.json(ScreeningView.of(vessels.screen(query, request.on().orElse(today))));
    }

    private void register(Context ctx) {
        NewVessel request = Requests.body(ctx, NewVessel.class);
        VesselRegistration vessel = new VesselRegistration(
                Imo.parse(request.imo()),
                request.name(),
                request.flagState(),
                party(request.registeredOwnerId(), request.registeredOwnerName(), "registered_owner"),
                party(request.managerId(), request.managerName(), "manager"),
                request.source());
        Vessels.Recorded recorded =
                vessels.register(Api.actor(ctx), vessel, indicators(request.indicators(), vessels.today()));
        ctx.status(recorded.changed() ? 201 : 200)
                .json(view(vessels.vessel(vessel.imo().digits())));
    }

    private void changeRules(Context ctx) {
        RulesDocument document = Requests.body(ctx, RulesDocument.class);
        BigDecimal hours;
        try {
            hours = new BigDecimal(
                    document.aisGapHours() == null ? "" : document.aisGapHours().strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("RULES_INVALID", "ais_gap_hours must be a number such as 24");
        }
        VesselRules rules = new VesselRules(
                0,
                hours,
                document.aisLookbackDays(),
                document.stsLookbackDays(),
                document.knownStsAreas() == null ? List.of() : document.knownStsAreas(),
                document.flagChangeMonths(),
                document.flagHoppingChanges(),
                document.flagHoppingMonths(),
                document.highRiskFlags() == null ? List.of() : document.highRiskFlags(),
                document.source() == null ? "" : document.source(),
                Instant.EPOCH);
        ctx.json(RulesView.of(vessels.changeRules(Api.actor(ctx), rules)));
    }

    private VesselView view(Vessel vessel) {
        return new VesselView(
                vessel.imo().digits(),
                vessel.imo().checkDigitValid(),
                vessel.name(),
                vessel.flagState(),
                vessel.registeredOwner(),
                vessel.manager(),
                vessel.source(),
                vessel.recordedAt(),
                vessels.indicators(vessel.imo().digits()).stream()
                        .map(IndicatorView::of)
                        .toList());
    }

    private static Optional<PartyRef> party(Optional<String> id, Optional<String> name, String field) {
        Optional<String> givenId = id.map(String::strip).filter(text -> !text.isEmpty());
        Optional<String> givenName = name.map(String::strip).filter(text -> !text.isEmpty());
        if (givenId.isEmpty() && givenName.isEmpty()) {
            return Optional.empty();
        }
        if (givenId.isEmpty() || givenName.isEmpty()) {
            throw new InvalidInputException(
                    "PARTY_INCOMPLETE", field + "_id and " + field + "_name go together: give both or neither");
        }
        return Optional.of(PartyRef.entity(givenId.get(), givenName.get()));
    }

    private static List<RiskIndicator> indicators(Optional<List<IndicatorInput>> given, LocalDate today) {
        List<RiskIndicator> indicators = new ArrayList<>();
        List<IndicatorInput> inputs = given.orElse(List.of());
        for (int i = 0; i < inputs.size(); i++) {
            IndicatorInput input = inputs.get(i);
            if (input == null) {
                throw new InvalidInputException("INDICATOR_MISSING", "indicators[" + i + "] is empty");
            }
            try {
                indicators.add(Vessels.indicator(input, today));
            } catch (InvalidInputException e) {
                throw new InvalidInputException(e.code(), "indicators[" + i + "]: " + e.getMessage());
            }
        }
        return indicators;
    }
}
