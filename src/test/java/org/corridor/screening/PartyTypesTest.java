package org.corridor.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parties carry a type (person, organisation, vessel, aircraft), and a typed party is compared only
 * with listings of its type, except by the one explained rule between persons and organisations.
 * The names are invented; each is listed once as a person, once as an organisation, once as a
 * vessel and once as an aircraft, so only the type can tell the hits apart.
 */
class PartyTypesTest {

    private static Screener screener;

    private static ListedEntity listed(String id, EntityType type, String name) {
        return Fixtures.listed(SanctionsList.OFAC_SDN, id, type, name);
    }

    @BeforeAll
    static void build() {
        screener = Screener.of(List.of(
                listed("1", EntityType.PERSON, "Zoravar Quennell Tamsin"),
                listed("2", EntityType.ORGANISATION, "Zoravar Quennell Tamsin"),
                listed("3", EntityType.VESSEL, "Zoravar Quennell Tamsin"),
                listed("4", EntityType.AIRCRAFT, "Zoravar Quennell Tamsin"),
                listed("5", EntityType.PERSON, "Bartolomeo Ysolde Kirrin"),
                listed("6", EntityType.ORGANISATION, "Bartolomeo Ysolde Kirrin Trading LLC")));
    }

    private static List<String> hitIds(Party party) {
        return screener.screen(party).hits().stream().map(Hit::entityId).toList();
    }

    @Test
    void an_untyped_party_is_compared_with_every_type() {
        assertThat(hitIds(Party.named("Zoravar Quennell Tamsin"))).containsExactlyInAnyOrder("1", "2", "3", "4");
    }

    @Test
    void a_vessel_matches_only_listed_vessels_and_an_aircraft_only_listed_aircraft() {
        assertThat(hitIds(Party.named("Zoravar Quennell Tamsin").withType(EntityType.VESSEL)))
                .containsExactly("3");
        assertThat(hitIds(Party.named("Zoravar Quennell Tamsin").withType(EntityType.AIRCRAFT)))
                .containsExactly("4");
    }

    @Test
    void a_person_never_matches_a_listed_vessel_or_aircraft() {
        assertThat(hitIds(Party.named("Zoravar Quennell Tamsin").withType(EntityType.PERSON)))
                .doesNotContain("3", "4")
                .contains("1");
    }

    @Test
    void a_person_matches_an_organisation_only_by_the_explained_rule() {
        List<Hit> hits = screener.screen(Party.named("Zoravar Quennell Tamsin").withType(EntityType.PERSON))
                .hits();

        Hit organisation = hits.stream()
                .filter(hit -> hit.entityId().equals("2"))
                .findFirst()
                .orElseThrow();
        assertThat(organisation.why())
                .anyMatch(line -> line.startsWith("type -0.050: party is a person, listed an organisation"));
        assertThat(hitIds(Party.named("Bartolomeo Ysolde Kirrin").withType(EntityType.PERSON)))
                .containsExactly("5");
        assertThat(hitIds(Party.named("Bartolomeo Ysolde Kirrin Trading LLC").withType(EntityType.ORGANISATION)))
                .containsExactly("6");
    }
}
