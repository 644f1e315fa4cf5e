package org.corridor.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Screening parties against the full shipped lists. */
class ScreenerTest {

    private static Screener screener;

    @BeforeAll
    static void build() {
        screener = Screener.ofSnapshots(ShippedLists.load());
    }

    private static List<Hit> hits(Party party) {
        return screener.screen(party).hits();
    }

    private static Hit hitFor(Party party, String key) {
        return screener.screen(party, new ScreeningOptions(0, 50)).hits().stream()
                .filter(hit -> hit.entity().key().equals(key))
                .findFirst()
                .orElseThrow(() -> new AssertionError(key + " not among the hits for " + party.name()));
    }

    @Test
    void finds_a_listed_person_under_another_romanisation_and_explains_why() {
        List<Hit> hits = hits(Party.named("Ghasem Soleymani").withType(EntityType.PERSON));

        // The UK lists the same man (group 9062), with this spelling among its aliases.
        assertThat(hits).extracting(hit -> hit.entity().key()).contains("OFAC_SDN:10481", "UK:9062");
        Hit best = hits.stream()
                .filter(hit -> hit.entity().key().equals("OFAC_SDN:10481"))
                .findFirst()
                .orElseThrow();
        assertThat(best.score()).isGreaterThan(0.85);
        assertThat(best.entityName()).isEqualTo("SOLEIMANI, Qasem");
        assertThat(best.programmes()).contains("IRGC", "SDGT");
        assertThat(best.why()).contains("Ghasem~Qasem PHONETIC", "Soleymani~SOLEIMANI PHONETIC");
        assertThat(best.why()).anyMatch(line -> line.startsWith("programmes: ") && line.contains("IRGC"));
    }

    @Test
    void finds_a_latin_listing_from_arabic_script() {
        List<Hit> hits = hits(Party.named("صدام حسين التكريتي").withType(EntityType.PERSON));

        assertThat(hits).extracting(hit -> hit.entity().key()).contains("UN:6908048");
    }

    @Test
    void finds_it_without_the_original_script_name_too() {
        Screener latinOnly =
                Screener.of(ShippedLists.load(java.util.EnumSet.of(SanctionsList.UN)).get(0).entities().stream()
                        .map(entity -> entity.withoutNames(NameKind.ORIGINAL_SCRIPT))
                        .toList());

        List<Hit> hits = latinOnly.screen(Party.named("صدام حسين التكريتي")).hits();

        assertThat(hits).extracting(hit -> hit.entity().key()).contains("UN:6908048");
        assertThat(hits.get(0).why()).anyMatch(line -> line.contains("TRANSLITERATED"));
    }

    @Test
    void keeps_a_different_tribal_name_apart() {
        List<Hit> hits = hits(Party.named("SADDAM HUSSEIN AL-DULAIMI").withType(EntityType.PERSON));

        assertThat(hits).extracting(hit -> hit.entity().key()).doesNotContain("UN:6908048");
    }

    @Test
    void an_exact_imo_number_is_decisive_whatever_the_name() {
        Party vessel = Party.named("Sea Swallow")
                .withType(EntityType.VESSEL)
                .withIdentifier(Identifier.of(IdentifierType.IMO, "IMO 7406784"));

        Hit hit = hits(vessel).get(0);

        assertThat(hit.entity().key()).isEqualTo("OFAC_SDN:4243");
        assertThat(hit.score()).isEqualTo(1.0);
        assertThat(hit.why()).anyMatch(line -> line.contains("IMO 7406784 matches exactly (decisive)"));
    }

    @Test
    void birth_date_and_nationality_raise_or_lower_the_score() {
        Party name = Party.named("Qasem Soleimani").withType(EntityType.PERSON);
        double plain = hitFor(name, "OFAC_SDN:10481").score();

        double agreeing = hitFor(
                        name.withBirthDate(PartialDate.parse("1957-03-11")).withNationality("Iran"), "OFAC_SDN:10481")
                .score();
        double disagreeing = hitFor(
                        name.withBirthDate(PartialDate.parse("1990")).withNationality("Chile"), "OFAC_SDN:10481")
                .score();

        assertThat(agreeing).isGreaterThanOrEqualTo(plain);
        assertThat(disagreeing).isLessThan(plain - 0.1);
    }

    @Test
    void a_listed_father_ranks_above_his_listed_son_whose_name_contains_his() {
        List<Hit> hits = hits(Party.named("Osama bin Laden").withType(EntityType.PERSON));

        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).entity().key()).isEqualTo("OFAC_SDN:6365");
        assertThat(hits)
                .noneMatch(hit ->
                        hit.entityName().toUpperCase(java.util.Locale.ROOT).contains("HAMZA"));
    }

    @Test
    void an_unknown_name_is_clear() {
        ScreeningOutcome outcome = screener.screen(Party.named("Zebulon Quackenbush-Abernathy"));

        assertThat(outcome).isInstanceOf(ScreeningOutcome.Clear.class);
        assertThat(outcome.hits()).isEmpty();
    }

    @Test
    void a_person_is_not_matched_with_organisations() {
        List<Hit> hits = screener.screen(Party.named("Banco Nacional de Cuba").withType(EntityType.PERSON))
                .hits();

        assertThat(hits).allMatch(hit -> hit.entity().type() == EntityType.PERSON);
        assertThat(hits(Party.named("Banco Nacional de Cuba")))
                .extracting(hit -> hit.entity().key())
                .contains("OFAC_SDN:306");
    }

    @Test
    void hits_are_sorted_best_first_and_limited() {
        List<Hit> hits = screener.screen(Party.named("Mohammad Ali"), new ScreeningOptions(0.3, 5))
                .hits();

        assertThat(hits).hasSizeLessThanOrEqualTo(5);
        for (int i = 1; i < hits.size(); i++) {
            assertThat(hits.get(i).score()).isLessThanOrEqualTo(hits.get(i - 1).score());
        }
    }

    @Test
    void screens_against_any_set_of_entities() {
        ListedEntity invented = new ListedEntity(
                SanctionsList.UK,
                "900",
                EntityType.ORGANISATION,
                List.of(new ListedName("TEHRAN MEDICO TRADING", NameKind.PRIMARY)),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of("IRGC"),
                List.of());

        Screener small = Screener.of(List.of(invented));
        List<Hit> hits = small.screen(Party.named("Tehran Medical Supply Co.")).hits();
        List<Hit> exact = small.screen(Party.named("Tehran Medico Trading LLC")).hits();

        assertThat(small.size()).isEqualTo(1);
        assertThat(exact).hasSize(1);
        assertThat(exact.get(0).programmes()).containsExactly("IRGC");
        assertThat(hits.isEmpty() || hits.get(0).score() < exact.get(0).score()).isTrue();
    }

    @Test
    void is_safe_to_share_between_threads() {
        List<String> names =
                List.of("Qasem Soleimani", "Osama bin Laden", "Kim Jong Un", "Hassan Nasrallah", "Viktor Bout");
        List<List<String>> sequential = names.stream().map(ScreenerTest::keys).toList();

        List<List<String>> parallel = IntStream.range(0, 40)
                .parallel()
                .mapToObj(i -> keys(names.get(i % names.size())))
                .toList();

        for (int i = 0; i < parallel.size(); i++) {
            assertThat(parallel.get(i)).isEqualTo(sequential.get(i % names.size()));
        }
    }

    private static List<String> keys(String name) {
        return screener.screen(Party.named(name)).hits().stream()
                .map(hit -> hit.entity().key())
                .toList();
    }
}
