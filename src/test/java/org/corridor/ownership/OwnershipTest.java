package org.corridor.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEntry;
import org.corridor.bench.SyntheticOwnership;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ownership data through the database: batches, CSV imports, corrections, history, audit. */
class OwnershipTest {

    static final Actor ANALYST = new Actor("amira", "COMPLIANCE_ANALYST");
    static final String REGISTER = "Dubai DMCC register extract 2024-06-30";

    static final String FORWARDER_CSV = """
            owner_id,owner_name,owner_kind,owner_listing,owned_id,owned_name,share_percent,kind,source,as_of
            entity-x,Entity X,ENTITY,DEMO:ENTITY-X,gulf-star-logistics-fze,Gulf Star Logistics FZE,30,OWNERSHIP,"Dubai DMCC register extract 2024-06-30",2024-06-30
            entity-y,Entity Y,ENTITY,DEMO:ENTITY-Y,gulf-star-logistics-fze,Gulf Star Logistics FZE,25,OWNERSHIP,"Dubai DMCC register extract 2024-06-30",2024-06-30
            harbour-nominees,Harbour Nominees Ltd,,,gulf-star-logistics-fze,Gulf Star Logistics FZE,45,,"Dubai DMCC register extract 2024-06-30",2024-06-30
            """;

    private Corridor corridor;
    private Ownership ownership;

    @BeforeEach
    void open() {
        corridor = TestCorridor.create(MutableClock.at("2024-07-08T09:00:00Z"));
        ownership = corridor.ownership();
    }

    @AfterEach
    void close() {
        corridor.close();
    }

    private ImportResult importCsv(String csv) {
        return ownership.importCsv(ANALYST, "test.csv", new StringReader(csv), rows -> {});
    }

    @Test
    void the_scenario_forwarder_imported_from_csv_is_blocked_by_ownership_and_the_paths_name_both_listed_owners() {
        ImportResult result = importCsv(FORWARDER_CSV);
        assertThat(result).isEqualTo(new ImportResult(1, 3, 4, 3, 2, true, List.of()));

        OwnershipAssessment assessment = ownership.explain("gulf-star-logistics-fze");
        assertThat(assessment.status()).isEqualTo(OwnershipStatus.BLOCKED_BY_OWNERSHIP);
        assertThat(SharePercent.format(assessment.listedPathSharePercent())).isEqualTo("55");
        assertThat(assessment.listedPaths())
                .extracting(OwnershipPath::text)
                .containsExactly(
                        "Entity X [DEMO:ENTITY-X] -[30%]-> Gulf Star Logistics FZE = 30%",
                        "Entity Y [DEMO:ENTITY-Y] -[25%]-> Gulf Star Logistics FZE = 25%");
        assertThat(assessment.listedPaths().get(0).hops().get(0).source()).isEqualTo(REGISTER);
        assertThat(assessment.versions()).containsEntry("ownership_graph", "1").containsEntry("ownership_rules", "0");
        assertThat(String.join("\n", assessment.explanation()))
                .startsWith("Gulf Star Logistics FZE (gulf-star-logistics-fze): BLOCKED_BY_OWNERSHIP")
                .contains("Entity X (entity-x): listed [DEMO:ENTITY-X \"Entity X\"]");

        AuditEntry entry = corridor.audit().entry(1).orElseThrow();
        assertThat(entry.action()).isEqualTo("OWNERSHIP_BATCH_RECORDED");
        assertThat(entry.subject()).isEqualTo("ownership:batch:1");
        assertThat(entry.versions()).contains("\"ownership_graph\":\"1\"");
        assertThat(entry.command()).contains("\"origin\":\"csv:test.csv\"").contains("DEMO:ENTITY-X");
    }

    @Test
    void a_bad_file_is_refused_whole_naming_every_bad_line_and_nothing_is_imported() {
        String csv = FORWARDER_CSV
                + "a,A,,,b,B,120,,src,2024-06-30\n"
                + "c,C,,,d,D,10,,src,30/06/2024\n"
                + "e,E,,,e,E,10,,src,2024-06-30\n"
                + "f,F,,,g,G,,CONTROL,src,2099-01-01\n";
        assertThatThrownBy(() -> importCsv(csv))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("4 rows refused, nothing imported: ")
                .hasMessageContaining("line 5: a share is from 0 to 100 percent: 120")
                .hasMessageContaining("line 6: as_of must be a YYYY-MM-DD date: '30/06/2024'")
                .hasMessageContaining("line 7: a party cannot own or control itself: e")
                .hasMessageContaining("line 8: as_of 2099-01-01 is after today (2024-07-08)");
        assertThat(ownership.size()).containsEntry("version", 0L).containsEntry("parties", 0L);
        assertThat(corridor.audit().size()).isZero();
    }

    @Test
    void malformed_csv_is_refused_with_the_line_number() {
        assertThatThrownBy(() -> importCsv("owner_id,owner_name,owned_id,source,as_of,colour\n"))
                .hasMessage(
                        "line 1: unknown column 'colour'; the columns are [as_of, ended, kind, owned_id, owned_kind,"
                                + " owned_name, owner_id, owner_kind, owner_listing, owner_name, share_percent, source]");
        assertThatThrownBy(() -> importCsv("owner_id,owner_name,source,as_of\n"))
                .hasMessage("line 1: the required column 'owned_id' is missing");
        assertThatThrownBy(() -> importCsv("""
                        owner_id,owner_name,owned_id,owned_name,share_percent,source,as_of
                        a,A,b,B,10,src,2024-06-30
                        a,"A, with an open quote,b,B,10,src,2024-06-30
                        """))
                .hasMessage("line 3: a quoted field is not closed before the end of the input");
        assertThatThrownBy(() -> importCsv("""
                        owner_id,owner_name,owned_id,owned_name,share_percent,source,as_of
                        a,"A ""the first""
                        of two lines",b,B,10,src,2024-06-30
                        c,C,d,D,10,src
                        """)).hasMessage("line 4: 6 fields where the header has 7");
    }

    @Test
    void the_direct_owners_of_a_party_never_exceed_100_percent_across_batches() {
        ownership.record(ANALYST, List.of(EdgeInput.owns("a", "A", "t", "Target", "60", REGISTER, "2024-06-30")));
        assertThatThrownBy(() -> ownership.record(
                        ANALYST,
                        List.of(
                                EdgeInput.owns("b", "B", "t", "Target", "30", REGISTER, "2024-06-30"),
                                EdgeInput.owns("c", "C", "t", "Target", "15.5", REGISTER, "2024-06-30"))))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).code())
                .isEqualTo("OWNERSHIP_ABOVE_100_PERCENT");
        assertThatThrownBy(() -> ownership.record(
                        ANALYST, List.of(EdgeInput.owns("b", "B", "t", "Target", "40.0001", REGISTER, "2024-06-30"))))
                .hasMessageContaining(
                        "edges[0]: the direct owners of Target (t) would hold 100.0001% together, more than 100%");
        // A correction that lowers A's share makes room.
        ImportResult corrected = ownership.record(
                ANALYST,
                List.of(
                        EdgeInput.owns("a", "A", "t", "Target", "50", REGISTER + " (corrected)", "2024-07-01"),
                        EdgeInput.owns("b", "B", "t", "Target", "50", REGISTER, "2024-06-30")));
        assertThat(corrected.edgesWritten()).isEqualTo(2);
    }

    @Test
    void a_correction_supersedes_the_old_version_which_stays_in_the_history() {
        ownership.record(
                ANALYST,
                List.of(
                        EdgeInput.designate(
                                "x", "X", PartyKind.PERSON, "OFAC_SDN:1001", "SDN list 2024-06-01", "2024-06-01"),
                        EdgeInput.owns("x", "X", "t", "Target", "60", REGISTER, "2024-06-30")));
        assertThat(ownership.explain("t").status()).isEqualTo(OwnershipStatus.BLOCKED_BY_OWNERSHIP);

        ImportResult correction = ownership.record(
                ANALYST, List.of(EdgeInput.owns("x", "X", "t", "Target", "20", "register correction", "2024-07-01")));
        assertThat(correction.graphVersion()).isEqualTo(2);
        OwnershipAssessment after = ownership.explain("t");
        assertThat(after.status()).isEqualTo(OwnershipStatus.CLEAR);
        assertThat(after.graphVersion()).isEqualTo(2);

        List<EdgeRecord> history = ownership.history("t");
        assertThat(history)
                .extracting(edge -> edge.share().orElseThrow() + " " + edge.current() + " " + edge.batchId())
                .containsExactly("60% false 1", "20% true 2");
        assertThat(history.get(1).recordedBy()).isEqualTo("amira");
    }

    @Test
    void repeating_an_import_changes_nothing_and_writes_no_audit_entry() {
        importCsv(FORWARDER_CSV);
        long entries = corridor.audit().size();
        ImportResult again = importCsv(FORWARDER_CSV);
        assertThat(again.changed()).isFalse();
        assertThat(again.graphVersion()).isEqualTo(1);
        assertThat(corridor.audit().size()).isEqualTo(entries);
    }

    @Test
    void ending_an_edge_or_a_designation_takes_it_out_of_the_assessment() {
        importCsv(FORWARDER_CSV);
        ownership.record(
                ANALYST,
                List.of(EdgeInput.owns(
                                "entity-y",
                                "Entity Y",
                                "gulf-star-logistics-fze",
                                "Gulf Star Logistics FZE",
                                "25",
                                "share transfer filed 2024-07-02",
                                "2024-07-02")
                        .withEnded(true)));
        OwnershipAssessment withoutY = ownership.explain("gulf-star-logistics-fze");
        assertThat(withoutY.status()).isEqualTo(OwnershipStatus.ESCALATE);
        assertThat(SharePercent.format(withoutY.blockedSharePercent())).isEqualTo("30");

        ownership.record(
                ANALYST,
                List.of(EdgeInput.designate(
                                "entity-x", "Entity X", PartyKind.ENTITY, "DEMO:ENTITY-X", "delisted", "2024-07-03")
                        .withEnded(true)));
        assertThat(ownership.explain("gulf-star-logistics-fze").status()).isEqualTo(OwnershipStatus.CLEAR);
        assertThat(ownership.explain("entity-x").listings()).isEmpty();
    }

    @Test
    void control_edges_are_imported_and_control_by_a_un_listed_person_subjects_the_party_under_eu_and_uk_rules() {
        importCsv("""
                owner_id,owner_name,owner_kind,owner_listing,owned_id,owned_name,kind,source,as_of
                general-k,General K,PERSON,UN:KPi.001,coastal-shipping,Coastal Shipping LLC,CONTROL,board minutes,2024-05-01
                """);
        OwnershipAssessment assessment = ownership.explain("coastal-shipping");
        // The UN list designates under the EU and UK regimes, whose rules count control; OFAC's does not.
        assertThat(assessment.status()).isEqualTo(OwnershipStatus.BLOCKED_BY_OWNERSHIP);
        assertThat(assessment.regime()).isEqualTo(Regime.EU);
        assertThat(assessment.reasons())
                .extracting(OwnershipReason::detail)
                .containsExactly("EU: General K (LISTED) controls Coastal Shipping LLC (source: board minutes, as of"
                        + " 2024-05-01); control by a designated person makes it subject");
        assertThat(assessment.regimes())
                .extracting(RegimeAssessment::status)
                .containsExactly(
                        OwnershipStatus.CLEAR,
                        OwnershipStatus.BLOCKED_BY_OWNERSHIP,
                        OwnershipStatus.BLOCKED_BY_OWNERSHIP);
    }

    @Test
    void the_minority_threshold_is_versioned_and_each_assessment_names_its_version() {
        importCsv(FORWARDER_CSV.lines().limit(2).map(line -> line + "\n").reduce("", String::concat));
        assertThat(ownership.explain("gulf-star-logistics-fze").status()).isEqualTo(OwnershipStatus.ESCALATE);

        OwnershipRules rules = ownership.changeRules(ANALYST, new BigDecimal("35"), "compliance policy CP-7, 2024-07");
        assertThat(rules.version()).isEqualTo(1);
        OwnershipAssessment assessment = ownership.explain("gulf-star-logistics-fze");
        assertThat(assessment.status()).isEqualTo(OwnershipStatus.CLEAR);
        assertThat(assessment.rulesVersion()).isEqualTo(1);
        assertThatThrownBy(() -> ownership.changeRules(ANALYST, new BigDecimal("50"), "x"))
                .hasMessageContaining("below 50%");
        assertThatThrownBy(() -> ownership.changeRules(ANALYST, new BigDecimal("20"), " "))
                .hasMessageContaining("source");
    }

    @Test
    void a_party_unknown_to_the_graph_is_clear_unless_the_listing_port_knows_it_and_unknown_ids_are_not_found() {
        OwnershipAssessment unknown = ownership.assess(PartyRef.entity("nordic-carriers", "Nordic Carriers AS"));
        assertThat(unknown.inGraph()).isFalse();
        assertThat(unknown.status()).isEqualTo(OwnershipStatus.CLEAR);
        assertThatThrownBy(() -> ownership.explain("nordic-carriers")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ownership.explain("Not A Valid Id!")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void owners_listed_by_the_port_count_like_designated_ones_and_are_asked_for_in_one_call() {
        importCsv("""
                owner_id,owner_name,owned_id,owned_name,share_percent,source,as_of
                tehran-medico,Tehran Medico Trading,front-co,Front Co,100,register,2024-06-30
                front-co,Front Co,carrier-a,Carrier A,50,register,2024-06-30
                """);
        List<Integer> calls = new ArrayList<>();
        ListingLookup screening = new ListingLookup() {
            @Override
            public List<Listing> listingsFor(PartyRef party) {
                return party.name().equals("Tehran Medico Trading")
                        ? List.of(new Listing(
                                new ListingRef("OFAC_SDN", "36216"),
                                "TEHRAN MEDICO TRADING",
                                List.of("IRGC"),
                                BigDecimal.ONE))
                        : List.of();
            }

            @Override
            public Map<String, List<Listing>> listingsForAll(Collection<PartyRef> parties) {
                calls.add(parties.size());
                return ListingLookup.super.listingsForAll(parties);
            }

            @Override
            public Optional<Listing> byImo(String imo) {
                return Optional.empty();
            }

            @Override
            public List<Listing> byName(String name, PartyKind kind) {
                return List.of();
            }
        };
        Ownership withScreening = new Ownership(
                corridor.database().transactions(), corridor.audit(), screening, corridor.clock(), corridor.zone());
        OwnershipAssessment assessment = withScreening.explain("carrier-a");
        assertThat(assessment.status()).isEqualTo(OwnershipStatus.BLOCKED_BY_OWNERSHIP);
        assertThat(assessment.blockedPaths())
                .extracting(OwnershipPath::text)
                .containsExactly("Front Co [blocked by ownership] -[50%]-> Carrier A = 50%");
        assertThat(assessment.listedPaths())
                .extracting(OwnershipPath::text)
                .containsExactly("Tehran Medico Trading [OFAC_SDN:36216] -[100%]-> Front Co -[50%]-> Carrier A = 50%");
        assertThat(calls).containsExactly(3);
        // The feature's own instance knows nothing of the port's listing.
        assertThat(ownership.explain("carrier-a").status()).isEqualTo(OwnershipStatus.CLEAR);
    }

    @Test
    void a_second_instance_on_the_same_database_sees_each_new_graph_version() {
        Ownership other = new Ownership(
                corridor.database().transactions(),
                corridor.audit(),
                ListingLookup.NONE,
                corridor.clock(),
                corridor.zone());
        importCsv(FORWARDER_CSV);
        assertThat(other.explain("gulf-star-logistics-fze").status()).isEqualTo(OwnershipStatus.BLOCKED_BY_OWNERSHIP);
        ownership.record(
                ANALYST,
                List.of(EdgeInput.owns(
                        "entity-x",
                        "Entity X",
                        "gulf-star-logistics-fze",
                        "Gulf Star Logistics FZE",
                        "0",
                        "share transfer",
                        "2024-07-05")));
        assertThat(other.explain("gulf-star-logistics-fze").status()).isEqualTo(OwnershipStatus.ESCALATE);
    }

    @Test
    void the_graph_designations_serve_as_a_listing_port_for_parties_and_vessels() {
        importCsv("""
                owner_id,owner_name,owner_kind,owner_listing,owned_id,source,as_of
                imo-9166778,Shadow Trader,VESSEL,OFAC_SDN:V-77,,SDN list 2024-06-01,2024-06-01
                entity-x,Entity X,ENTITY,DEMO:ENTITY-X,,demo list,2024-06-01
                """);
        ListingLookup designations = ownership.designations();
        assertThat(designations.byImo("9166778"))
                .map(listing -> listing.ref().toString())
                .contains("OFAC_SDN:V-77");
        assertThat(designations.byName("SHADOW-TRADER", PartyKind.VESSEL)).hasSize(1);
        assertThat(designations.byName("Shadow Trader", PartyKind.ENTITY)).isEmpty();
        assertThat(designations.listingsFor(PartyRef.entity("entity-x", "Entity X")))
                .hasSize(1);
        assertThat(designations.byImo("9074729")).isEmpty();
    }

    @Test
    void a_graph_of_100000_edges_is_imported_whole_and_its_deepest_party_explained() {
        SyntheticOwnership synthetic = SyntheticOwnership.generate(100_000, 7);
        int[] progress = {0};
        ImportResult result = ownership.importCsv(
                ANALYST, "synthetic.csv", new StringReader(synthetic.csv()), rows -> progress[0] = rows);
        assertThat(result.edgesWritten()).isEqualTo(100_000);
        assertThat(progress[0]).isEqualTo(100_000);
        assertThat(ownership.size()).containsEntry("ownership_edges", 100_000L);
        OwnershipAssessment assessment = ownership.explain(synthetic.bottomParty(3));
        assertThat(assessment.upstreamParties()).isGreaterThan(15_000);
        assertThat(assessment.regimes()).extracting(RegimeAssessment::regime).containsExactly(Regime.values());
        assertThat(assessment.blockedSharePercent()).isLessThanOrEqualTo(BigDecimal.valueOf(100));
        assertThat(assessment.listedPaths()).isNotEmpty().hasSizeLessThanOrEqualTo(OwnershipAssessor.PATH_LIMIT);
        assertThat(assessment.listedPaths().get(0).hops()).hasSize(SyntheticOwnership.LAYERS - 1);
        for (int p = 1; p < assessment.listedPaths().size(); p++) {
            assertThat(assessment.listedPaths().get(p).sharePercent())
                    .as("largest first")
                    .isLessThanOrEqualTo(assessment.listedPaths().get(p - 1).sharePercent());
        }
        assertThat(assessment.pathsComplete()).isFalse();
        // One audit entry for the whole batch, its rows summarised by their hash.
        AuditEntry entry = corridor.audit().entry(1).orElseThrow();
        assertThat(entry.command())
                .contains("\"rows\":" + synthetic.rows().size())
                .doesNotContain("\"data\"");
    }
}
