package org.corridor.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the free-text Remarks of the OFAC legacy CSV, which carries most of what OFAC knows about an
 * entity: birth dates and places, nationalities, identity documents, IMO numbers and the weak
 * aliases ({@code a.k.a. 'NAME'}). Items are separated by semicolons. The field is cut at a fixed
 * length in sdn.csv, so a truncated last item is kept as a remark instead of being misread.
 */
final class OfacRemarks {

    private static final Pattern ALIAS = Pattern.compile("^([afn])\\.k\\.a\\.,? '(.+)'$");
    private static final Pattern DOB = Pattern.compile("^(?:alt\\. )?DOB (.+)$");
    private static final Pattern POB = Pattern.compile("^(?:alt\\. )?POB (.+)$");
    private static final Pattern NATIONALITY = Pattern.compile("^(?:alt\\. )?(?:nationality|citizen) (.+)$");
    private static final Pattern IMO = Pattern.compile("\\bIMO (\\d{7})\\b");
    private static final Pattern MMSI = Pattern.compile("^MMSI (\\d{9})\\b");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("^(\\d{1,2}) ([A-Z][a-z]{2}) (\\d{4})$");
    private static final Pattern MONTH_YEAR = Pattern.compile("^([A-Z][a-z]{2}) (\\d{4})$");
    private static final Pattern YEAR = Pattern.compile("^(\\d{4})$");
    private static final Pattern YEAR_RANGE = Pattern.compile("^(\\d{4})-(\\d{4})$");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("Jan", 1),
            Map.entry("Feb", 2),
            Map.entry("Mar", 3),
            Map.entry("Apr", 4),
            Map.entry("May", 5),
            Map.entry("Jun", 6),
            Map.entry("Jul", 7),
            Map.entry("Aug", 8),
            Map.entry("Sep", 9),
            Map.entry("Oct", 10),
            Map.entry("Nov", 11),
            Map.entry("Dec", 12));
    /** A published range longer than this is a guess, not a date; it is kept as a remark. */
    private static final int LONGEST_YEAR_RANGE = 12;

    private OfacRemarks() {}

    /** Splits the remarks into items and records each one on the draft. */
    static void apply(String remarks, EntityDraft draft) {
        for (String item : split(remarks)) {
            applyItem(item, draft);
        }
    }

    static List<String> split(String remarks) {
        List<String> items = new ArrayList<>();
        String text = remarks.strip();
        int quoteDepth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' && isAliasQuoteStart(text, i)) {
                quoteDepth = 1;
            } else if (c == '\'' && quoteDepth == 1 && isAliasQuoteEnd(text, i)) {
                quoteDepth = 0;
            } else if (c == ';' && quoteDepth == 0) {
                addItem(items, text.substring(start, i));
                start = i + 1;
            }
        }
        addItem(items, text.substring(start));
        return items;
    }

    private static boolean isAliasQuoteStart(String text, int index) {
        return index >= 7 && text.startsWith(".k.a. ", index - 6);
    }

    private static boolean isAliasQuoteEnd(String text, int index) {
        int next = index + 1;
        return next >= text.length()
                || text.charAt(next) == ';'
                || text.charAt(next) == '.' && (next + 1 >= text.length() || text.charAt(next + 1) == ';');
    }

    private static void addItem(List<String> items, String raw) {
        String item = raw.strip();
        if (item.endsWith(".") && !item.endsWith(".k.a.")) {
            item = item.substring(0, item.length() - 1).strip();
        }
        if (!item.isEmpty()) {
            items.add(item);
        }
    }

    private static void applyItem(String item, EntityDraft draft) {
        Matcher alias = ALIAS.matcher(item);
        if (alias.matches()) {
            // OFAC prints its weak aliases in the remarks; former and new names are real names.
            NameKind kind = alias.group(1).equals("a") ? NameKind.WEAK_ALIAS : NameKind.STRONG_ALIAS;
            draft.addName(alias.group(2), kind);
            return;
        }
        Matcher dob = DOB.matcher(item);
        if (dob.matches()) {
            List<PartialDate> dates = parseDates(dob.group(1));
            if (dates.isEmpty()) {
                draft.addRemark(item);
            }
            dates.forEach(draft::addBirthDate);
            return;
        }
        Matcher pob = POB.matcher(item);
        if (pob.matches()) {
            draft.addBirthPlace(pob.group(1));
            return;
        }
        Matcher nationality = NATIONALITY.matcher(item);
        if (nationality.matches()) {
            if (!draft.addNationality(nationality.group(1))) {
                draft.addRemark(item);
            }
            return;
        }
        draft.addRemark(item);
        Matcher imo = IMO.matcher(item);
        if (imo.find()) {
            draft.addIdentifier(IdentifierType.IMO, imo.group(1), "");
            return;
        }
        Matcher mmsi = MMSI.matcher(item);
        if (mmsi.find()) {
            draft.addIdentifier(IdentifierType.MMSI, mmsi.group(1), "");
            return;
        }
        identifierType(item).ifPresent(type -> addDocument(item, type, draft));
    }

    /**
     * Takes the first word with a digit as the number (labels such as "Unified Social Credit Code
     * (USCC)" come first) and a parenthesised country right after it as the issuer.
     */
    private static void addDocument(String item, IdentifierType type, EntityDraft draft) {
        String[] words = item.split(" ");
        for (int i = 0; i < words.length; i++) {
            String word = trimPunctuation(words[i]);
            if (word.length() >= 3
                    && word.chars().anyMatch(Character::isDigit)
                    && word.chars().allMatch(OfacRemarks::isIdentifierChar)) {
                String country = "";
                if (i + 1 < words.length && words[i + 1].startsWith("(")) {
                    StringBuilder inside = new StringBuilder();
                    for (int j = i + 1; j < words.length; j++) {
                        inside.append(j > i + 1 ? " " : "").append(words[j]);
                        if (words[j].endsWith(")") || words[j].endsWith("),")) {
                            break;
                        }
                    }
                    country = inside.toString().replaceAll("^\\(|\\)?,?$", "");
                }
                draft.addIdentifier(type, word, country);
                return;
            }
        }
    }

    private static String trimPunctuation(String word) {
        int end = word.length();
        while (end > 0 && (word.charAt(end - 1) == ',' || word.charAt(end - 1) == ';' || word.charAt(end - 1) == '.')) {
            end--;
        }
        return word.substring(0, end);
    }

    private static boolean isIdentifierChar(int c) {
        return (c < 128 && Character.isLetterOrDigit(c)) || c == '-' || c == '/' || c == '.';
    }

    private static Optional<IdentifierType> identifierType(String item) {
        String lower = item.toLowerCase(Locale.ROOT);
        if (lower.contains("passport")) {
            return Optional.of(IdentifierType.PASSPORT);
        }
        if (lower.startsWith("national id")
                || lower.startsWith("cedula")
                || lower.startsWith("d.n.i")
                || lower.startsWith("personal id")
                || lower.startsWith("identification number")
                || lower.startsWith("national foreign id")
                || lower.startsWith("ssn")
                || lower.startsWith("c.u.r.p")
                || lower.startsWith("curp")
                || lower.startsWith("nit #")
                || lower.startsWith("citizen's card")
                || lower.startsWith("residency number")) {
            return Optional.of(IdentifierType.NATIONAL_ID);
        }
        if (lower.startsWith("tax id")
                || lower.startsWith("r.f.c")
                || lower.startsWith("v.a.t")
                || lower.startsWith("ruc #")
                || lower.startsWith("rfc")) {
            return Optional.of(IdentifierType.TAX_ID);
        }
        if (lower.startsWith("swift/bic")) {
            return Optional.of(IdentifierType.SWIFT_BIC);
        }
        if (lower.startsWith("aircraft manufacturer's serial number")) {
            return Optional.of(IdentifierType.AIRCRAFT_SERIAL);
        }
        if (lower.contains("registration")
                || lower.startsWith("company number")
                || lower.startsWith("legal entity number")
                || lower.startsWith("unified social credit code")
                || lower.startsWith("commercial registry")
                || lower.startsWith("business number")
                || lower.startsWith("enterprise number")
                || lower.startsWith("c.r. no")
                || lower.startsWith("trade license")
                || lower.startsWith("chamber of commerce")
                || lower.startsWith("aircraft tail number")) {
            return Optional.of(IdentifierType.REGISTRATION_NUMBER);
        }
        return Optional.empty();
    }

    /**
     * Reads the date forms OFAC uses: {@code 22 Feb 1962}, {@code Oct 1971}, {@code 1984},
     * {@code circa 1956}, {@code 1962 to 1963}, {@code 08 Nov 1985 to 07 Nov 1986} and
     * {@code circa 1979-1982}. A range becomes every year in it, since any of them may be the one.
     */
    static List<PartialDate> parseDates(String text) {
        String value = text.strip();
        if (value.endsWith(".")) {
            value = value.substring(0, value.length() - 1);
        }
        if (value.startsWith("circa ")) {
            value = value.substring("circa ".length()).strip();
        }
        int to = value.indexOf(" to ");
        if (to > 0) {
            List<PartialDate> from = parseDates(value.substring(0, to));
            List<PartialDate> until = parseDates(value.substring(to + 4));
            if (from.size() != 1 || until.size() != 1) {
                return List.of();
            }
            return yearsBetween(from.get(0), until.get(0));
        }
        Matcher range = YEAR_RANGE.matcher(value);
        if (range.matches()) {
            return yearsBetween(
                    PartialDate.ofYear(Integer.parseInt(range.group(1))),
                    PartialDate.ofYear(Integer.parseInt(range.group(2))));
        }
        try {
            Matcher full = DAY_MONTH_YEAR.matcher(value);
            if (full.matches() && MONTHS.containsKey(full.group(2))) {
                return List.of(new PartialDate(
                        Integer.parseInt(full.group(3)), MONTHS.get(full.group(2)), Integer.parseInt(full.group(1))));
            }
            Matcher monthYear = MONTH_YEAR.matcher(value);
            if (monthYear.matches() && MONTHS.containsKey(monthYear.group(1))) {
                return List.of(
                        new PartialDate(Integer.parseInt(monthYear.group(2)), MONTHS.get(monthYear.group(1)), 0));
            }
            Matcher year = YEAR.matcher(value);
            if (year.matches()) {
                return List.of(PartialDate.ofYear(Integer.parseInt(year.group(1))));
            }
        } catch (IllegalArgumentException e) {
            // An impossible date (31 Feb) is a typo in the list; it stays a remark.
            return List.of();
        }
        return List.of();
    }

    private static List<PartialDate> yearsBetween(PartialDate from, PartialDate until) {
        if (until.year() < from.year() || until.year() - from.year() > LONGEST_YEAR_RANGE) {
            return List.of();
        }
        if (from.year() == until.year()) {
            return List.of(from.month() == until.month() ? from : PartialDate.ofYear(from.year()));
        }
        List<PartialDate> years = new ArrayList<>();
        for (int year = from.year(); year <= until.year(); year++) {
            years.add(PartialDate.ofYear(year));
        }
        return years;
    }
}
