package org.corridor.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of name scoring that must hold for any input, not just the examples we thought of. */
class NameMatcherPropertiesTest {

    private static final NameMatcher MATCHER = NameMatcher.using(new NameAnalyser(TokenFrequencies.EMPTY));

    /** Pairs that match at the default threshold (the engine's own test examples). */
    private static final List<List<String>> TRUE_MATCHES = List.of(
            List.of("Ghasem Soleymani", "SOLEIMANI, Qasem"),
            List.of("Usama bin Ladin", "Osama bin Laden"),
            List.of("Mahmood Ahmadinezhad", "Mahmoud Ahmadinejad"),
            List.of("Saddam Husayn al-Tikriti", "SADDAM HUSSEIN AL-TIKRITI"),
            List.of("Abdul Aziz Nooristani", "Abd al-Aziz al-Nuristani"),
            List.of("Friedrich Lindenburg", "Friedrich Lindenberg"),
            List.of("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"),
            List.of("Vladimir Putin", "PUTIN, Vladimir Vladimirovich"),
            List.of("Moammar Qaddafi", "Muammar Gaddafi"),
            List.of("Sergei Lavrov", "Sergey Viktorovich LAVROV"));

    private static final Map<Character, Character> LOOK_ALIKES = Map.ofEntries(
            Map.entry('a', 'а'),
            Map.entry('e', 'е'),
            Map.entry('o', 'о'),
            Map.entry('p', 'р'),
            Map.entry('c', 'с'),
            Map.entry('x', 'х'),
            Map.entry('y', 'у'),
            Map.entry('i', 'і'),
            Map.entry('A', 'А'),
            Map.entry('E', 'Е'),
            Map.entry('O', 'О'),
            Map.entry('P', 'Р'),
            Map.entry('C', 'С'),
            Map.entry('H', 'Н'),
            Map.entry('K', 'К'),
            Map.entry('M', 'М'),
            Map.entry('T', 'Т'),
            Map.entry('B', 'В'),
            Map.entry('X', 'Х'));

    // No override (U+202E): it reverses what a reader sees, so it changes the name; NameCleanerTest
    // checks that the reversal is undone.
    private static final char[] INVISIBLES = {
        '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u200E', '\u2066', '\u00AD'
    };

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> word = Arbitraries.strings()
                .withCharRange('a', 'z')
                .withChars('é', 'ü', 'ç', '-', '\'')
                .ofMinLength(1)
                .ofMaxLength(12);
        Arbitrary<String> real = Arbitraries.of(
                "Qasem Soleimani",
                "Mohammed Ali",
                "Abd al-Rahman",
                "Kim Jong Un",
                "ACME Trading LLC",
                "Osama bin Laden",
                "Владимир Путин",
                "صدام حسين",
                "O'Brien",
                "J.P. Morgan & Co.",
                "金正恩");
        Arbitrary<String> made = word.list().ofMinSize(1).ofMaxSize(5).map(words -> String.join(" ", words));
        return Arbitraries.oneOf(real, made, Arbitraries.strings().ofMaxLength(30));
    }

    @Provide
    Arbitrary<Optional<EntityType>> types() {
        return Arbitraries.of(EntityType.class).optional(0.8);
    }

    @Property(tries = 400)
    void score_is_always_between_zero_and_one(
            @ForAll("names") String query, @ForAll("names") String listed, @ForAll("types") Optional<EntityType> type) {
        double score = MATCHER.score(query, listed, type).score();

        assertThat(score).isBetween(0.0, 1.0);
    }

    @Property(tries = 200)
    void a_person_name_matches_itself_fully(@ForAll("names") String name) {
        NameScore score = MATCHER.score(name, name, Optional.of(EntityType.PERSON));

        // A name of only titles or particles has nothing to match on; every other name is itself.
        if (!score.matches().isEmpty()) {
            assertThat(score.score()).isEqualTo(1.0);
        }
    }

    @Property(tries = 300)
    void person_scores_are_nearly_symmetric(@ForAll("names") String first, @ForAll("names") String second) {
        double forward =
                MATCHER.score(first, second, Optional.of(EntityType.PERSON)).score();
        double backward =
                MATCHER.score(second, first, Optional.of(EntityType.PERSON)).score();

        // Extra query tokens and missing listed tokens are penalised a little differently, by design.
        assertThat(Math.abs(forward - backward)).isLessThanOrEqualTo(0.15);
    }

    @Property(tries = 300)
    void invisible_characters_never_change_a_score(
            @ForAll("names") String query,
            @ForAll("names") String listed,
            @ForAll("types") Optional<EntityType> type,
            @ForAll("insertions") List<Integer> positions) {
        String hidden = insertInvisibles(query, positions);

        assertThat(MATCHER.score(hidden, listed, type).score())
                .isEqualTo(MATCHER.score(query, listed, type).score());
    }

    @Provide
    Arbitrary<List<Integer>> insertions() {
        return Arbitraries.integers().between(0, 1000).list().ofMaxSize(6);
    }

    private static String insertInvisibles(String text, List<Integer> positions) {
        StringBuilder out = new StringBuilder(text);
        for (int position : positions) {
            int at = out.length() == 0 ? 0 : position % (out.length() + 1);
            // Never split a surrogate pair: an invisible inside one would change the text itself.
            if (at > 0 && at < out.length() && Character.isLowSurrogate(out.charAt(at))) {
                at--;
            }
            out.insert(at, INVISIBLES[position % INVISIBLES.length]);
        }
        return out.toString();
    }

    @Provide
    Arbitrary<List<Object>> disguisedMatches() {
        Arbitrary<List<String>> pair = Arbitraries.of(TRUE_MATCHES);
        Arbitrary<Long> seed = Arbitraries.longs();
        return Combinators.combine(pair, seed).as((p, s) -> List.of(p.get(0), p.get(1), s));
    }

    @Property(tries = 300)
    void homoglyphs_never_push_a_true_match_below_the_threshold(@ForAll("disguisedMatches") List<Object> example) {
        String query = (String) example.get(0);
        String listed = (String) example.get(1);
        java.util.Random random = new java.util.Random((Long) example.get(2));
        StringBuilder disguised = new StringBuilder(query);
        int keptLatin = -1;
        for (int i = 0; i < disguised.length(); i++) {
            Character look = LOOK_ALIKES.get(disguised.charAt(i));
            if (look == null) {
                continue;
            }
            // Keep one Latin letter so the name stays a Latin name in disguise, not a Cyrillic one.
            if (keptLatin < 0) {
                keptLatin = i;
            } else if (random.nextBoolean()) {
                disguised.setCharAt(i, look);
            }
        }

        double score = MATCHER.score(disguised.toString(), listed, Optional.of(EntityType.PERSON))
                .score();

        assertThat(score).as("%s vs %s", disguised, listed).isGreaterThanOrEqualTo(Screener.DEFAULT_THRESHOLD);
    }
}
