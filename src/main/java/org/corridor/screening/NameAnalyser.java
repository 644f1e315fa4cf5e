package org.corridor.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a name as written into weighted tokens. Two stages: {@link NameSegmenter#segment} is the same
 * for every entity type (Unicode NFKC, invisible and bidi characters removed, words split on
 * punctuation, every script romanised, diacritics folded, digits used as letters read as letters);
 * {@link #analyse} then applies the rules of one entity type (initials, acronyms, legal forms,
 * numbers, particles and honorifics) and weighs each token by its role and rarity. Thread-safe.
 */
final class NameAnalyser {

    /** Particles after which a name is the father's ("bin Salman": son of Salman). */
    private static final Set<String> PATRONYMIC_MARKERS =
            Set.of("bin", "ibn", "ben", "bint", "binti", "bte", "ibnu", "ould", "bn", "abn", "bnt", "uld", "wuld");

    /** One romanised syllable of a Chinese, Japanese or Korean name identifies this much at most. */
    private static final double SYLLABLE_WEIGHT = 0.55;

    private final TokenFrequencies frequencies;
    private final NameVocabulary vocabulary = NameVocabulary.STANDARD;

    NameAnalyser(TokenFrequencies frequencies) {
        this.frequencies = frequencies;
    }

    TokenFrequencies frequencies() {
        return frequencies;
    }

    AnalysedName analyse(String raw, EntityType type) {
        return analyse(raw, NameSegmenter.segmented(raw), type);
    }

    AnalysedName analyse(String raw, NameSegmenter.Segmented segmented, EntityType type) {
        AnalysedName analysed = analyse(raw, segmented.words(), type);
        if (segmented.undone().isEmpty()) {
            return analysed;
        }
        return new AnalysedName(raw, type, analysed.tokens(), analysed.spans(), segmented.undone());
    }

    AnalysedName analyse(String raw, List<NameSegmenter.Word> words, EntityType type) {
        List<NameSegmenter.Word> joined = type == EntityType.PERSON ? words : joinAcronyms(words);
        if (type != EntityType.PERSON) {
            joined = reducePhrases(joined);
        }
        List<NameToken> tokens = new ArrayList<>(joined.size());
        for (int i = 0; i < joined.size(); i++) {
            NameSegmenter.Word word = joined.get(i);
            // "forty four" and "forty 4" are one number.
            int value = numberValue(word.text(), type, i);
            if (value >= 20 && value % 10 == 0 && value < 100 && i + 1 < joined.size()) {
                int units = numberValue(joined.get(i + 1).text(), type, i + 1);
                if (units >= 1 && units <= 9) {
                    tokens.add(token(String.valueOf(value + units), word.display(), TokenRole.NUMBER, word.origin()));
                    i++;
                    continue;
                }
            }
            if (value >= 0) {
                tokens.add(token(String.valueOf(value), word.display(), TokenRole.NUMBER, word.origin()));
                continue;
            }
            // A romanised syllable of one letter (이 as "i", 오 as "o") is a name, not an initial.
            TokenRole role =
                    word.origin() == TokenOrigin.SYLLABIC && word.text().length() == 1
                            ? TokenRole.NAME
                            : role(word.text(), i, type);
            if (type == EntityType.PERSON
                    && role == TokenRole.NAME
                    && word.origin() == TokenOrigin.ARABIC
                    && vocabulary.honorificKeys.contains(word.key())) {
                role = TokenRole.HONORIFIC;
            }
            NameToken token = token(word.text(), word.display(), role, word.origin(), word.key());
            if (type == EntityType.PERSON
                    && i > 0
                    && PATRONYMIC_MARKERS.contains(joined.get(i - 1).text())) {
                token = token.asPatronymic();
            }
            tokens.add(token);
        }
        markSyllables(tokens, type);
        return new AnalysedName(raw, type, tokens, spans(tokens));
    }

    /**
     * Gives each romanised Korean or Chinese syllable its {@link SyllableKey}: the syllables of a
     * name written in Hangul or Han, and the words of a Latin person's name that reads as one (short
     * syllables, one of them a Korean or Chinese surname: "Kim Jeong-eun", "RI Pyong Chol").
     */
    private static void markSyllables(List<NameToken> tokens, EntityType type) {
        boolean latinSyllables = type == EntityType.PERSON && readsAsEastAsian(tokens);
        boolean cyrillicKorean = type == EntityType.PERSON
                && Hangul.isCyrillicKorean(
                        tokens.stream().map(NameToken::display).toList());
        for (int i = 0; i < tokens.size(); i++) {
            NameToken token = tokens.get(i);
            if (!token.isContent()) {
                continue;
            }
            if (cyrillicKorean) {
                tokens.set(i, token.withSyllable(SyllableKey.of(Hangul.fromCyrillic(token.display()))));
            } else if (token.origin() == TokenOrigin.SYLLABIC || (latinSyllables && token.role() == TokenRole.NAME)) {
                tokens.set(i, token.withSyllable(SyllableKey.of(token.text())));
            }
        }
    }

    private static boolean readsAsEastAsian(List<NameToken> tokens) {
        int names = 0;
        boolean surname = false;
        for (NameToken token : tokens) {
            if (token.role() != TokenRole.NAME) {
                continue;
            }
            if (token.origin() != TokenOrigin.LATIN || !SyllableKey.looksSyllabic(token.text())) {
                return false;
            }
            names++;
            surname |= SyllableKey.SURNAMES.contains(token.text());
        }
        return names >= 2 && surname;
    }

    /** Longest run of tokens that may be written as one word. */
    private static final int LONGEST_SPAN = 3;

    private static List<AnalysedName.Span> spans(List<NameToken> tokens) {
        List<AnalysedName.Span> spans = new ArrayList<>();
        for (int start = 0; start < tokens.size(); start++) {
            if (tokens.get(start).role() == TokenRole.NUMBER
                    || tokens.get(start).isInitial()) {
                continue;
            }
            StringBuilder text = new StringBuilder(tokens.get(start).text());
            StringBuilder keys = new StringBuilder(tokens.get(start).key());
            double weight = tokens.get(start).weight();
            boolean content = tokens.get(start).isContent();
            TokenOrigin origin = tokens.get(start).origin();
            for (int end = start + 2; end <= Math.min(tokens.size(), start + LONGEST_SPAN); end++) {
                NameToken next = tokens.get(end - 1);
                if (next.role() == TokenRole.NUMBER || next.isInitial()) {
                    break;
                }
                text.append(next.text());
                keys.append(next.key());
                weight += next.weight();
                content |= next.isContent();
                if (next.origin() != TokenOrigin.LATIN) {
                    origin = next.origin();
                }
                if (content) {
                    String joined = text.toString();
                    // Romanised Arabic joins its parts' keys: a Latin digraph must not form across
                    // the join ("z" + "h" is not "zh"). Latin text is keyed as the joined word.
                    String key = origin == TokenOrigin.ARABIC ? PhoneticKey.finish(keys) : PhoneticKey.of(joined);
                    spans.add(new AnalysedName.Span(
                            start,
                            end,
                            new NameToken(
                                    joined,
                                    joined,
                                    key,
                                    PhoneticKey.skeleton(key),
                                    TokenRole.NAME,
                                    origin,
                                    weight,
                                    tokens.get(start).patronymic())));
                }
            }
        }
        return spans;
    }

    private NameToken token(String text, String display, TokenRole role, TokenOrigin origin) {
        return token(text, display, role, origin, "");
    }

    private NameToken token(String text, String display, TokenRole role, TokenOrigin origin, String romanisedKey) {
        // Pinyin and other syllable romanisations are deterministic; folding their vowels (e to a)
        // would only merge distinct syllables such as "cheng" and "chang".
        String key = role == TokenRole.NUMBER || origin == TokenOrigin.SYLLABIC
                ? text
                : romanisedKey.isEmpty() ? PhoneticKey.of(text) : romanisedKey;
        double weight = role.baseWeight;
        if (role == TokenRole.NAME || role == TokenRole.GENERIC) {
            weight *= frequencies.informativeness(key, text);
        }
        if (origin == TokenOrigin.SYLLABIC) {
            weight = Math.min(weight, SYLLABLE_WEIGHT);
        }
        if (role == TokenRole.NAME && isEastSlavicPatronymic(text)) {
            // "Viktorovich" names the father; people and forms leave it out more often than not.
            weight *= PATRONYMIC_WEIGHT;
        }
        return new NameToken(text, display, key, PhoneticKey.skeleton(key), role, origin, weight, false);
    }

    private static final double PATRONYMIC_WEIGHT = 0.5;
    private static final List<String> PATRONYMIC_ENDINGS =
            List.of("ovich", "evich", "ovych", "evych", "ovna", "evna", "ivna", "ovic", "evic", "ovitch", "evitch");

    static boolean isEastSlavicPatronymic(String text) {
        if (text.length() < 7) {
            return false;
        }
        for (String ending : PATRONYMIC_ENDINGS) {
            if (text.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    private TokenRole role(String text, int position, EntityType type) {
        if (text.length() == 1 && Character.isLetter(text.charAt(0))) {
            return TokenRole.INITIAL;
        }
        if (type == EntityType.PERSON) {
            if (vocabulary.particles.contains(text)) {
                return TokenRole.PARTICLE;
            }
            if (vocabulary.honorifics.contains(text)) {
                return TokenRole.HONORIFIC;
            }
            if (text.equals("and")) {
                return TokenRole.STOPWORD;
            }
            // Short legal-form words ("sa", "ag") are also name parts; only unambiguous ones count.
            if (text.length() > 2 && vocabulary.legalForms.contains(text)) {
                return TokenRole.LEGAL_FORM;
            }
            return TokenRole.NAME;
        }
        if (vocabulary.stopwords.contains(text)) {
            return TokenRole.STOPWORD;
        }
        if (vocabulary.legalForms.contains(text)) {
            return TokenRole.LEGAL_FORM;
        }
        if (position == 0 && type == EntityType.VESSEL && vocabulary.vesselPrefixes.contains(text)) {
            return TokenRole.STOPWORD;
        }
        if (text.equals("al") || text.equals("el")) {
            return TokenRole.PARTICLE;
        }
        if (vocabulary.generic.contains(text)) {
            return TokenRole.GENERIC;
        }
        return TokenRole.NAME;
    }

    /** The value of a number token, or -1. Roman numerals count only outside personal names. */
    private int numberValue(String text, EntityType type, int position) {
        if (!text.isEmpty() && text.length() <= 9 && text.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(text);
        }
        Integer word = vocabulary.numberWords.get(text);
        if (word != null && (type != EntityType.PERSON || text.chars().anyMatch(Character::isDigit))) {
            return word;
        }
        // A leading "Xi" or "Vi" is a name, not a numeral.
        if (type != EntityType.PERSON && position > 0) {
            Integer roman = vocabulary.romanNumerals.get(text);
            if (roman != null) {
                return roman;
            }
        }
        return -1;
    }

    /** "A.B.C." is one word in the name of an organisation. */
    private static List<NameSegmenter.Word> joinAcronyms(List<NameSegmenter.Word> words) {
        List<NameSegmenter.Word> out = new ArrayList<>(words.size());
        int i = 0;
        while (i < words.size()) {
            NameSegmenter.Word word = words.get(i);
            if (word.dotted() && word.text().length() == 1) {
                int j = i;
                while (j < words.size()
                        && words.get(j).text().length() == 1
                        && (words.get(j).dotted() || (j > i && words.get(j - 1).dotted()))) {
                    j++;
                }
                if (j - i >= 2) {
                    StringBuilder text = new StringBuilder();
                    StringBuilder display = new StringBuilder();
                    for (int k = i; k < j; k++) {
                        text.append(words.get(k).text());
                        display.append(words.get(k).display()).append('.');
                    }
                    out.add(new NameSegmenter.Word(text.toString(), display.toString(), word.origin(), false));
                    i = j;
                    continue;
                }
            }
            out.add(word);
            i++;
        }
        return out;
    }

    /** Spelled-out legal forms ("limited liability company") become their short form ("llc"). */
    private List<NameSegmenter.Word> reducePhrases(List<NameSegmenter.Word> words) {
        if (words.size() < 2) {
            return words;
        }
        List<NameSegmenter.Word> out = new ArrayList<>(words.size());
        int i = 0;
        while (i < words.size()) {
            int matched = 0;
            String replacement = null;
            for (int length = Math.min(vocabulary.longestPhrase, words.size() - i); length >= 2; length--) {
                List<String> candidate = new ArrayList<>(length);
                for (int k = 0; k < length; k++) {
                    candidate.add(words.get(i + k).text());
                }
                String found = vocabulary.phrases.get(candidate);
                if (found != null) {
                    matched = length;
                    replacement = found;
                    break;
                }
            }
            if (matched > 0) {
                StringBuilder display = new StringBuilder();
                for (int k = 0; k < matched; k++) {
                    display.append(k > 0 ? " " : "").append(words.get(i + k).display());
                }
                out.add(new NameSegmenter.Word(
                        replacement, display.toString(), words.get(i).origin(), false));
                i += matched;
            } else {
                out.add(words.get(i));
                i++;
            }
        }
        return out;
    }
}
