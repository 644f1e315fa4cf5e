package org.corridor.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.ConflictException;
import org.corridor.ForbiddenException;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.audit.Hashing;
import org.corridor.screening.EntityType;
import org.corridor.screening.ListSnapshot;
import org.corridor.screening.ListedEntity;
import org.corridor.screening.ListedName;
import org.corridor.screening.NameKind;
import org.corridor.screening.SanctionsList;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Finding 2 of issue 23: owners and controllers are screened like parties, on import and on each
 * new list version; a hit counts as a listing until a four-eyes review clears it, and the importer
 * does not decide. One corridor for the class; each test names its own parties.
 */
class OwnerHitsTest {

    private static final Actor IMPORTER = new Actor("amira", "COMPLIANCE_ANALYST");
    private static final Actor ANALYST = new Actor("bilal", "COMPLIANCE_ANALYST");
    private static final Actor REVIEWER = new Actor("carla", "COMPLIANCE_REVIEWER");

    private static Corridor corridor;
    private static Ownership ownership;

    @BeforeAll
    static void open() {
        corridor = TestCorridor.create(MutableClock.at("2024-07-08T09:00:00Z"));
        ownership = corridor.ownership();
        corridor.screening()
                .importSnapshot(Actor.SYSTEM, sdn(entity("10391", "ISLAMIC REVOLUTIONARY GUARD CORPS")), "t");
    }

    @AfterAll
    static void close() {
        corridor.close();
    }

    private static ListedEntity entity(String id, String name) {
        return new ListedEntity(
                SanctionsList.OFAC_SDN,
                id,
                EntityType.ORGANISATION,
                List.of(new ListedName(name, NameKind.PRIMARY)),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of("IRGC"),
                List.of());
    }

    private static ListSnapshot sdn(ListedEntity... entities) {
        return new ListSnapshot(
                SanctionsList.OFAC_SDN,
                "2024-05-03",
                Hashing.sha256Hex("owner hits " + entities.length),
                List.of(entities));
    }

    private static ImportResult owns(String owner, String ownerName, String percent, String owned) {
        return ownership.record(
                IMPORTER,
                List.of(new EdgeInput(
                        owner,
                        ownerName,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(owned),
                        Optional.of(owned),
                        Optional.empty(),
                        Optional.of(percent),
                        Optional.empty(),
                        "shareholder register",
                        "2024-06-30",
                        Optional.empty())));
    }

    private static OwnerHit dispose(Actor by, UUID hit, String decision) {
        return ownership.ownerHits().dispose(by, hit, new OwnerHits.Disposition(decision, "checked"));
    }

    @Test
    void an_owner_named_as_the_irgc_without_a_listing_reference_is_screened_and_blocks_its_60_percent_holding() {
        ImportResult result = owns("irgc-a", "ISLAMIC REVOLUTIONARY GUARD CORPS", "60", "vendor-a");

        assertThat(result.ownerHitsOpened()).hasSize(1);
        OwnerHit hit = ownership.ownerHits().get(result.ownerHitsOpened().get(0));
        assertThat(hit.list() + ":" + hit.entityId()).isEqualTo("OFAC_SDN:10391");
        assertThat(hit.exact()).isTrue();
        assertThat(hit.why()).isNotEmpty();
        assertThat(hit.openedBy()).isEqualTo("amira");
        OwnershipAssessment vendor = ownership.explain("vendor-a");
        assertThat(vendor.status()).isEqualTo(OwnershipStatus.BLOCKED_BY_OWNERSHIP);
        assertThat(vendor.blockedSharePercent()).isEqualByComparingTo("60");
        assertThat(vendor.reasons())
                .extracting(OwnershipReason::code)
                .contains(OwnershipReason.Code.OWNER_SCREENING_HIT);
        assertThat(owns("irgc-a", "ISLAMIC REVOLUTIONARY GUARD CORPS", "60", "vendor-a")
                        .ownerHitsOpened())
                .as("a repeated import opens nothing twice")
                .isEmpty();
    }

    @Test
    void clearing_takes_two_people_neither_of_them_the_importer_and_only_then_the_owner_stops_counting() {
        UUID hit = owns("irgc-b", "Islamic Revolutionary Guard Corps", "60", "vendor-b")
                .ownerHitsOpened()
                .get(0);

        assertThatThrownBy(() -> dispose(IMPORTER, hit, "FALSE_POSITIVE"))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("IMPORTER_DISPOSES_NO_HIT");
        assertThat(dispose(ANALYST, hit, "FALSE_POSITIVE").proposed()).contains("FALSE_POSITIVE");
        assertThat(ownership.explain("vendor-b").status())
                .as("a proposal alone clears nothing")
                .isEqualTo(OwnershipStatus.BLOCKED_BY_OWNERSHIP);
        assertThatThrownBy(() -> dispose(new Actor("bilal", "COMPLIANCE_REVIEWER"), hit, "FALSE_POSITIVE"))
                .hasMessageContaining("SAME_PERSON_TWO_DECISIONS");
        assertThatThrownBy(() -> dispose(new Actor("dana", "COMPLIANCE_ANALYST"), hit, "FALSE_POSITIVE"))
                .hasMessageContaining("COMPLIANCE_REVIEWER");

        assertThat(dispose(REVIEWER, hit, "FALSE_POSITIVE").state()).isEqualTo("FALSE_POSITIVE");
        assertThat(ownership.explain("vendor-b").status()).isEqualTo(OwnershipStatus.CLEAR);
        assertThatThrownBy(() -> dispose(new Actor("erik", "COMPLIANCE_REVIEWER"), hit, "TRUE_MATCH"))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void a_true_match_keeps_the_owner_listed_and_a_new_list_version_screens_owners_already_recorded() {
        UUID hit = owns("irgc-c", "ISLAMIC REVOLUTIONARY GUARD CORPS", "30", "vendor-c")
                .ownerHitsOpened()
                .get(0);
        assertThat(dispose(ANALYST, hit, "TRUE_MATCH").state()).isEqualTo("TRUE_MATCH");
        assertThat(ownership.explain("vendor-c").status()).isEqualTo(OwnershipStatus.ESCALATE);

        assertThat(owns("sepah-pasdaran", "Sepah Pasdaran Trading", "55", "vendor-d")
                        .ownerHitsOpened())
                .isEmpty();
        assertThat(ownership.explain("vendor-d").status()).isEqualTo(OwnershipStatus.CLEAR);
        corridor.screening()
                .importSnapshot(
                        Actor.SYSTEM,
                        sdn(
                                entity("10391", "ISLAMIC REVOLUTIONARY GUARD CORPS"),
                                entity("99001", "SEPAH PASDARAN TRADING")),
                        "next version");
        assertThat(ownership.ownerHits().list(Optional.of("OPEN"), 100))
                .filteredOn(open -> open.owner().id().equals("sepah-pasdaran"))
                .singleElement()
                .satisfies(opened -> assertThat(opened.openedBy()).isEqualTo("system"));
        assertThat(ownership.explain("vendor-d").status()).isEqualTo(OwnershipStatus.BLOCKED_BY_OWNERSHIP);
    }
}
