package org.corridor.screening;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The word lists of {@code /screening/name-vocabulary.txt}: particles, honorifics, legal forms,
 * generic organisation words, stop words, common names, number words and name families. Loaded once;
 * immutable and thread-safe.
 */
final class NameVocabulary {

    static final NameVocabulary STANDARD = load("/screening/name-vocabulary.txt");

    final Set<String> particles;
    final Set<String> honorifics;
    /** Keys of the honorifics, to recognise them in romanised scripts ("سيد" reads "sid"). */
    final Set<String> honorificKeys;

    final Set<String> legalForms;
    final Set<String> generic;
    final Set<String> vesselPrefixes;
    final Set<String> stopwords;
    final Set<String> commonNames;
    /** Phonetic keys of the common names: two different ones are two names, not a typo. */
    final Set<String> commonNameKeys;
    /** Multi-word phrases (as word lists) and the single token they reduce to. */
    final Map<List<String>, String> phrases;

    final int longestPhrase;
    final Map<String, Integer> numberWords;
    final Map<String, Integer> romanNumerals;
    /** Spelling variant to family key, e.g. mohammed to muhamad. */
    final Map<String, String> families;

    private NameVocabulary(Map<String, List<String>> sections) {
        particles = words(sections, "particles");
        honorifics = words(sections, "honorifics");
        legalForms = words(sections, "legal-forms");
        generic = words(sections, "generic");
        vesselPrefixes = words(sections, "vessel-prefixes");
        stopwords = words(sections, "stopwords");
        commonNames = words(sections, "common-names");
        Map<List<String>, String> phraseMap = new HashMap<>();
        int longest = 1;
        for (String entry : sections.getOrDefault("legal-form-phrases", List.of())) {
            String[] parts = entry.split("=", 2);
            List<String> phrase = List.of(parts[0].split("_"));
            phraseMap.put(phrase, parts[1]);
            longest = Math.max(longest, phrase.size());
        }
        phrases = Map.copyOf(phraseMap);
        longestPhrase = longest;
        numberWords = numbers(sections, "number-words");
        romanNumerals = numbers(sections, "roman-numerals");
        Map<String, String> familyMap = new HashMap<>();
        for (String entry : sections.getOrDefault("name-families", List.of())) {
            String[] parts = entry.split("=", 2);
            familyMap.put(parts[1], parts[0]);
        }
        families = Map.copyOf(familyMap);
        Set<String> titleKeys = new HashSet<>();
        for (String title : honorifics) {
            if (title.length() > 2) {
                titleKeys.add(PhoneticKey.of(families, title));
            }
        }
        honorificKeys = Set.copyOf(titleKeys);
        Set<String> keys = new HashSet<>();
        for (String name : commonNames) {
            keys.add(PhoneticKey.of(families, name));
        }
        commonNameKeys = Set.copyOf(keys);
    }

    private static Set<String> words(Map<String, List<String>> sections, String name) {
        return Set.copyOf(new HashSet<>(sections.getOrDefault(name, List.of())));
    }

    private static Map<String, Integer> numbers(Map<String, List<String>> sections, String name) {
        Map<String, Integer> map = new HashMap<>();
        for (String entry : sections.getOrDefault(name, List.of())) {
            String[] parts = entry.split("=", 2);
            map.put(parts[0], Integer.parseInt(parts[1]));
        }
        return Map.copyOf(map);
    }

    static NameVocabulary load(String resource) {
        Map<String, List<String>> sections = new HashMap<>();
        try (InputStream in = NameVocabulary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String section = "";
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                if (text.startsWith("[") && text.endsWith("]")) {
                    section = text.substring(1, text.length() - 1);
                    continue;
                }
                List<String> target = sections.computeIfAbsent(section, key -> new ArrayList<>());
                if (section.equals("name-families")) {
                    // "key=variant variant ..." on one line.
                    String[] parts = text.split("=", 2);
                    for (String variant : parts[1].split("\\s+")) {
                        target.add(parts[0] + "=" + variant);
                    }
                    continue;
                }
                for (String word : text.split("\\s+")) {
                    target.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new NameVocabulary(sections);
    }
}
