package org.corridor.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.audit.Hashing;
import org.corridor.authorisation.Category;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.screening.EntityType;
import org.corridor.screening.ListFormat;
import org.corridor.screening.ListReader;
import org.corridor.screening.ListSnapshot;
import org.corridor.screening.ListedEntity;
import org.corridor.screening.ListedName;
import org.corridor.screening.NameKind;
import org.corridor.screening.SanctionsList;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.junit.jupiter.api.Test;

/**
 * The wiring of FR-21 in the running application: a new version of a list, imported through the
 * screening facade, re-screens the parties of open requests against its delta and queues the new
 * hit; requests already executed are left alone.
 */
class ListChangeRescreenTest {

    @Test
    void a_vendor_added_to_a_list_is_queued_as_a_hit_on_the_open_request() throws Exception {
        LocalDate today = LocalDate.parse("2024-07-17");
        try (Corridor corridor = TestCorridor.create(MutableClock.at("2024-07-17T06:00:00Z"))) {
            Path file =
                    Path.of(getClass().getResource("/screening/un-small.xml").toURI());
            ListSnapshot un = ListReader.read(ListFormat.UN_XML, file).get(0);
            corridor.screening().importSnapshot(Actor.SYSTEM, un, "test fixture");
            setUp(corridor, today);
            org.corridor.testing.TestUsers.token(
                    corridor, "bashir", org.corridor.identity.Role.BENEFICIARY_AGENT, "NIGC");
            Releases releases = corridor.releases();
            Release open = releases.submit(
                            new Actor("bashir", "BENEFICIARY_AGENT"),
                            ReleaseScenario.request(
                                    "DR-RESCREEN", ReleaseScenario.party("Alpenmed Pharma AG", "CH"), Optional.empty()))
                    .parts()
                    .get(0);
            assertThat(releases.get(open.id()).hits())
                    .noneMatch(hit -> hit.partyRole().equals("VENDOR"));

            // The UN publishes a version that lists the vendor.
            List<ListedEntity> entities = new ArrayList<>(un.entities());
            entities.add(new ListedEntity(
                    SanctionsList.UN,
                    "QDe.999",
                    EntityType.ORGANISATION,
                    List.of(new ListedName("ALPENMED PHARMA AG", NameKind.PRIMARY)),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of("test programme"),
                    List.of()));
            String digest = Hashing.sha256Hex(un.sourceSha256() + "+QDe.999");
            corridor.screening()
                    .importSnapshot(
                            Actor.SYSTEM, new ListSnapshot(SanctionsList.UN, "2026-03-01", digest, entities), "next");

            Release rescreened = releases.get(open.id());
            assertThat(rescreened.hits())
                    .filteredOn(hit -> hit.partyRole().equals("VENDOR"))
                    .singleElement()
                    .satisfies(hit -> {
                        assertThat(hit.entityKey()).isEqualTo("UN:QDe.999");
                        assertThat(hit.state()).isEqualTo("OPEN");
                    });
        }
    }

    private static void setUp(Corridor corridor, LocalDate today) {
        ReleaseFixtures.registerGeneralLicence(
                corridor, "GL-RESCREEN", "RESCREEN", "test", today, Category.MEDICINE, Category.DEVICE);
        ReleaseFixtures.openFundedAccount(
                corridor,
                "NIGC-EUR-R",
                "rescreen",
                Money.parse("10000000.00", Currency.EUR),
                today.minusDays(10),
                "test");
    }
}
