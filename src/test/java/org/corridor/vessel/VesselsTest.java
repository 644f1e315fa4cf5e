package org.corridor.vessel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.corridor.InvalidInputException;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.ownership.EdgeInput;
import org.corridor.ownership.OwnershipStatus;
import org.corridor.ownership.PartyKind;
import org.corridor.ownership.PartyRef;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Vessel screening through the database: the scenario's ship, list hits, owners, flags and indicators. */
class VesselsTest {

    static final Actor ANALYST = new Actor("amira", "COMPLIANCE_ANALYST");
    static final LocalDate SCREENED_ON = LocalDate.parse("2024-07-05");
    static final String FEED = "AIS risk feed 2024-07-04";

    private static Corridor corridor;
    private static Vessels vessels;

    @BeforeAll
    static void open() {
        corridor = TestCorridor.create(MutableClock.at("2024-07-08T09:00:00Z"));
        vessels = corridor.vessels();
        corridor.ownership()
                .record(
                        ANALYST,
                        List.of(
                                EdgeInput.designate(
                                        "entity-x",
                                        "Entity X",
                                        PartyKind.ENTITY,
                                        "DEMO:ENTITY-X",
                                        "demo",
                                        "2024-06-01"),
                                EdgeInput.designate(
                                        "entity-y",
                                        "Entity Y",
                                        PartyKind.ENTITY,
                                        "DEMO:ENTITY-Y",
                                        "demo",
                                        "2024-06-01"),
                                EdgeInput.owns(
                                        "entity-x",
                                        "Entity X",
                                        "gulf-star-logistics-fze",
                                        "Gulf Star Logistics FZE",
                                        "30",
                                        "register",
                                        "2024-06-30"),
                                EdgeInput.owns(
                                        "entity-y",
                                        "Entity Y",
                                        "gulf-star-logistics-fze",
                                        "Gulf Star Logistics FZE",
                                        "25",
                                        "register",
                                        "2024-06-30"),
                                EdgeInput.owns(
                                        "entity-x",
                                        "Entity X",
                                        "oceanic-ship-management",
                                        "Oceanic Ship Management",
                                        "30",
                                        "register",
                                        "2024-06-30"),
                                EdgeInput.designate(
                                        "imo-9166778",
                                        "Shadow Trader",
                                        PartyKind.VESSEL,
                                        "OFAC_SDN:V-77",
                                        "SDN list 2024-06-01",
                                        "2024-06-01")));
    }

    @AfterAll
    static void close() {
        corridor.close();
    }

    private static VesselRegistration vessel(String imo, String name, String flag) {
        return new VesselRegistration(
                Imo.parse(imo),
                name,
                Optional.ofNullable(flag),
                Optional.empty(),
                Optional.empty(),
                "Equasis 2024-07-01");
    }

    @Test
    void the_scenario_vessel_with_a_41_hour_ais_gap_near_a_known_sts_area_is_escalated() {
        vessels.register(
                ANALYST,
                vessel("9000001", "MV Sea Lark", "PA"),
                List.of(RiskIndicator.aisGap(
                        LocalDate.parse("2024-06-18"), new BigDecimal("41"), "Gulf of Oman, off Khor Fakkan", FEED)));

        VesselScreening screening = vessels.screen(VesselQuery.of("9000001", "MV Sea Lark"), SCREENED_ON);

        assertThat(screening.decision()).isEqualTo(VesselDecision.ESCALATE);
        assertThat(screening.registered()).isTrue();
        assertThat(screening.flagState()).contains("PA");
        assertThat(screening.reasons())
                .extracting(VesselReason::code)
                .containsExactly(VesselReason.Code.IMO_CHECK_DIGIT, VesselReason.Code.AIS_GAP);
        assertThat(screening.reasons().get(1).detail())
                .startsWith("AIS gap of 41 hours in Gulf of Oman, off Khor Fakkan (a known ship-to-ship transfer area)"
                        + " on 2024-06-18, within the last 90 days");
        assertThat(screening.reasons().get(0).detail()).startsWith("IMO 9000001 fails its check digit (3 expected)");
        assertThat(screening.versions()).containsEntry("vessel_rules", "0");
    }

    @Test
    void ais_gaps_count_only_when_long_enough_recent_enough_and_already_observed() {
        vessels.register(
                ANALYST,
                vessel("9074729", "Northern Light", "NO"),
                List.of(
                        RiskIndicator.aisGap(LocalDate.parse("2024-04-05"), new BigDecimal("72"), "North Sea", FEED),
                        RiskIndicator.aisGap(
                                LocalDate.parse("2024-06-01"), new BigDecimal("23.99"), "North Sea", FEED)));
        assertThat(vessels.screen(VesselQuery.byImo("9074729"), SCREENED_ON).explanation())
                .containsExactly(
                        "IMO 9074729 \"Northern Light\", flag NO: CLEAR (as of 2024-07-05)",
                        "no reasons to escalate: IMO and name not listed, owner and manager clear, no risk indicators",
                        "rules version 0");
        // Exactly 90 days back and exactly 24 hours both count.
        vessels.register(
                ANALYST,
                vessel("9074729", "Northern Light", "NO"),
                List.of(RiskIndicator.aisGap(LocalDate.parse("2024-04-06"), new BigDecimal("24"), "North Sea", FEED)));
        VesselScreening later = vessels.screen(VesselQuery.byImo("9074729"), SCREENED_ON);
        assertThat(later.reasons()).extracting(VesselReason::code).containsExactly(VesselReason.Code.AIS_GAP);
        // Screened as of a date before the observation, it was not yet known.
        assertThat(vessels.screen(VesselQuery.byImo("9074729"), LocalDate.parse("2024-04-04"))
                        .decision())
                .isEqualTo(VesselDecision.CLEAR);
    }

    @Test
    void an_imo_number_on_a_list_blocks_and_a_listed_name_under_another_number_escalates() {
        VesselScreening listed = vessels.screen(VesselQuery.byImo("IMO 9166778"), SCREENED_ON);
        assertThat(listed.decision()).isEqualTo(VesselDecision.BLOCKED);
        assertThat(listed.reasons()).extracting(VesselReason::code).containsExactly(VesselReason.Code.IMO_LISTED);
        assertThat(listed.imoListing()).map(listing -> listing.ref().toString()).contains("OFAC_SDN:V-77");

        VesselScreening renamed = vessels.screen(VesselQuery.of("9176187", "SHADOW TRADER"), SCREENED_ON);
        assertThat(renamed.decision()).isEqualTo(VesselDecision.ESCALATE);
        assertThat(renamed.reasons()).extracting(VesselReason::code).containsExactly(VesselReason.Code.NAME_MATCH);
    }

    @Test
    void the_registered_owner_and_manager_are_screened_under_the_50_percent_rule() {
        VesselQuery query = new VesselQuery(
                Optional.of("9176187"),
                Optional.of("Desert Rose"),
                Optional.empty(),
                Optional.of(PartyRef.entity("gulf-star-logistics-fze", "Gulf Star Logistics FZE")),
                Optional.of(PartyRef.entity("oceanic-ship-management", "Oceanic Ship Management")),
                List.of());
        VesselScreening screening = vessels.screen(query, SCREENED_ON);
        assertThat(screening.decision()).isEqualTo(VesselDecision.BLOCKED);
        assertThat(screening.reasons())
                .extracting(VesselReason::code)
                .containsExactly(VesselReason.Code.REGISTERED_OWNER_BLOCKED, VesselReason.Code.MANAGER_ESCALATED);
        assertThat(screening.registeredOwner().orElseThrow().status()).isEqualTo(OwnershipStatus.BLOCKED_BY_OWNERSHIP);
        assertThat(screening.reasons().get(0).detail())
                .startsWith(
                        "registered owner Gulf Star Logistics FZE (gulf-star-logistics-fze) is BLOCKED_BY_OWNERSHIP:"
                                + " blocked share 55%");
        assertThat(screening.versions()).containsKeys("vessel_rules", "ownership_graph", "ownership_rules");
    }

    @Test
    void a_high_risk_flag_recent_flag_changes_flag_hopping_and_sts_transfers_escalate() {
        vessels.register(
                ANALYST,
                vessel("9321483", "Ocean Pearl", "CM"),
                List.of(
                        RiskIndicator.flagChange(LocalDate.parse("2022-03-01"), "PA", "TG", FEED),
                        RiskIndicator.flagChange(LocalDate.parse("2024-01-15"), "TG", "CM", FEED),
                        RiskIndicator.stsTransfer(
                                LocalDate.parse("2024-06-30"), "Lakonikos Gulf", "MT Nameless", FEED)));
        VesselScreening screening = vessels.screen(VesselQuery.byImo("9321483"), SCREENED_ON);
        assertThat(screening.reasons())
                .extracting(VesselReason::code)
                .containsExactly(
                        VesselReason.Code.FLAG_CHANGE, VesselReason.Code.STS_TRANSFER, VesselReason.Code.FLAG_HOPPING);
        assertThat(screening.reasons().get(2).detail())
                .isEqualTo("2 flag changes within 36 months (PA->TG 2022-03-01, TG->CM 2024-01-15): flag hopping");

        VesselQuery iranianFlag = new VesselQuery(
                Optional.of("9074729"),
                Optional.empty(),
                Optional.of("ir"),
                Optional.empty(),
                Optional.empty(),
                List.of());
        assertThat(vessels.screen(iranianFlag, SCREENED_ON).reasons())
                .extracting(VesselReason::code)
                .contains(VesselReason.Code.FLAG_HIGH_RISK);
    }

    @Test
    void changed_rules_are_a_new_version_that_later_screenings_use() {
        TestCorridorVessels isolated = new TestCorridorVessels();
        try (Corridor own = isolated.corridor) {
            Vessels mine = own.vessels();
            mine.register(
                    ANALYST,
                    vessel("9000001", "MV Sea Lark", "PA"),
                    List.of(RiskIndicator.aisGap(
                            LocalDate.parse("2024-06-18"), new BigDecimal("41"), "Gulf of Oman", FEED)));
            VesselRules defaults = mine.rules();
            VesselRules relaxed = new VesselRules(
                    0,
                    new BigDecimal("48"),
                    defaults.aisLookbackDays(),
                    defaults.stsLookbackDays(),
                    defaults.knownStsAreas(),
                    defaults.flagChangeMonths(),
                    defaults.flagHoppingChanges(),
                    defaults.flagHoppingMonths(),
                    defaults.highRiskFlags(),
                    "policy VS-2: gaps under two days are routine on this trade",
                    defaults.recordedAt());
            assertThat(mine.changeRules(ANALYST, relaxed).version()).isEqualTo(1);
            VesselScreening screening = mine.screen(VesselQuery.byImo("9000001"), SCREENED_ON);
            assertThat(screening.rulesVersion()).isEqualTo(1);
            assertThat(screening.reasons())
                    .extracting(VesselReason::code)
                    .containsExactly(VesselReason.Code.IMO_CHECK_DIGIT);
            assertThat(mine.rules().aisGapHours()).isEqualByComparingTo("48");
        }
    }

    /** A corridor of its own, for a test that changes rules. */
    private static final class TestCorridorVessels {
        final Corridor corridor = TestCorridor.create(MutableClock.at("2024-07-08T09:00:00Z"));
    }

    @Test
    void vessels_and_indicators_import_from_csv_whole_or_not_at_all() {
        Vessels.Recorded registered = vessels.importVessels(ANALYST, "fleet.csv", new StringReader("""
                imo,name,flag_state,registered_owner_id,registered_owner_name,manager_id,manager_name,source
                9400007,Blue Heron,MT,,,,,Equasis 2024-07-01
                9400019,Grey Gull,LR,gulf-star-logistics-fze,Gulf Star Logistics FZE,,,Equasis 2024-07-01
                """));
        assertThat(registered.vessels()).isEqualTo(2);
        assertThat(vessels.screen(VesselQuery.byImo("9400019"), SCREENED_ON).decision())
                .isEqualTo(VesselDecision.BLOCKED);

        assertThatThrownBy(() -> vessels.importIndicators(ANALYST, "feed.csv", new StringReader("""
                        imo,kind,observed_on,duration_hours,area,counterpart,from_flag,to_flag,source
                        9400007,AIS_GAP,2024-06-20,30,Malta,,,,feed
                        9400007,AIS_GAP,2024-06-21,,Malta,,,,feed
                        94000,STS_TRANSFER,2024-06-22,,Malta,,,,feed
                        9400007,DARK_ACTIVITY,2024-06-22,,Malta,,,,feed
                        """)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("3 lines refused, nothing imported: line 3: an AIS_GAP needs duration_hours")
                .hasMessageContaining("line 4: an IMO number is seven digits")
                .hasMessageContaining("line 5: kind must be one of [AIS_GAP, STS_TRANSFER, FLAG_CHANGE]");
        assertThat(vessels.indicators("9400007")).isEmpty();

        Vessels.Recorded indicators = vessels.importIndicators(ANALYST, "feed.csv", new StringReader("""
                imo,kind,observed_on,duration_hours,area,counterpart,from_flag,to_flag,source
                9400007,AIS_GAP,2024-06-20,30,Malta,,,,feed
                9400007,FLAG_CHANGE,2024-05-01,,,,PA,MT,feed
                """));
        assertThat(indicators.indicators()).isEqualTo(2);
        assertThat(vessels.importIndicators(ANALYST, "feed.csv", new StringReader("""
                        imo,kind,observed_on,duration_hours,area,counterpart,from_flag,to_flag,source
                        9400007,AIS_GAP,2024-06-20,30.00,Malta,,,,feed
                        """))
                        .changed())
                .isFalse();
        assertThat(vessels.screen(VesselQuery.byImo("9400007"), SCREENED_ON).reasons())
                .extracting(VesselReason::code)
                .containsExactly(VesselReason.Code.FLAG_CHANGE, VesselReason.Code.AIS_GAP);
    }

    @Test
    void a_query_needs_an_imo_or_a_name() {
        VesselQuery empty = new VesselQuery(
                Optional.empty(), Optional.of(" "), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
        assertThatThrownBy(() -> vessels.screen(empty, SCREENED_ON))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("give the vessel's IMO number, its name, or both");
        VesselScreening unknown = vessels.screen(VesselQuery.of("9176187", "Plain Sailing"), SCREENED_ON);
        assertThat(unknown.decision()).isEqualTo(VesselDecision.CLEAR);
        assertThat(unknown.registered()).isFalse();
    }
}
