package org.corridor.authorisation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.corridor.DomainException;
import org.corridor.InvalidInputException;
import org.corridor.money.Currency;

/**
 * Reads and checks an eligibility rule file. Refuses a malformed file as a whole, naming each
 * problem by element path and line ({@code hs_rules[3].status (line 42): ...}), so that a rule set
 * is either entirely valid or not used. Stateless and thread-safe.
 */
final class RuleSetParser {

    static final int MAX_ERRORS_IN_MESSAGE = 5;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private RuleSetParser() {}

    /** The rule set in {@code content}, or an {@link InvalidInputException} listing every problem. */
    static RuleSet parse(String sourceName, String content) {
        RuleSetFile file;
        try {
            file = MAPPER.readValue(content, RuleSetFile.class);
        } catch (JsonProcessingException e) {
            throw invalid(sourceName, List.of(describe(e)));
        }
        if (file == null) {
            throw invalid(sourceName, List.of("the file holds no rule set"));
        }
        Errors errors = new Errors(lines(content));
        RuleSet rules = check(file, errors);
        if (!errors.list.isEmpty()) {
            throw invalid(sourceName, errors.list);
        }
        return rules;
    }

    private static RuleSet check(RuleSetFile file, Errors errors) {
        if (!RuleSetFile.FORMAT.equals(file.format())) {
            errors.add("/format", "must be \"" + RuleSetFile.FORMAT + "\"");
        }
        if (blank(file.name())) {
            errors.add("/name", "is missing");
        }
        List<RuleSet.HsRule> hsRules = hsRules(file.hsRules(), errors);
        List<RuleSet.ItemRule> excluded = items("excluded_items", file.excludedItems(), errors);
        List<RuleSet.ItemRule> devices = items("specific_licence_devices", file.specificLicenceDevices(), errors);
        Set<EndUserType> endUsers = EnumSet.noneOf(EndUserType.class);
        String endUsersSource = listing(file.excludedEndUsers(), "/excluded_end_users", errors)
                .map(listing -> {
                    listOf(listing.values(), "/excluded_end_users/values", errors)
                            .forEach((pointer, value) -> EndUserType.parse(value)
                                    .ifPresentOrElse(
                                            endUsers::add,
                                            () -> errors.add(pointer, "is not an end-user type: " + value)));
                    return listing.source().trim();
                })
                .orElse("");
        List<Currency> blocked = new ArrayList<>();
        String blockedSource = listing(file.blockedCurrencies(), "/blocked_currencies", errors)
                .map(listing -> {
                    listOf(listing.values(), "/blocked_currencies/values", errors)
                            .forEach((pointer, value) ->
                                    currency(value, pointer, errors).ifPresent(blocked::add));
                    return listing.source().trim();
                })
                .orElse("");
        Map<String, String> aliases = units(file.units(), errors);
        List<RuleSet.PriceBand> bands = priceBands(file.priceBands(), aliases, errors);
        boolean escalateUnbenchmarked = false;
        if ("ESCALATE".equals(file.unbenchmarkedPrice())) {
            escalateUnbenchmarked = true;
        } else if (!"NO_CHECK".equals(file.unbenchmarkedPrice())) {
            errors.add("/unbenchmarked_price", "must be NO_CHECK or ESCALATE");
        }
        return new RuleSet(
                blank(file.name()) ? "" : file.name().trim(),
                hsRules,
                excluded,
                devices,
                Sets.enums(EndUserType.class, endUsers),
                endUsersSource,
                Sets.sorted(blocked, Currency::code),
                blockedSource,
                aliases,
                bands,
                escalateUnbenchmarked);
    }

    private static List<RuleSet.HsRule> hsRules(List<RuleSetFile.HsRuleEntry> entries, Errors errors) {
        List<RuleSet.HsRule> rules = new ArrayList<>();
        if (entries == null || entries.isEmpty()) {
            errors.add("/hs_rules", "needs at least one rule");
            return rules;
        }
        forEachEntry(
                "hs_rules",
                entries,
                errors,
                (at, entry) -> hsRule(at, entry, errors).ifPresent(rule -> {
                    for (RuleSet.HsRule other : rules) {
                        if (other.prefix().equals(rule.prefix()) && overlap(other, entry)) {
                            errors.add(at + "/prefix", "repeats prefix " + entry.prefix() + " for overlapping dates");
                        }
                    }
                    rules.add(rule);
                }));
        return List.copyOf(rules);
    }

    private static Optional<RuleSet.HsRule> hsRule(String at, RuleSetFile.HsRuleEntry entry, Errors errors) {
        Optional<String> prefix = prefix(entry.prefix(), at + "/prefix", errors);
        Optional<Verdict> status = Enums.parse(Verdict.class, entry.status());
        if (status.isEmpty()) {
            errors.add(at + "/status", "must be ALLOWED, ESCALATE or DENIED");
        }
        Set<Category> categories = EnumSet.noneOf(Category.class);
        listOf(entry.categories(), at + "/categories", errors)
                .forEach((pointer, value) -> Category.parse(value)
                        .ifPresentOrElse(
                                categories::add,
                                () -> errors.add(pointer, "must be FOOD, AGRI, MEDICINE, DEVICE or OTHER")));
        if (entry.categories() != null && entry.categories().isEmpty()) {
            errors.add(at + "/categories", "needs at least one category");
        }
        source(entry.source(), at, errors);
        dates(entry.effectiveFrom(), entry.effectiveTo(), at, errors);
        if (prefix.isEmpty() || status.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RuleSet.HsRule(
                prefix.get(),
                status.get(),
                Sets.enums(Category.class, categories),
                entry.note().orElse("").trim(),
                entry.source() == null ? "" : entry.source().trim(),
                entry.effectiveFrom(),
                entry.effectiveTo()));
    }

    private static boolean overlap(RuleSet.HsRule rule, RuleSetFile.HsRuleEntry entry) {
        LocalDate start1 = rule.effectiveFrom().orElse(LocalDate.MIN);
        LocalDate end1 = rule.effectiveTo().orElse(LocalDate.MAX);
        LocalDate start2 = entry.effectiveFrom().orElse(LocalDate.MIN);
        LocalDate end2 = entry.effectiveTo().orElse(LocalDate.MAX);
        return !start1.isAfter(end2) && !start2.isAfter(end1);
    }

    private static List<RuleSet.ItemRule> items(String field, List<RuleSetFile.ItemEntry> entries, Errors errors) {
        List<RuleSet.ItemRule> items = new ArrayList<>();
        if (entries == null) {
            errors.add("/" + field, "is missing");
            return items;
        }
        forEachEntry(field, entries, errors, (at, entry) -> items.add(item(at, entry, errors)));
        return List.copyOf(items);
    }

    private static RuleSet.ItemRule item(String at, RuleSetFile.ItemEntry entry, Errors errors) {
        if (blank(entry.name())) {
            errors.add(at + "/name", "is missing");
        }
        List<String> prefixes = new ArrayList<>();
        listOf(entry.hsPrefixes(), at + "/hs_prefixes", errors)
                .forEach((pointer, value) -> prefix(value, pointer, errors).ifPresent(prefixes::add));
        List<String> keywords = new ArrayList<>();
        listOf(entry.keywords(), at + "/keywords", errors).forEach((pointer, value) -> {
            String words = Text.words(value);
            if (words.isEmpty()) {
                errors.add(pointer, "is not a keyword");
            } else {
                keywords.add(words);
            }
        });
        if (entry.hsPrefixes() != null && entry.keywords() != null && prefixes.isEmpty() && keywords.isEmpty()) {
            errors.add(at, "needs at least one HS prefix or keyword");
        }
        source(entry.source(), at, errors);
        dates(entry.effectiveFrom(), entry.effectiveTo(), at, errors);
        return new RuleSet.ItemRule(
                blank(entry.name()) ? "" : entry.name().trim(),
                List.copyOf(prefixes),
                List.copyOf(keywords),
                entry.source() == null ? "" : entry.source().trim(),
                entry.effectiveFrom(),
                entry.effectiveTo());
    }

    /** Alias (lower case) to canonical unit; a canonical unit is its own alias. */
    private static Map<String, String> units(Map<String, List<String>> units, Errors errors) {
        Map<String, String> aliases = new HashMap<>();
        if (units == null) {
            errors.add("/units", "is missing");
            return aliases;
        }
        for (Map.Entry<String, List<String>> unit : new TreeMap<>(units).entrySet()) {
            String at = "/units/" + unit.getKey();
            if (!unit.getKey().matches("[A-Z][A-Z0-9_]{0,31}")) {
                errors.add(at, "a unit's name is UPPER_SNAKE, such as PIECE");
                continue;
            }
            List<String> names = new ArrayList<>(List.of(unit.getKey()));
            listOf(unit.getValue(), at, errors).forEach((pointer, alias) -> names.add(alias));
            for (String name : names) {
                String key = name.trim().toLowerCase(Locale.ROOT);
                String previous = aliases.putIfAbsent(key, unit.getKey());
                if (previous != null && !previous.equals(unit.getKey())) {
                    errors.add(at, "'" + name + "' is already a name of " + previous);
                }
            }
        }
        return Map.copyOf(aliases);
    }

    private static List<RuleSet.PriceBand> priceBands(
            List<RuleSetFile.PriceBandEntry> entries, Map<String, String> aliases, Errors errors) {
        List<RuleSet.PriceBand> bands = new ArrayList<>();
        if (entries == null) {
            errors.add("/price_bands", "is missing");
            return bands;
        }
        forEachEntry(
                "price_bands",
                entries,
                errors,
                (at, entry) -> priceBand(at, entry, aliases, errors).ifPresent(bands::add));
        return List.copyOf(bands);
    }

    private static Optional<RuleSet.PriceBand> priceBand(
            String at, RuleSetFile.PriceBandEntry entry, Map<String, String> aliases, Errors errors) {
        Optional<String> prefix = prefix(entry.hsPrefix(), at + "/hs_prefix", errors);
        Optional<String> unit = unit(entry.unit(), at + "/unit", aliases, errors);
        Optional<Currency> currency = currency(entry.currency(), at + "/currency", errors);
        boolean bounds = bounds(entry, at, errors);
        source(entry.source(), at, errors);
        if (prefix.isEmpty() || unit.isEmpty() || currency.isEmpty() || !bounds) {
            return Optional.empty();
        }
        return Optional.of(new RuleSet.PriceBand(
                prefix.get(),
                unit.get(),
                currency.get(),
                entry.min(),
                entry.max(),
                entry.benchmark(),
                entry.source() == null ? "" : entry.source().trim()));
    }

    /** The canonical unit a band's unit names, through the aliases under {@code units}. */
    private static Optional<String> unit(String text, String pointer, Map<String, String> aliases, Errors errors) {
        if (blank(text)) {
            errors.add(pointer, "is missing");
            return Optional.empty();
        }
        Optional<String> unit = Optional.ofNullable(aliases.get(text.trim().toLowerCase(Locale.ROOT)));
        if (unit.isEmpty()) {
            errors.add(pointer, "is not a unit named under units: " + text);
        }
        return unit;
    }

    /** True when min and max are usable; a benchmark outside them is an error but leaves them usable. */
    private static boolean bounds(RuleSetFile.PriceBandEntry entry, String at, Errors errors) {
        boolean bounds = true;
        if (entry.min() == null || entry.min().signum() < 0) {
            errors.add(at + "/min", "must be zero or more");
            bounds = false;
        }
        if (entry.max() == null || entry.max().signum() <= 0) {
            errors.add(at + "/max", "must be more than zero");
            bounds = false;
        }
        if (bounds && entry.max().compareTo(entry.min()) < 0) {
            errors.add(at + "/max", "is below min");
        }
        if (bounds
                && entry.benchmark().isPresent()
                && (entry.benchmark().get().compareTo(entry.min()) < 0
                        || entry.benchmark().get().compareTo(entry.max()) > 0)) {
            errors.add(at + "/benchmark", "lies outside min..max");
        }
        return bounds;
    }

    /** Reads each entry of a list under its pointer ("/field/3"); an empty (null) entry is an error. */
    private static <E> void forEachEntry(String field, List<E> entries, Errors errors, BiConsumer<String, E> read) {
        for (int i = 0; i < entries.size(); i++) {
            String at = "/" + field + "/" + i;
            E entry = entries.get(i);
            if (entry == null) {
                errors.add(at, "is empty");
            } else {
                read.accept(at, entry);
            }
        }
    }

    private static Optional<RuleSetFile.Listing> listing(RuleSetFile.Listing listing, String at, Errors errors) {
        if (listing == null) {
            errors.add(at, "is missing");
            return Optional.empty();
        }
        if (blank(listing.source())) {
            errors.add(at + "/source", "is missing: every rule names where it comes from");
            return Optional.empty();
        }
        return Optional.of(listing);
    }

    private static Optional<String> prefix(String text, String pointer, Errors errors) {
        if (blank(text)) {
            errors.add(pointer, "is missing");
            return Optional.empty();
        }
        Optional<String> digits = HsCode.digits(text);
        if (digits.isEmpty() || digits.get().length() < 2 || digits.get().length() > 10) {
            errors.add(pointer, "an HS prefix is 2 to 10 digits (dots allowed): " + text);
            return Optional.empty();
        }
        if (!HsCode.knownChapter(digits.get())) {
            errors.add(pointer, "no HS chapter " + digits.get().substring(0, 2) + " exists");
            return Optional.empty();
        }
        return digits;
    }

    private static Optional<Currency> currency(String code, String pointer, Errors errors) {
        try {
            return Optional.of(Currency.of(code));
        } catch (DomainException e) {
            errors.add(pointer, "is not an ISO 4217 currency: " + code);
            return Optional.empty();
        }
    }

    private static void source(String source, String at, Errors errors) {
        if (blank(source)) {
            errors.add(at + "/source", "is missing: every rule names where it comes from");
        }
    }

    private static void dates(Optional<LocalDate> from, Optional<LocalDate> to, String at, Errors errors) {
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            errors.add(at + "/effective_to", "is before effective_from");
        }
    }

    /** The non-blank strings of a list by their pointer; a missing list or blank member is an error. */
    private static Map<String, String> listOf(List<String> values, String at, Errors errors) {
        Map<String, String> members = new LinkedHashMap<>();
        if (values == null) {
            errors.add(at, "is missing");
            return members;
        }
        for (int i = 0; i < values.size(); i++) {
            if (blank(values.get(i))) {
                errors.add(at + "/" + i, "is blank");
            } else {
                members.put(at + "/" + i, values.get(i).trim());
            }
        }
        return members;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static InvalidInputException invalid(String sourceName, List<String> errors) {
        String shown = errors.stream().limit(MAX_ERRORS_IN_MESSAGE).collect(Collectors.joining("; "));
        String more = errors.size() > MAX_ERRORS_IN_MESSAGE
                ? " (and " + (errors.size() - MAX_ERRORS_IN_MESSAGE) + " more)"
                : "";
        return new InvalidInputException(
                "RULES_INVALID",
                "rules file " + sourceName + " is invalid: " + shown + more,
                Map.of("errors", List.copyOf(errors)));
    }

    /** A Jackson failure as "element (line L, column C): problem". */
    private static String describe(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String where = location == null ? "" : "line " + location.getLineNr() + ", column " + location.getColumnNr();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException parse) {
                JsonLocation at = parse.getLocation() == null ? location : parse.getLocation();
                String line = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
                return line + "malformed JSON: " + firstLine(parse.getOriginalMessage());
            }
        }
        if (e instanceof JsonMappingException mapping) {
            String path = mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null
                            ? "." + reference.getFieldName()
                            : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining());
            path = path.startsWith(".") ? path.substring(1) : path;
            String problem;
            if (mapping instanceof UnrecognizedPropertyException unknown) {
                problem = "unknown field '" + unknown.getPropertyName() + "'";
            } else if (mapping instanceof InvalidFormatException invalid) {
                problem = "invalid value '" + invalid.getValue() + "'";
            } else if (path.isEmpty()) {
                problem = "the file is empty or not a JSON object";
            } else {
                problem = "missing or of the wrong type";
            }
            return (path.isEmpty() ? "" : path + " ") + "(" + where + "): " + problem;
        }
        return where + ": " + firstLine(e.getOriginalMessage());
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** Where each element of the document starts, by JSON pointer. */
    private static Map<String, Integer> lines(String content) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(content)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                String pointer = parser.getParsingContext().pathAsPointer().toString();
                lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
            }
        } catch (IOException e) {
            // The document was read successfully just before, so this cannot happen; without lines
            // the messages still name the element.
        }
        return lines;
    }

    /** Problems found, each as "element (line N): message". */
    private static final class Errors {
        private final Map<String, Integer> lines;
        private final List<String> list = new ArrayList<>();

        Errors(Map<String, Integer> lines) {
            this.lines = lines;
        }

        void add(String pointer, String message) {
            String line = lineOf(pointer).map(n -> " (line " + n + ")").orElse("");
            list.add(path(pointer) + line + ": " + message);
        }

        private Optional<Integer> lineOf(String pointer) {
            String candidate = pointer;
            while (!candidate.isEmpty()) {
                Integer line = lines.get(candidate);
                if (line != null) {
                    return Optional.of(line);
                }
                candidate = candidate.substring(0, candidate.lastIndexOf('/'));
            }
            return Optional.empty();
        }

        /** "/hs_rules/3/status" as "hs_rules[3].status". */
        private static String path(String pointer) {
            StringBuilder path = new StringBuilder();
            for (String part : pointer.substring(1).split("/")) {
                if (part.matches("\\d+")) {
                    path.append('[').append(part).append(']');
                } else {
                    path.append(path.length() == 0 ? "" : ".").append(part);
                }
            }
            return path.toString();
        }
    }
}
