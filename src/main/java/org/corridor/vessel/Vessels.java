package org.corridor.vessel;

import java.io.Reader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditLog;
import org.corridor.audit.CanonicalJson;
import org.corridor.csv.CsvTable;
import org.corridor.ownership.Listing;
import org.corridor.ownership.ListingLookup;
import org.corridor.ownership.Ownership;
import org.corridor.ownership.OwnershipAssessment;
import org.corridor.ownership.PartyKind;
import org.corridor.ownership.PartyRef;
import org.corridor.transaction.Transaction;
import org.corridor.transaction.Transactions;

/**
 * The vessel feature's public face: register vessels and their risk indicators (API or CSV), and
 * screen a vessel: its IMO number exactly and its name against the lists, its registered owner
 * and manager under the 50 Percent Rule, its flag, and its risk indicators as of a date.
 * Thread-safe.
 */
public final class Vessels {

    public static final List<String> VESSEL_COLUMNS = List.of(
            "imo",
            "name",
            "flag_state",
            "registered_owner_id",
            "registered_owner_name",
            "manager_id",
            "manager_name",
            "source");

    public static final List<String> INDICATOR_COLUMNS = List.of(
            "imo", "kind", "observed_on", "duration_hours", "area", "counterpart", "from_flag", "to_flag", "source");

    private final Transactions transactions;
    private final AuditLog audit;
    private final VesselStore store = new VesselStore();
    private final Ownership ownership;
    private final ListingLookup listings;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param listings where IMO numbers and names are looked up: the graph's designations, and the
     *     screening engine once it is wired
     */
    public Vessels(
            Transactions transactions,
            AuditLog audit,
            Ownership ownership,
            ListingLookup listings,
            Clock clock,
            ZoneId zone) {
        this.transactions = transactions;
        this.audit = audit;
        this.ownership = ownership;
        this.listings = listings;
        this.clock = clock;
        this.zone = zone;
    }

    /** What a registration or import wrote; nothing when everything was already known. */
    public record Recorded(int vessels, int indicators) {
        public boolean changed() {
            return vessels + indicators > 0;
        }
    }

    /** Screens a vessel as of today in the channel's zone. */
    public VesselScreening screen(VesselQuery query) {
        return screen(query, today());
    }

    /** Screens a vessel as of {@code on}: indicators observed after it are not considered. */
    public VesselScreening screen(VesselQuery query, LocalDate on) {
        Optional<Imo> imo =
                query.imo().map(String::strip).filter(text -> !text.isEmpty()).map(Imo::parse);
        Optional<String> givenName = query.name().map(String::strip).filter(text -> !text.isEmpty());
        if (imo.isEmpty() && givenName.isEmpty()) {
            throw new InvalidInputException("VESSEL_QUERY_EMPTY", "give the vessel's IMO number, its name, or both");
        }
        Optional<Vessel> registered = imo.flatMap(number -> registered(number));
        Optional<String> name = givenName.or(() -> registered.map(Vessel::name));
        Optional<String> flag = query.flagState()
                .map(text -> RiskIndicator.flag("flag_state", text))
                .filter(text -> !text.isEmpty())
                .or(() -> registered.flatMap(Vessel::flagState));
        Optional<PartyRef> owner = query.registeredOwner().or(() -> registered.flatMap(Vessel::registeredOwner));
        Optional<PartyRef> manager = query.manager().or(() -> registered.flatMap(Vessel::manager));
        List<RiskIndicator> indicators = new ArrayList<>();
        imo.ifPresent(number -> indicators.addAll(indicators(number)));
        query.indicators().stream()
                .filter(indicator -> !indicators.contains(indicator))
                .forEach(indicators::add);

        Optional<Listing> imoListing = imo.flatMap(number -> listings.byImo(number.digits()));
        List<Listing> nameMatches =
                name.map(text -> listings.byName(text, PartyKind.VESSEL)).orElse(List.of());
        Optional<OwnershipAssessment> ownerAssessment = owner.map(ownership::assess);
        Optional<OwnershipAssessment> managerAssessment = manager.map(ownership::assess);
        VesselRules rules = rules();

        VesselScreener.Facts facts = new VesselScreener.Facts(
                imo, name, flag, imoListing, nameMatches, ownerAssessment, managerAssessment, indicators);
        List<VesselReason> reasons = VesselScreener.reasons(facts, rules, on);
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("vessel_rules", Long.toString(rules.version()));
        ownerAssessment.or(() -> managerAssessment).ifPresent(assessment -> versions.putAll(assessment.versions()));
        return new VesselScreening(
                imo,
                name,
                flag,
                registered.isPresent(),
                on,
                VesselScreener.decision(reasons),
                reasons,
                imoListing,
                nameMatches,
                ownerAssessment,
                managerAssessment,
                indicators,
                rules.version(),
                versions);
    }

    /** Registers (or updates) a vessel's particulars with any indicators, in one change. */
    public Recorded register(Actor by, VesselRegistration vessel, List<RiskIndicator> indicators) {
        List<VesselStore.IndicatorOf> of = indicators.stream()
                .map(indicator -> new VesselStore.IndicatorOf(vessel.imo(), indicator))
                .toList();
        return write(by, "api", List.of(vessel), of);
    }

    /** The registered particulars of a vessel. */
    public Vessel vessel(String imo) {
        Imo number = Imo.parse(imo);
        return registered(number)
                .orElseThrow(() -> new NotFoundException("VESSEL_NOT_FOUND", "no vessel registered as " + number));
    }

    public List<RiskIndicator> indicators(String imo) {
        return indicators(Imo.parse(imo));
    }

    private Optional<Vessel> registered(Imo imo) {
        return transactions.read(tx -> store.vessel(tx, imo.digits())).map(Vessels::vessel);
    }

    private List<RiskIndicator> indicators(Imo imo) {
        return transactions.read(tx -> store.indicators(tx, imo.digits()));
    }

    /** Imports vessel particulars from CSV ({@link #VESSEL_COLUMNS}); whole or not at all. */
    public Recorded importVessels(Actor by, String origin, Reader csv) {
        CsvTable table = CsvTable.read(csv, Set.of("imo", "name", "source"), Set.copyOf(VESSEL_COLUMNS), rows -> {});
        List<VesselRegistration> vessels = new ArrayList<>();
        Refusals refusals = new Refusals();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (CsvTable.Row row : table.rows()) {
            try {
                VesselRegistration vessel = new VesselRegistration(
                        Imo.parse(row.get("imo")),
                        row.get("name"),
                        optional(row.get("flag_state")),
                        party(row, "registered_owner"),
                        party(row, "manager"),
                        row.get("source"));
                Integer earlier = seen.putIfAbsent(vessel.imo().digits(), row.line());
                if (earlier != null) {
                    throw new InvalidInputException(
                            "VESSEL_REPEATED", vessel.imo() + " is already given on line " + earlier);
                }
                vessels.add(vessel);
            } catch (InvalidInputException e) {
                refusals.add("line " + row.line(), e);
            }
        }
        refusals.throwIfAny(table.rows().isEmpty());
        return write(by, "csv:" + origin, vessels, List.of());
    }

    /** Imports risk indicators from CSV ({@link #INDICATOR_COLUMNS}); whole or not at all. */
    public Recorded importIndicators(Actor by, String origin, Reader csv) {
        CsvTable table = CsvTable.read(
                csv, Set.of("imo", "kind", "observed_on", "source"), Set.copyOf(INDICATOR_COLUMNS), rows -> {});
        List<VesselStore.IndicatorOf> indicators = new ArrayList<>();
        Refusals refusals = new Refusals();
        LocalDate today = today();
        for (CsvTable.Row row : table.rows()) {
            try {
                indicators.add(new VesselStore.IndicatorOf(Imo.parse(row.get("imo")), indicator(row, today)));
            } catch (InvalidInputException e) {
                refusals.add("line " + row.line(), e);
            }
        }
        refusals.throwIfAny(table.rows().isEmpty());
        return write(by, "csv:" + origin, List.of(), indicators);
    }

    /** An indicator from its fields as given; refuses dates ahead of {@code today}. */
    public static RiskIndicator indicator(IndicatorInput given, LocalDate today) {
        String kind = given.kind();
        String observedOn = given.observedOn();
        IndicatorKind parsedKind;
        try {
            parsedKind = IndicatorKind.valueOf((kind == null ? "" : kind.strip()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    "INDICATOR_KIND_INVALID",
                    "kind must be one of " + List.of(IndicatorKind.values()) + ": '" + kind + "'");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(observedOn == null ? "" : observedOn.strip());
        } catch (DateTimeException e) {
            throw new InvalidInputException(
                    "OBSERVED_ON_INVALID", "observed_on must be a YYYY-MM-DD date: '" + observedOn + "'");
        }
        if (date.isAfter(today)) {
            throw new InvalidInputException(
                    "OBSERVED_ON_IN_FUTURE", "observed_on " + date + " is after today (" + today + ")");
        }
        Optional<BigDecimal> hours;
        try {
            hours = given.durationHours()
                    .map(String::strip)
                    .filter(text -> !text.isEmpty())
                    .map(BigDecimal::new);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("INDICATOR_INVALID", "duration_hours must be a number such as 41");
        }
        return new RiskIndicator(
                parsedKind,
                date,
                hours,
                given.area().orElse(""),
                given.counterpart().orElse(""),
                given.fromFlag().orElse(""),
                given.toFlag().orElse(""),
                given.source());
    }

    private static RiskIndicator indicator(CsvTable.Row row, LocalDate today) {
        return indicator(
                new IndicatorInput(
                        row.get("kind"),
                        row.get("observed_on"),
                        optional(row.get("duration_hours")),
                        optional(row.get("area")),
                        optional(row.get("counterpart")),
                        optional(row.get("from_flag")),
                        optional(row.get("to_flag")),
                        row.get("source")),
                today);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The rules in force: the newest version set, or the built-in default. */
    public VesselRules rules() {
        return transactions.read(store::latestRules).orElse(VesselRules.DEFAULT);
    }

    /** Sets a new version of the screening rules. */
    public VesselRules changeRules(Actor by, VesselRules rules) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String document = CanonicalJson.write(rulesDocument(rules));
        return transactions.inTransaction(tx -> {
            VesselRules stored = store.insertRules(tx, rules, document, by.name(), now);
            audit.append(
                    tx,
                    AuditEvent.of(
                            by,
                            "VESSEL_RULES_CHANGED",
                            "vessel:rules:" + stored.version(),
                            CanonicalJson.fields("rules", rulesDocument(rules), "source", rules.source()),
                            CanonicalJson.fields("version", stored.version())));
            return stored;
        });
    }

    /** The rules as the JSON they are stored (and audited) as. */
    private static Map<String, Object> rulesDocument(VesselRules rules) {
        return CanonicalJson.fields(
                "ais_gap_hours", rules.aisGapHours().toPlainString(),
                "ais_lookback_days", rules.aisLookbackDays(),
                "sts_lookback_days", rules.stsLookbackDays(),
                "known_sts_areas", rules.knownStsAreas(),
                "flag_change_months", rules.flagChangeMonths(),
                "flag_hopping_changes", rules.flagHoppingChanges(),
                "flag_hopping_months", rules.flagHoppingMonths(),
                "high_risk_flags", rules.highRiskFlags());
    }

    /**
     * One unit of work under the vessel writers' lock: new particulars (when they differ from the
     * current ones) and indicators (when not already known), with one audit entry; nothing at all
     * when nothing is new.
     */
    private Recorded write(
            Actor by, String origin, List<VesselRegistration> vessels, List<VesselStore.IndicatorOf> indicators) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return transactions.inTransaction(tx -> {
            store.lockVessels(tx);
            Recorded recorded = new Recorded(writeVessels(tx, vessels, now), writeIndicators(tx, indicators, now));
            if (recorded.changed()) {
                audit.append(tx, recordedEvent(by, origin, vessels, indicators));
            }
            return recorded;
        });
    }

    private int writeVessels(Transaction tx, List<VesselRegistration> vessels, Instant now) {
        int written = 0;
        for (VesselRegistration vessel : vessels) {
            Optional<Vessel> current = store.vessel(tx, vessel.imo().digits()).map(Vessels::vessel);
            if (current.isPresent() && vessel.sameAs(current.get())) {
                continue;
            }
            store.insertVessel(tx, particulars(vessel, now));
            written++;
        }
        return written;
    }

    private int writeIndicators(Transaction tx, List<VesselStore.IndicatorOf> indicators, Instant now) {
        int written = 0;
        for (VesselStore.IndicatorOf of : indicators) {
            if (store.insertIndicator(tx, of, now)) {
                written++;
            }
        }
        return written;
    }

    private static AuditEvent recordedEvent(
            Actor by, String origin, List<VesselRegistration> vessels, List<VesselStore.IndicatorOf> indicators) {
        return AuditEvent.of(
                by,
                "VESSELS_RECORDED",
                subject(vessels, indicators),
                CanonicalJson.fields(
                        "origin",
                        origin,
                        "vessels",
                        vessels.stream().map(Vessels::auditVessel).toList(),
                        "indicators",
                        indicators.stream().map(Vessels::auditIndicator).toList()),
                CanonicalJson.fields("vessels_given", vessels.size(), "indicators_given", indicators.size()));
    }

    /** Stored particulars as the vessel's record; its parties are graph entities. */
    private static Vessel vessel(VesselStore.Particulars stored) {
        return new Vessel(
                stored.imo(),
                stored.name(),
                stored.flagState(),
                stored.registeredOwner().map(party -> PartyRef.entity(party.id(), party.name())),
                stored.manager().map(party -> PartyRef.entity(party.id(), party.name())),
                stored.source(),
                stored.recordedAt());
    }

    private static VesselStore.Particulars particulars(VesselRegistration vessel, Instant now) {
        return new VesselStore.Particulars(
                vessel.imo(),
                vessel.name(),
                vessel.flagState(),
                vessel.registeredOwner().map(party -> new VesselStore.Party(party.id(), party.name())),
                vessel.manager().map(party -> new VesselStore.Party(party.id(), party.name())),
                vessel.source(),
                now);
    }

    /** The audit subject: the one vessel a change is about, or all vessels when it spans several. */
    private static String subject(List<VesselRegistration> vessels, List<VesselStore.IndicatorOf> indicators) {
        List<String> imos = new ArrayList<>();
        vessels.forEach(vessel -> imos.add(vessel.imo().digits()));
        indicators.forEach(of -> imos.add(of.imo().digits()));
        List<String> distinct = imos.stream().distinct().toList();
        return distinct.size() == 1 ? "vessel:" + distinct.get(0) : "vessels";
    }

    private static Map<String, Object> auditVessel(VesselRegistration vessel) {
        return CanonicalJson.fields(
                "imo", vessel.imo().digits(),
                "name", vessel.name(),
                "flag_state", vessel.flagState().orElse(""),
                "registered_owner_id",
                        vessel.registeredOwner().map(PartyRef::id).orElse(""),
                "manager_id", vessel.manager().map(PartyRef::id).orElse(""),
                "source", vessel.source());
    }

    private static Map<String, Object> auditIndicator(VesselStore.IndicatorOf of) {
        RiskIndicator indicator = of.indicator();
        return CanonicalJson.fields(
                "imo", of.imo().digits(),
                "kind", indicator.kind().name(),
                "observed_on", indicator.observedOn().toString(),
                "duration_hours",
                        indicator.durationHours().map(BigDecimal::toPlainString).orElse(""),
                "area", indicator.area(),
                "counterpart", indicator.counterpart(),
                "from_flag", indicator.fromFlag(),
                "to_flag", indicator.toFlag(),
                "source", indicator.source());
    }

    private static Optional<PartyRef> party(CsvTable.Row row, String prefix) {
        String id = row.get(prefix + "_id");
        String name = row.get(prefix + "_name");
        if (id.isEmpty() && name.isEmpty()) {
            return Optional.empty();
        }
        if (id.isEmpty() || name.isEmpty()) {
            throw new InvalidInputException(
                    "PARTY_INCOMPLETE", prefix + "_id and " + prefix + "_name go together: give both or neither");
        }
        return Optional.of(PartyRef.entity(id, name));
    }

    private static Optional<String> optional(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** Refusals of a CSV file, reported together, so that nothing is imported when any line is bad. */
    private static final class Refusals {
        private final List<String> messages = new ArrayList<>();
        private String code = "";

        void add(String label, InvalidInputException e) {
            if (code.isEmpty()) {
                code = e.code();
            }
            messages.add(label + ": " + e.getMessage());
        }

        void throwIfAny(boolean empty) {
            if (empty) {
                throw new InvalidInputException("CSV_EMPTY", "the file holds a header and no rows");
            }
            if (messages.isEmpty()) {
                return;
            }
            List<String> shown = messages.subList(0, Math.min(20, messages.size()));
            throw new InvalidInputException(
                    code,
                    messages.size() + (messages.size() == 1 ? " line" : " lines") + " refused, nothing imported: "
                            + String.join("; ", shown)
                            + (messages.size() > shown.size()
                                    ? "; and " + (messages.size() - shown.size()) + " more"
                                    : ""),
                    Map.of("errors", List.copyOf(shown)));
        }
    }
}
