package org.corridor.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Normalisation and scoring of name pairs: the spelling, script and evasion variants the engine
 * must see through, and the near misses it must not take for a match.
 */
class NameMatcherTest {

    private static final NameMatcher MATCHER = NameMatcher.using(new NameAnalyser(TokenFrequencies.EMPTY));
    private static final double THRESHOLD = Screener.DEFAULT_THRESHOLD;

    private static double person(String query, String listed) {
        return MATCHER.score(query, listed, Optional.of(EntityType.PERSON)).score();
    }

    private static double organisation(String query, String listed) {
        return MATCHER.score(query, listed, Optional.of(EntityType.ORGANISATION))
                .score();
    }

    @ParameterizedTest(name = "{0} matches {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Ghasem Soleymani | SOLEIMANI, Qasem",
                "Qasem Sulaimani | SOLEIMANI, Qasem",
                "Abdul Hai | ABDULHAI",
                "Abdelrahman Hassan | Abd al-Rahman HASSAN",
                "Sultan Bashiruddin Mahmood | MAHMOOD, Sultan Bashir-ud-Din",
                "Usama bin Ladin | Osama bin Laden",
                "Mahmood Ahmadinezhad | Mahmoud Ahmadinejad",
                "Moammar Qaddafi | Muammar Gaddafi",
                "Muhammad Ali | MOHAMMED ALI",
                "Saddam Husayn al-Tikriti | SADDAM HUSSEIN AL-TIKRITI",
                "Abu Bakr al-Baghdadi | ABU BAKR AL-BAGHDADI",
                "Mr. Recep Tayyip Erdoğan | Recep Tayyip Erdogan",
                "Haji Abdul Aziz Nooristani | Abd al-Aziz al-Nuristani",
                "Friedrich Lindenburg | Friedrich Lindenberg",
                "VladimirPutin | Vladimir Putin",
                "PUTIN, Vladimir | Vladimir Putin",
                "Ig0r Sech1n | Igor Sechin",
                "Владимир Путин | Vladimir Putin",
                "N. Nazarbayev | Nursultan Nazarbayev",
            })
    void matches_spelling_script_and_order_variants(String query, String listed) {
        assertThat(person(query, listed)).isGreaterThanOrEqualTo(THRESHOLD);
    }

    @ParameterizedTest(name = "{0} does not match {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "SADDAM HUSSEIN AL-DULAIMI | SADDAM HUSSEIN AL-TIKRITI",
                "ABDUL BASIR HAQQANI | ABDUL BASIR NOORZAI",
                "TARIQ ANWAR EL SAYED MOHAMED | TARIQ ANWAR EL SAYED AHMED",
                "Barack Obama | Michelle Obama",
                "A. Nazarbayev | Nursultan Nazarbayev",
                "Hans O Friedrich | Hans Joachim Friedrich",
                "WALIJAN ABDUL GHAFOOR HAQQANI | WALIJAN",
                "SALMAN BIN MUHAMMAD AL-RAWI | MUHAMMAD BIN SALMAN AL-RAWI",
                "Mark Zuckermann | Mark Zuckerberg",
                "Qasem | SOLEIMANI, Qasem",
                "Hassan Rouhani | Hussein Rouhani",
            })
    void keeps_different_people_apart(String query, String listed) {
        assertThat(person(query, listed)).isLessThan(THRESHOLD);
    }

    @ParameterizedTest(name = "{0} matches {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "OAO Gazprom | Open Joint Stock Company Gazprom",
                "TACTICAL MISSILES CORPORATION JSC | TACTICAL MISSILES CORPORATION JOINT STOCK COMPANY",
                "ABC Co. | A.B.C. Company",
                "Brigade Forty-Four | Brigade 44",
                "1st International Bank | First International Bank",
                "Al Qaeda | Al-Qa'ida/Islamic Army",
                "SiemensAG | Siemens AG",
                "Procter & Gamble Co. | Procter and Gamble Co.",
            })
    void organisations_ignore_legal_forms_and_spelling(String query, String listed) {
        assertThat(organisation(query, listed)).isGreaterThanOrEqualTo(THRESHOLD);
    }

    @ParameterizedTest(name = "{0} does not match {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Management Company | Westminister Management Company",
                "Global Trading LLC | Kish International Trading Company",
                "C.B.A. Company | A.B.C. Company",
                "Al-Qaida in Iraq | Al-Qaida in the Arabian Peninsula",
                "Volkswagen Aktiengesellschaft | Siemens Aktiengesellschaft",
            })
    void generic_words_and_legal_forms_never_make_a_hit(String query, String listed) {
        assertThat(organisation(query, listed)).isLessThan(THRESHOLD);
    }

    @Test
    void a_name_that_names_a_listed_persons_father_scores_below_the_father_himself() {
        // Invented: the father listed with his own father's names, the son listed in the order own
        // name, father's, grandfather's; the query is the father's name and family name.
        double father = person("Tariq bin Haddad", "HADDAD, Tariq bin Yusuf bin Omar");
        double son = person("Tariq bin Haddad", "NABIL TARIQ YUSUF BIN HADDAD");

        assertThat(father).isGreaterThan(son);
    }

    @Test
    void arabic_script_matches_its_latin_listing() {
        assertThat(person("صدام حسين التكريتي", "SADDAM HUSSEIN AL-TIKRITI")).isGreaterThanOrEqualTo(THRESHOLD);
        assertThat(person("محمد علي", "Mohamed Ali")).isGreaterThanOrEqualTo(THRESHOLD);
        assertThat(person("قاسم سليماني", "SOLEIMANI, Qasem")).isGreaterThanOrEqualTo(THRESHOLD);
    }

    @Test
    void persian_letters_romanise() {
        NameAnalyser analyser = new NameAnalyser(TokenFrequencies.EMPTY);

        assertThat(analyser.analyse("پژمان چگینی", EntityType.PERSON).tokens())
                .extracting(NameToken::text)
                .containsExactly("pzhman", "chgini");
        assertThat(analyser.analyse("گل‌محمد کریمی", EntityType.PERSON).tokens())
                .extracting(NameToken::text)
                .containsExactly("glmhmd", "krimi");
    }

    @Test
    void arabic_article_splits_off_and_ta_marbuta_reads_as_a() {
        NameAnalyser analyser = new NameAnalyser(TokenFrequencies.EMPTY);

        assertThat(analyser.analyse("فاطمة الزهراء", EntityType.PERSON).tokens())
                .extracting(NameToken::text)
                .containsExactly("fatma", "al", "zhra");
    }

    @Test
    void invisible_characters_and_homoglyphs_change_nothing() {
        double plain = person("Qasem Soleimani", "SOLEIMANI, Qasem");

        assertThat(person("Qa\u200Bsem Sol\u200Deimani\u202E", "SOLEIMANI, Qasem"))
                .isEqualTo(plain);
        assertThat(person("Qаsem Sоleimani", "SOLEIMANI, Qasem")).isEqualTo(plain); // Cyrillic а and о
        assertThat(person("Ｑａｓｅｍ Soleimani", "SOLEIMANI, Qasem")).isEqualTo(plain); // full-width letters
    }

    @Test
    void explanation_names_each_token_pair_and_how_it_matched() {
        NameScore score = MATCHER.score("Ghasem Soleymani", "SOLEIMANI, Qasem", Optional.of(EntityType.PERSON));

        assertThat(score.matches())
                .extracting(TokenMatch::queryToken, TokenMatch::listedToken, TokenMatch::kind)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Ghasem", "Qasem", MatchKind.PHONETIC),
                        org.assertj.core.groups.Tuple.tuple("Soleymani", "SOLEIMANI", MatchKind.PHONETIC));
        assertThat(score.describe()).contains("Ghasem~Qasem PHONETIC");
    }

    @Test
    void joined_tokens_are_explained_as_joined() {
        NameScore score = MATCHER.score("Abdul Hai", "ABDULHAI", Optional.of(EntityType.PERSON));

        assertThat(score.matches()).extracting(TokenMatch::kind).containsExactly(MatchKind.JOINED);
    }

    @Test
    void common_tokens_weigh_less_than_rare_ones() {
        ListedEntity common = new ListedEntity(
                SanctionsList.UN,
                "1",
                EntityType.PERSON,
                java.util.List.of(new ListedName("MOHAMMAD KARIMI", NameKind.PRIMARY)),
                java.util.List.of(),
                java.util.List.of(),
                java.util.List.of(),
                java.util.List.of(),
                java.util.List.of(),
                java.util.List.of(),
                java.util.List.of());
        java.util.List<ListedEntity> entities = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            entities.add(new ListedEntity(
                    SanctionsList.UN,
                    "m" + i,
                    EntityType.PERSON,
                    java.util.List.of(new ListedName("MOHAMMAD X" + i + "YZ", NameKind.PRIMARY)),
                    java.util.List.of(),
                    java.util.List.of(),
                    java.util.List.of(),
                    java.util.List.of(),
                    java.util.List.of(),
                    java.util.List.of(),
                    java.util.List.of()));
        }
        entities.add(common);
        NameMatcher weighted = NameMatcher.forEntities(entities);

        double sharesRare = weighted.score("Ali Karimi", "MOHAMMAD KARIMI", Optional.of(EntityType.PERSON))
                .score();
        double sharesCommon = weighted.score("Mohammad Rezaei", "MOHAMMAD KARIMI", Optional.of(EntityType.PERSON))
                .score();

        assertThat(sharesRare).isGreaterThan(sharesCommon);
    }

    @Test
    void unknown_schema_scores_as_the_better_of_person_and_organisation() {
        double any =
                MATCHER.score("ABC Co.", "A.B.C. Company", Optional.empty()).score();

        assertThat(any).isEqualTo(organisation("ABC Co.", "A.B.C. Company"));
    }
}
