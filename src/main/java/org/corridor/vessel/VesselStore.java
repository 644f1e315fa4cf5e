package org.corridor.vessel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.corridor.db.Handles;
import org.corridor.transaction.Transaction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * SQL for vessels, their risk indicators and the screening rules. Particulars are versioned (the
 * newest row per IMO number is current) and indicators deduplicated; nothing is updated or
 * deleted. Every method runs in the unit of work it is given. Thread-safe (stateless).
 */
final class VesselStore {

    /** Arbitrary constant naming the advisory lock that serialises vessel writers. */
    private static final long VESSEL_LOCK = 0x56657373_656c7321L;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final RowMapper<Particulars> PARTICULARS = (rs, ctx) -> new Particulars(
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

    /** A party of a vessel (its registered owner or manager) as stored: id and name. */
    record Party(String id, String name) {}

    /**
     * A vessel's particulars as stored. The service turns the parties into ownership-graph parties;
     * the store knows them only by id and name.
     */
    record Particulars(
            Imo imo,
            String name,
            Optional<String> flagState,
            Optional<Party> registeredOwner,
            Optional<Party> manager,
            String source,
            Instant recordedAt) {}

    /** An indicator to record, with the vessel it belongs to. */
    record IndicatorOf(Imo imo, RiskIndicator indicator) {}

    /** Serialises vessel writers until the unit of work ends. */
    void lockVessels(Transaction transaction) {
        Handles.of(transaction).execute("select pg_advisory_xact_lock(?)", VESSEL_LOCK);
    }

    /** The current particulars of the vessel with these seven digits. */
    Optional<Particulars> vessel(Transaction transaction, String imo) {
        return Handles.first(
                transaction, PARTICULARS, "select * from vessel where imo = :imo order by id desc limit 1", "imo", imo);
    }

    /** Records a new version of a vessel's particulars. */
    void insertVessel(Transaction transaction, Particulars vessel) {
        Handles.of(transaction)
                .createUpdate("""
                        insert into vessel (imo, name, flag_state, registered_owner_id, registered_owner_name,
                                            manager_id, manager_name, source, recorded_at)
                        values (:imo, :name, :flag, :ownerId, :ownerName, :managerId, :managerName, :source,
                                :recordedAt)
                        """)
                .bind("imo", vessel.imo().digits())
                .bind("name", vessel.name())
                .bind("flag", vessel.flagState().orElse(null))
                .bind("ownerId", vessel.registeredOwner().map(Party::id).orElse(null))
                .bind("ownerName", vessel.registeredOwner().map(Party::name).orElse(null))
                .bind("managerId", vessel.manager().map(Party::id).orElse(null))
                .bind("managerName", vessel.manager().map(Party::name).orElse(null))
                .bind("source", vessel.source())
                .bind("recordedAt", utc(vessel.recordedAt()))
                .execute();
    }

    /** Records an indicator unless it is already known; whether it was new. */
    boolean insertIndicator(Transaction transaction, IndicatorOf of, Instant now) {
        RiskIndicator indicator = of.indicator();
        return Handles.of(transaction)
                        .createUpdate("""
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
                        .execute()
                > 0;
    }

    /** Every indicator known for a vessel, oldest first. */
    List<RiskIndicator> indicators(Transaction transaction, String imo) {
        return Handles.list(
                transaction,
                INDICATOR,
                "select * from vessel_indicator where imo = :imo order by observed_on, id",
                "imo",
                imo);
    }

    Optional<VesselRules> latestRules(Transaction transaction) {
        return Handles.of(transaction)
                .createQuery("select * from vessel_rules order by version desc limit 1")
                .map((rs, ctx) -> rules(
                        rs.getLong("version"),
                        readJson(rs.getString("rules")),
                        rs.getString("source"),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant()))
                .findFirst();
    }

    /**
     * Stores a new version of the rules, its number one above the newest (the table is locked until
     * the unit of work ends).
     *
     * @param document the rules as canonical JSON
     */
    VesselRules insertRules(Transaction transaction, VesselRules rules, String document, String actor, Instant now) {
        Handle handle = Handles.of(transaction);
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
                .bind("rules", document)
                .bind("source", stored.source())
                .bind("recordedAt", utc(now))
                .bind("actor", actor)
                .execute();
        return stored;
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

    private static Optional<Party> party(String id, String name) {
        return id == null ? Optional.empty() : Optional.of(new Party(id, name));
    }

    private static JsonNode readJson(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored vessel rules are unreadable", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
