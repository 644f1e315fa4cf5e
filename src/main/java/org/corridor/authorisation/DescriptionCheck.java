package org.corridor.authorisation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks that a goods line is what its HS code says it is (issue 23, finding 3). The description
 * is read against the declared subheading's context in the nomenclature (its text, its heading's,
 * its chapter's and the curated vocabulary) and against every other subheading:
 *
 * <ul>
 *   <li>a controlled-goods term denies or escalates the line whatever the code;
 *   <li>a word the declared texts name only to exclude ("excluding chewing gum") disagrees;
 *   <li>a subheading that explains the description clearly better than the declared one (by the
 *       weight of the words it explains and the declared one does not) disagrees, and when that
 *       subheading is on the excluded-items or specific-licence lists, the line says so;
 *   <li>an HS code the nomenclature does not have, or a description with no word the check can
 *       read, escalates: the check never passes what it could not check.
 * </ul>
 *
 * Stateless apart from the shipped data; thread-safe.
 */
record DescriptionCheck(HsNomenclature nomenclature, ControlledTerms controlled) {

    /**
     * How much better another subheading must explain the description than the declared one before
     * they are said to disagree. One stray word a little more specific than the declared words is
     * not enough; a whole extra word of the goods' nature ("live" beside "sheep") is.
     */
    static final double CLEARLY_BETTER = 1.5;

    private static final int QUOTED_TEXT = 90;

    static DescriptionCheck shipped() {
        return new DescriptionCheck(HsNomenclature.shipped(), ControlledTerms.shipped());
    }

    /** The findings on one line; none when the description fits the code. */
    List<EligibilityFinding> check(Optional<String> hs, String description, RuleSet rules, LocalDate on) {
        List<EligibilityFinding> findings = new ArrayList<>();
        for (ControlledTerms.Term term : controlled.named(description)) {
            findings.add(finding(
                    term.verdict() == Verdict.DENIED
                            ? EligibilityReason.CONTROLLED_GOODS
                            : EligibilityReason.CONTROLLED_GOODS_SUSPECTED,
                    "the description names "
                            + term.kind().toLowerCase(Locale.ROOT).replace('_', ' ') + " goods ('" + term.text()
                            + "'), whatever the HS code",
                    term.source()));
        }
        Map<String, String> words = readableWords(description, findings);
        if (words.isEmpty() || hs.isEmpty()) {
            return findings;
        }
        Optional<HsNomenclature.Subheading> declared = nomenclature.subheading(hs.get());
        if (declared.isEmpty()) {
            findings.add(finding(EligibilityReason.HS_CODE_NOT_IN_NOMENCLATURE, notInNomenclature(hs.get()), ""));
            return findings;
        }
        compare(declared.get(), words, rules, on, findings);
        return findings;
    }

    /**
     * The description's words the nomenclature can judge, by stem, with the word as written. An
     * empty map means the description cannot be checked, and a finding says why.
     */
    private Map<String, String> readableWords(String description, List<EligibilityFinding> findings) {
        List<String> content = GoodsText.contentWords(description);
        Map<String, String> known = new LinkedHashMap<>();
        for (String word : content) {
            String stem = GoodsText.stem(word);
            if (nomenclature.knows(stem)) {
                known.putIfAbsent(stem, word);
            } else if (nomenclature.vocabulary().medicineStem(word).isPresent()) {
                known.putIfAbsent(GoodsVocabulary.MEDICINAL, word);
            }
        }
        if (content.isEmpty()) {
            findings.add(finding(
                    EligibilityReason.DESCRIPTION_UNREADABLE,
                    "the description names no goods, only numbers, quantities or packing words",
                    ""));
        } else if (known.isEmpty()) {
            findings.add(finding(
                    EligibilityReason.DESCRIPTION_UNREADABLE,
                    "no word of the description (" + quoted(content) + ") is in the HS nomenclature"
                            + " or the goods vocabulary, so it cannot be checked against the code",
                    HsNomenclature.SOURCE));
        }
        return known;
    }

    private void compare(
            HsNomenclature.Subheading declared,
            Map<String, String> words,
            RuleSet rules,
            LocalDate on,
            List<EligibilityFinding> findings) {
        List<String> excluded = words.keySet().stream()
                .filter(stem -> declared.excluded().contains(stem)
                        && !declared.included().contains(stem))
                .toList();
        HsNomenclature.Reading mine = nomenclature.read(declared, words.keySet());
        Optional<HsNomenclature.Reading> other = nomenclature
                .bestOtherThan(declared, words.keySet())
                .filter(best -> best.score() > mine.score() * CLEARLY_BETTER + 1e-9)
                .filter(best -> !mine.explained().containsAll(best.explained()));
        if (excluded.isEmpty() && other.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        if (!excluded.isEmpty()) {
            parts.add(cite(declared) + " excludes " + quoted(writtenAs(excluded, words)));
        }
        other.ifPresent(best -> {
            List<String> extra = best.explained().stream()
                    .filter(stem -> !mine.explained().contains(stem) && !excluded.contains(stem))
                    .sorted()
                    .toList();
            if (!extra.isEmpty()) {
                parts.add("the description's " + quoted(writtenAs(extra, words)) + (extra.size() == 1 ? " is" : " are")
                        + " not in " + cite(declared));
            }
            parts.add("it reads as " + cite(best.subheading()));
        });
        findings.add(finding(EligibilityReason.DESCRIPTION_MISMATCH, String.join("; ", parts), HsNomenclature.SOURCE));
        other.ifPresent(best -> listedReading(best.subheading(), rules, on, findings));
    }

    /** When the better reading is an excluded item or a device needing a specific licence, says so. */
    private static void listedReading(
            HsNomenclature.Subheading reading, RuleSet rules, LocalDate on, List<EligibilityFinding> findings) {
        listed(reading, rules.excludedItems(), EligibilityReason.EXCLUDED_ITEM_SUSPECTED, on, findings);
        listed(reading, rules.specificLicenceDevices(), EligibilityReason.SPECIFIC_LICENCE_REQUIRED, on, findings);
    }

    private static void listed(
            HsNomenclature.Subheading reading,
            List<RuleSet.ItemRule> list,
            EligibilityReason reason,
            LocalDate on,
            List<EligibilityFinding> findings) {
        for (RuleSet.ItemRule item : list) {
            if (item.effectiveOn(on) && item.matchesCode(reading.code())) {
                findings.add(finding(
                        reason,
                        "the description reads as HS " + HsCode.dotted(reading.code()) + ", " + item.name(),
                        item.source()));
            }
        }
    }

    private String notInNomenclature(String digits) {
        String six = HsCode.dotted(digits.substring(0, 6));
        return nomenclature
                .text(digits.substring(0, 4))
                .map(heading -> six + " is not a subheading of HS 2022 heading " + digits.substring(0, 4) + " ("
                        + shortened(heading) + ")")
                .orElse(six + " is not in HS 2022: heading " + digits.substring(0, 4) + " does not exist");
    }

    private static List<String> writtenAs(List<String> stems, Map<String, String> words) {
        return stems.stream().map(stem -> words.getOrDefault(stem, stem)).toList();
    }

    private static String cite(HsNomenclature.Subheading sub) {
        return "HS " + HsCode.dotted(sub.code()) + " (" + shortened(sub.text()) + ")";
    }

    private static String shortened(String text) {
        return text.length() <= QUOTED_TEXT ? text : text.substring(0, QUOTED_TEXT - 3) + "...";
    }

    private static String quoted(List<String> words) {
        return words.stream().distinct().map(w -> "'" + w + "'").collect(Collectors.joining(", "));
    }

    private static EligibilityFinding finding(EligibilityReason reason, String detail, String source) {
        return new EligibilityFinding(reason, detail, source.isEmpty() ? Optional.empty() : Optional.of(source));
    }
}
