package org.corridor.vessel;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditStore;
import org.corridor.audit.CanonicalJson;
import org.corridor.db.Database;
import org.corridor.ownership.PartyKind;
import org.corridor.ownership.PartyRef;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * SQL for vessels, their risk indicators and the screening rules. Particulars are versioned (the
 * newest row per IMO number is current) and indicators deduplicated; nothing is updated or
 * deleted. Every change appends its audit entry in the same transaction. Thread-safe.
 */
public final class VesselStore {

    /** Arbitrary constant naming the advisory lock that serialises vessel writers. */
    private static final long VESSEL_LOCK = 0x56657373_656c7321L;

    private static final RowMapper<Vessel> VESSEL = (rs, ctx) -> new Vessel(
            new Imo(rs.getString("imo")),
            rs.getString("name"),
            Optional.ofNullable(rs.getString("flag_state")),
            party(rs.getString("registered_owner_id"), rs.getString("registered_owner_name")),
            party(rs.getString("manager_id"), rs.getString("manager_name")),
            rs.getString("source"),
            rs.getObject("recorded_at", OffsetDateTime.class).toInstant());

    private static final RowMapper<RiskIndicator> INDICATOR = (rs, ctx) -> new RiskIndicator(
            IndicatorKind.valueOf(rs.getString("kind")),
            rs.getObject("observed_on", LocalDate.class),
            Optional.ofNullable(rs.getBigDecimal("duration_hours")).map(BigDecimal::stripTrailingZeros),
            rs.getString("area"),
            rs.getString("counterpart"),
            rs.getString("from_flag"),
            rs.getString("to_flag"),
            rs.getString("source"));

    private final Jdbi jdbi;
    private final AuditStore audit;

    public VesselStore(Database database, AuditStore audit) {
        this.jdbi = database.jdbi();
        this.audit = audit;
    }

    /** What a write changed. */
    record Written(int vessels, int indicators) {
        boolean changed() {
            return vessels + indicators > 0;
        }
    }

    /** An indicator to record, with the vessel it belongs to. */
    record IndicatorOf(Imo imo, RiskIndicator indicator) {}

    /**
     * Records new particulars (when they differ from the current ones) and indicators (when not
     * already known), with one audit entry, all in one transaction; nothing at all when nothing is new.
     */
    Written write(
            List<VesselRegistration> vessels, List<IndicatorOf> indicators, Instant now, Supplier<AuditEvent> event) {
        return jdbi.inTransaction(handle -> {
            handle.execute("select pg_advisory_xact_lock(?)", VESSEL_LOCK);
            int vesselsWritten = 0;
            for (VesselRegistration vessel : vessels) {
                Optional<Vessel> current = current(handle, vessel.imo().digits());
                if (current.isPresent() && vessel.sameAs(current.get())) {
                    continue;
                }
                handle.createUpdate("""
                                insert into vessel (imo, name, flag_state, registered_owner_id, registered_owner_name,
                                                    manager_id, manager_name, source, recorded_at)
                                values (:imo, :name, :flag, :ownerId, :ownerName, :managerId, :managerName, :source,
                                        :recordedAt)
                                """)
                        .bind("imo", vessel.imo().digits())
                        .bind("name", vessel.name())
                        .bind("flag", vessel.flagState().orElse(null))
                        .bind(
                                "ownerId",
                                vessel.registeredOwner().map(PartyRef::id).orElse(null))
                        .bind(
                                "ownerName",
                                vessel.registeredOwner().map(PartyRef::name).orElse(null))
                        .bind("managerId", vessel.manager().map(PartyRef::id).orElse(null))
                        .bind(
                                "managerName",
                                vessel.manager().map(PartyRef::name).orElse(null))
                        .bind("source", vessel.source())
                        .bind("recordedAt", utc(now))
                        .execute();
                vesselsWritten++;
            }
            int indicatorsWritten = 0;
            for (IndicatorOf of : indicators) {
                RiskIndicator indicator = of.indicator();
                indicatorsWritten += handle.createUpdate("""
                                insert into vessel_indicator (imo, kind, observed_on, duration_hours, area, counterpart,
                                                              from_flag, to_flag, source, recorded_at)
                                values (:imo, :kind, :observedOn, :hours, :area, :counterpart, :fromFlag, :toFlag,
                                        :source, :recordedAt)
                                on conflict do nothing
                                """)
                        .bind("imo", of.imo().digits())
                        .bind("kind", indicator.kind().name())
                        .bind("observedOn", indicator.observedOn())
                        .bind("hours", indicator.durationHours().orElse(null))
                        .bind("area", indicator.area())
                        .bind("counterpart", indicator.counterpart())
                        .bind("fromFlag", indicator.fromFlag())
                        .bind("toFlag", indicator.toFlag())
                        .bind("source", indicator.source())
                        .bind("recordedAt", utc(now))
                        .execute();
            }
            Written written = new Written(vesselsWritten, indicatorsWritten);
            if (written.changed()) {
                audit.append(handle, event.get());
            }
            return written;
        });
    }

    Optional<Vessel> vessel(String imo) {
        return jdbi.withHandle(handle -> current(handle, imo));
    }

    private static Optional<Vessel> current(Handle handle, String imo) {
        return handle.createQuery("select * from vessel where imo = :imo order by id desc limit 1")
                .bind("imo", imo)
                .map(VESSEL)
                .findFirst();
    }

    /** Every indicator known for a vessel, oldest first. */
    List<RiskIndicator> indicators(String imo) {
        return jdbi.withHandle(
                handle -> handle.createQuery("select * from vessel_indicator where imo = :imo order by observed_on, id")
                        .bind("imo", imo)
                        .map(INDICATOR)
                        .list());
    }

    Optional<VesselRules> latestRules() {
        return jdbi.withHandle(handle -> handle.createQuery("select * from vessel_rules order by version desc limit 1")
                .map((rs, ctx) -> rules(
                        rs.getLong("version"),
                        CanonicalJson.read(rs.getString("rules")),
                        rs.getString("source"),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant()))
                .findFirst());
    }

    /** Stores a new version of the rules; its number is one above the newest. */
    VesselRules insertRules(VesselRules rules, String actor, Instant now, LongFunction<AuditEvent> event) {
        return jdbi.inTransaction(handle -> {
            handle.execute("lock table vessel_rules in exclusive mode");
            long version = handle.createQuery("select coalesce(max(version), 0) + 1 from vessel_rules")
                    .mapTo(Long.class)
                    .one();
            VesselRules stored = rules.withVersion(version, now);
            handle.createUpdate("""
                            insert into vessel_rules (version, rules, source, recorded_at, actor)
                            values (:version, :rules, :source, :recordedAt, :actor)
                            """)
                    .bind("version", version)
                    .bind("rules", CanonicalJson.write(document(stored)))
                    .bind("source", stored.source())
                    .bind("recordedAt", utc(now))
                    .bind("actor", actor)
                    .execute();
            audit.append(handle, event.apply(version));
            return stored;
        });
    }

    /** The rules as the JSON they are stored (and audited) as. */
    static Map<String, Object> document(VesselRules rules) {
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

    private static VesselRules rules(long version, JsonNode json, String source, Instant recordedAt) {
        return new VesselRules(
                version,
                new BigDecimal(json.get("ais_gap_hours").asText()),
                json.get("ais_lookback_days").asInt(),
                json.get("sts_lookback_days").asInt(),
                strings(json.get("known_sts_areas")),
                json.get("flag_change_months").asInt(),
                json.get("flag_hopping_changes").asInt(),
                json.get("flag_hopping_months").asInt(),
                strings(json.get("high_risk_flags")),
                source,
                recordedAt);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static Optional<PartyRef> party(String id, String name) {
        return id == null ? Optional.empty() : Optional.of(new PartyRef(id, name, PartyKind.ENTITY));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
