package org.corridor.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Korean and Chinese names, whose syllables many people share, against small made-up lists. */
class EastAsianNamesTest {

    private static final NameMatcher MATCHER = NameMatcher.using(new NameAnalyser(TokenFrequencies.EMPTY));

    private static final Screener SCREENER = Screener.of(List.of(
            born(Fixtures.person(SanctionsList.UN, "K1", "KIM, Song Hun"), "1961-04-02"),
            born(Fixtures.person(SanctionsList.UN, "L1", "PEREZ, Roberto"), "1961-04-02")));

    private static ListedEntity born(ListedEntity entity, String date) {
        return new ListedEntity(
                entity.list(),
                entity.id(),
                entity.type(),
                entity.names(),
                List.of(PartialDate.parse(date)),
                entity.birthPlaces(),
                entity.nationalities(),
                entity.addresses(),
                entity.identifiers(),
                entity.programmes(),
                entity.remarks());
    }

    private static List<Hit> hits(String name, String birthDate) {
        return SCREENER.screen(
                        Party.named(name).withType(EntityType.PERSON).withBirthDate(PartialDate.parse(birthDate)))
                .hits();
    }

    private static double person(String query, String listed) {
        return MATCHER.score(query, listed, Optional.of(EntityType.PERSON)).score();
    }

    @Test
    void a_far_birth_date_rules_out_a_name_matched_only_by_korean_syllables() {
        assertThat(hits("김성훈", "1961")).extracting(hit -> hit.entity().id()).containsExactly("K1");

        List<Hit> far = SCREENER.screen(
                        Party.named("김성훈").withType(EntityType.PERSON).withBirthDate(PartialDate.parse("1992-07-30")),
                        new ScreeningOptions(0, 10))
                .hits();
        assertThat(far).allSatisfy(hit -> assertThat(hit.score()).isLessThan(Screener.DEFAULT_THRESHOLD));
        assertThat(hits("김성훈", "1992-07-30")).isEmpty();
    }

    @Test
    void a_far_birth_date_only_lowers_a_latin_name() {
        assertThat(hits("Roberto Perez", "1992-07-30"))
                .extracting(hit -> hit.entity().id())
                .containsExactly("L1");
    }

    @Test
    void final_n_and_ng_are_different_korean_syllables_except_from_cyrillic() {
        assertThat(person("김성훈", "Kim Song Hun")).isGreaterThan(0.9);
        assertThat(person("김선훈", "Kim Song Hun")).isLessThan(Screener.DEFAULT_THRESHOLD);
        // Russian writes 성 (Song) as Сон.
        assertThat(person("Ким Сон Хун", "Kim Song Hun")).isGreaterThanOrEqualTo(Screener.DEFAULT_THRESHOLD);
    }
}
