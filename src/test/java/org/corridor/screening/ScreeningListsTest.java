package org.corridor.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.corridor.ConflictException;
import org.corridor.InvalidInputException;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEntry;
import org.corridor.ownership.Listing;
import org.corridor.ownership.PartyKind;
import org.corridor.ownership.PartyRef;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** List versions in the database and screening over the active ones, on real PostgreSQL. */
class ScreeningListsTest {

    private static final Actor ANALYST = new Actor("analyst", "COMPLIANCE_REVIEWER");

    private MutableClock clock;
    private Corridor corridor;
    private Screening screening;

    @BeforeEach
    void setUp() {
        clock = MutableClock.at("2026-03-01T08:00:00Z");
        // The small fixtures drop one entity of four between versions, which the default shrink limit
        // (5%) would quarantine; ListQuarantineTest tests that limit.
        corridor = TestCorridor.create(clock, java.util.Map.of("CORRIDOR_LISTS_MAX_SHRINK", "25%"));
        screening = corridor.screening();
    }

    @AfterEach
    void tearDown() {
        corridor.close();
    }

    @Test
    void a_first_import_becomes_the_active_version_with_every_entity_added_and_one_audit_entry() {
        ListSnapshot un = Fixtures.un();

        ListVersion version = screening.importSnapshot(ANALYST, un, "un-small.xml");

        assertThat(version.list()).isEqualTo(SanctionsList.UN);
        assertThat(version.sha256()).isEqualTo(un.sourceSha256());
        assertThat(version.publishedOn()).isEqualTo(un.publishedOn());
        assertThat(version.entityCount()).isEqualTo(4);
        assertThat(version.added()).isEqualTo(4);
        assertThat(version.removed()).isZero();
        assertThat(version.changed()).isZero();
        assertThat(version.importedBy()).isEqualTo("analyst");
        assertThat(version.importedAt()).isEqualTo(Instant.parse("2026-03-01T08:00:00Z"));
        assertThat(version.source()).isEqualTo("un-small.xml");
        assertThat(version.label())
                .isEqualTo(un.publishedOn() + "/" + un.sourceSha256().substring(0, 12));
        assertThat(screening.active()).containsOnlyKeys(SanctionsList.UN);
        assertThat(screening.active().get(SanctionsList.UN)).isEqualTo(version);

        List<AuditEntry> imports = auditEntries("screening.list.import");
        assertThat(imports).hasSize(1);
        assertThat(imports.get(0).versions()).contains("\"UN\"").contains(version.label());
        assertThat(imports.get(0).outcome()).contains("\"added\":4");
    }

    @Test
    void importing_the_active_content_again_changes_nothing() {
        ListVersion first = screening.importSnapshot(ANALYST, Fixtures.un(), "un-small.xml");
        clock.advance(java.time.Duration.ofHours(1));

        ListVersion again = screening.importSnapshot(ANALYST, Fixtures.un(), "elsewhere/un.xml");

        assertThat(again).isEqualTo(first);
        assertThat(screening.versions()).containsExactly(first);
        assertThat(auditEntries("screening.list.import")).hasSize(1);
    }

    @Test
    void a_new_version_records_its_delta_replaces_the_active_one_and_tells_listeners_after_commit() {
        ListSnapshot v1 = Fixtures.un();
        ListVersion first = screening.importSnapshot(ANALYST, v1, "un-small.xml");
        List<ListChange> heard = new ArrayList<>();
        List<Integer> activeSeenByListener = new ArrayList<>();
        screening.onListsChanged(change -> {
            heard.add(change);
            activeSeenByListener.add((int) screening.active().get(change.list()).id());
        });
        ListSnapshot v2 = Fixtures.nextVersion(
                v1, "2026-03-02", "6907993", "111900", Fixtures.person(SanctionsList.UN, "999001", "Ivan Testov"));

        ListVersion second = screening.importSnapshot(ANALYST, v2, "un-2026-03-02.xml");

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.added()).isEqualTo(1);
        assertThat(second.removed()).isEqualTo(1);
        assertThat(second.changed()).isEqualTo(1);
        assertThat(second.entityCount()).isEqualTo(4);
        assertThat(screening.active().get(SanctionsList.UN)).isEqualTo(second);
        assertThat(screening.versions()).containsExactly(second, first);

        assertThat(heard).hasSize(1);
        ListChange change = heard.get(0);
        assertThat(change.list()).isEqualTo(SanctionsList.UN);
        assertThat(change.previous()).contains(first);
        assertThat(change.current()).isEqualTo(second);
        assertThat(change.delta().added()).extracting(ListedEntity::id).containsExactly("999001");
        assertThat(change.delta().removed()).extracting(ListedEntity::id).containsExactly("6907993");
        assertThat(change.delta().changed()).extracting(c -> c.after().id()).containsExactly("111900");
        assertThat(change.delta().entitiesToRescreen())
                .extracting(ListedEntity::id)
                .contains("999001", "111900");
        // Listeners run after the commit: they see the new version as active.
        assertThat(activeSeenByListener).containsExactly((int) second.id());
    }

    @Test
    void a_failing_listener_does_not_undo_the_import_nor_stop_the_others() {
        List<ListChange> heard = new ArrayList<>();
        screening.onListsChanged(change -> {
            throw new IllegalStateException("re-screening is down");
        });
        screening.onListsChanged(heard::add);

        ListVersion version = screening.importSnapshot(ANALYST, Fixtures.un(), "un-small.xml");

        assertThat(screening.active().get(SanctionsList.UN)).isEqualTo(version);
        assertThat(heard).extracting(ListChange::current).containsExactly(version);
        assertThat(heard.get(0).previous()).isEmpty();
        assertThat(heard.get(0).delta().added()).hasSize(4);
    }

    @Test
    void a_refused_snapshot_leaves_the_active_version_in_place() {
        ListVersion active = screening.importSnapshot(ANALYST, Fixtures.un(), "un-small.xml");
        ListSnapshot empty = new ListSnapshot(SanctionsList.UN, "2026-03-02", Fixtures.sha256("empty"), List.of());
        ListedEntity one = Fixtures.person(SanctionsList.UN, "1", "A B");
        ListSnapshot repeated =
                new ListSnapshot(SanctionsList.UN, "2026-03-02", Fixtures.sha256("twice"), List.of(one, one));
        ListSnapshot undigested = new ListSnapshot(SanctionsList.UN, "2026-03-02", "", List.of(one));

        assertThatThrownBy(() -> screening.importSnapshot(ANALYST, empty, "x"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no entities");
        assertThatThrownBy(() -> screening.importSnapshot(ANALYST, repeated, "x"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("more than once");
        assertThatThrownBy(() -> screening.importSnapshot(ANALYST, undigested, "x"))
                .isInstanceOf(InvalidInputException.class);

        assertThat(screening.active().get(SanctionsList.UN)).isEqualTo(active);
        assertThat(screening.versions()).containsExactly(active);
    }

    @Test
    void with_no_active_list_screening_refuses_instead_of_answering_clear() {
        assertThatThrownBy(() -> screening.screen(Party.named("Qasem Soleimani")))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("NO_ACTIVE_LISTS"));
    }

    @Test
    void screening_reports_the_versions_it_used_and_follows_a_new_version() {
        ListVersion sdn = screening.importSnapshot(ANALYST, Fixtures.ofacSdn(), "ofac-small");
        ListVersion un = screening.importSnapshot(ANALYST, Fixtures.un(), "un-small.xml");

        ScreeningResult soleimani = screening.screen(Party.named("Ghasem Soleymani"));

        assertThat(soleimani.outcome().hits())
                .extracting(hit -> hit.entity().key())
                .contains("OFAC_SDN:10481");
        assertThat(soleimani.listVersions())
                .containsEntry(SanctionsList.OFAC_SDN, sdn.label())
                .containsEntry(SanctionsList.UN, un.label())
                .hasSize(2);
        assertThat(screening.screen(Party.named("Ivan Testov")).outcome()).isInstanceOf(ScreeningOutcome.Clear.class);

        ListVersion next = screening.importSnapshot(
                ANALYST,
                Fixtures.nextVersion(
                        Fixtures.un(),
                        "2026-03-02",
                        "",
                        "",
                        Fixtures.person(SanctionsList.UN, "999001", "Ivan Testov")),
                "un-next.xml");

        ScreeningResult ivan = screening.screen(Party.named("Ivan Testov"));
        assertThat(ivan.outcome().hits()).extracting(hit -> hit.entity().key()).containsExactly("UN:999001");
        assertThat(ivan.listVersions()).containsEntry(SanctionsList.UN, next.label());
        assertThat(ivan.auditVersions()).containsEntry("UN", next.label());
    }

    @Test
    void another_process_import_is_noticed_by_a_long_lived_screening() {
        screening.importSnapshot(ANALYST, Fixtures.un(), "un-small.xml");
        assertThat(screening.screen(Party.named("Ivan Testov")).outcome()).isInstanceOf(ScreeningOutcome.Clear.class);
        Screening otherProcess = new Screening(corridor.database().transactions(), corridor.audit(), clock);
        ListSnapshot second = Fixtures.nextVersion(
                Fixtures.un(), "2026-03-02", "", "", Fixtures.person(SanctionsList.UN, "999001", "Ivan Testov"));
        otherProcess.importSnapshot(ANALYST, second, "un-next.xml");
        Screening fresh = new Screening(corridor.database().transactions(), corridor.audit(), clock, 0);

        assertThat(fresh.screen(Party.named("Ivan Testov")).outcome().hits()).hasSize(1);
        Screening refreshing = new Screening(corridor.database().transactions(), corridor.audit(), clock, 0);
        refreshing.importSnapshot(
                ANALYST,
                Fixtures.nextVersion(
                        second, "2026-03-03", "", "", Fixtures.person(SanctionsList.UN, "999002", "Pyotr Probnov")),
                "un-next2.xml");
        assertThat(fresh.screen(Party.named("Pyotr Probnov")).outcome().hits())
                .extracting(hit -> hit.entity().key())
                .containsExactly("UN:999002");
    }

    @Test
    void the_listing_lookup_confirms_vessels_by_imo_and_offers_names_as_candidates() {
        ScreeningListings listings = new ScreeningListings(screening);
        assertThat(listings.byImo("9187629")).isEmpty();
        assertThat(listings.byName("Artavil", PartyKind.VESSEL)).isEmpty();
        screening.importSnapshots(ANALYST, Fixtures.ofac(), "ofac-small");

        Optional<Listing> artavil = listings.byImo("9187629");
        assertThat(artavil).isPresent();
        assertThat(artavil.get().ref().toString()).isEqualTo("OFAC_SDN:15036");
        assertThat(artavil.get().listedName()).isEqualTo("ARTAVIL");
        assertThat(artavil.get().score()).isEqualByComparingTo("1");
        assertThat(listings.byImo("IMO 9187629")).isEmpty();
        assertThat(listings.byImo("1234567")).isEmpty();

        PartyRef vessel = PartyRef.vessel("9187629", "Some other name");
        PartyRef company = PartyRef.entity("artavil", "ARTAVIL");
        assertThat(listings.listingsFor(vessel))
                .extracting(l -> l.ref().toString())
                .containsExactly("OFAC_SDN:15036");
        assertThat(listings.listingsFor(company)).isEmpty();
        assertThat(listings.listingsForAll(List.of(vessel, company))).containsOnlyKeys(vessel.id());

        List<Listing> byName = listings.byName("Artavil", PartyKind.VESSEL);
        assertThat(byName).extracting(l -> l.ref().toString()).contains("OFAC_SDN:15036");
        assertThat(byName.get(0).score()).isBetween(java.math.BigDecimal.valueOf(0.6), java.math.BigDecimal.ONE);
    }

    @Test
    void a_vessel_listed_on_the_sanctions_lists_is_found_by_vessel_screening() {
        screening.importSnapshots(ANALYST, Fixtures.ofac(), "ofac-small");

        var screened = corridor.vessels()
                .screen(org.corridor.vessel.VesselQuery.byImo("9187629"), java.time.LocalDate.of(2026, 3, 1));

        assertThat(screened.imoListing()).isPresent();
        assertThat(screened.imoListing().get().ref().toString()).isEqualTo("OFAC_SDN:15036");
    }

    private List<AuditEntry> auditEntries(String action) {
        return corridor.audit().list(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 0, 1000).stream()
                .filter(entry -> entry.action().equals(action))
                .toList();
    }
}
