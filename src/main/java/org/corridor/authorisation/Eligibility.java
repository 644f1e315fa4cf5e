package org.corridor.authorisation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditLog;
import org.corridor.audit.CanonicalJson;
import org.corridor.audit.Hashing;
import org.corridor.money.Currency;
import org.corridor.transaction.Transactions;

/**
 * Eligibility of goods lines under versioned rules (FR-5, FR-17 to FR-20): each line ALLOWED,
 * ESCALATE(reason) or DENIED(reason), with the part of its quantity that may go ahead and the
 * rule-set version used. The default rule set ships in the jar and becomes version 1 the first
 * time rules are needed; an import adds and activates the next version. Thread-safe.
 */
public final class Eligibility {

    static final String DEFAULT_RULES_RESOURCE = "/authorisation/default-eligibility-rules.json";
    static final String DEFAULT_RULES_SOURCE = "classpath:authorisation/default-eligibility-rules.json";
    static final int MAX_LINES = 100_000;

    private final EligibilityRuleStore store = new EligibilityRuleStore();
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;
    private volatile Active cache;

    /** The active rule set, parsed, with its version. */
    private record Active(RuleSetInfo info, RuleSet rules) {}

    /** The version active after an import, and whether the import created it. */
    private record Added(RuleSetInfo info, boolean created) {}

    public Eligibility(Transactions transactions, AuditLog audit, Clock clock, ZoneId zone) {
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    /** Decides each line under the active rules effective on {@code on}. Changes nothing. */
    public EligibilityResult check(List<GoodsLine> lines, LocalDate on) {
        if (lines.size() > MAX_LINES) {
            throw new InvalidInputException("TOO_MANY_LINES", "at most " + MAX_LINES + " goods lines at once");
        }
        Active active = active();
        LineEvaluator evaluator = new LineEvaluator(active.rules(), on);
        return new EligibilityResult(
                active.info(), on, lines.stream().map(evaluator::evaluate).toList());
    }

    /**
     * Decides the lines and records the decisions in the audit trail under {@code subject}, with
     * the rule-set version they used.
     */
    public EligibilityResult check(Actor by, String subject, List<GoodsLine> lines, LocalDate on) {
        EligibilityResult result = check(lines, on);
        AuditEvent decision = new AuditEvent(
                by,
                "ELIGIBILITY_CHECKED",
                subject,
                CanonicalJson.fields("lines", lines.size(), "on", on.toString()),
                CanonicalJson.fields(
                        "decisions",
                        result.lines().stream()
                                .map(line -> CanonicalJson.fields(
                                        "line", line.line(),
                                        "decision", line.decision().verdict().name(),
                                        "reason",
                                                line.decision()
                                                        .reasonCode()
                                                        .map(Enum::name)
                                                        .orElse(""),
                                        "allowed_quantity",
                                                line.allowedQuantity().toPlainString()))
                                .toList()),
                result.versions());
        transactions.useTransaction(tx -> audit.append(tx, decision));
        return result;
    }

    /** The active rule-set version, installing the shipped default as version 1 if none is stored. */
    public RuleSetInfo activeRules() {
        return active().info();
    }

    public List<RuleSetInfo> ruleVersions() {
        active();
        return transactions.read(store::versions);
    }

    /** The document of a stored version, exactly as imported. */
    public String rulesContent(int version) {
        return stored(version).content();
    }

    public RuleSetInfo rules(int version) {
        return stored(version).info();
    }

    private EligibilityRuleStore.Stored stored(int version) {
        active();
        return transactions
                .read(tx -> store.version(tx, version))
                .orElseThrow(() -> new NotFoundException("RULES_VERSION_NOT_FOUND", "no rule-set version " + version));
    }

    /**
     * Checks a rule file and, if it is valid and differs from the active version, stores and
     * activates it as the next version. A malformed file is refused whole, naming each problem
     * with its element and line.
     */
    public ImportOutcome importRules(Actor by, String sourceName, String content) {
        String text = withoutBom(content);
        RuleSet rules = RuleSetParser.parse(sourceName, text);
        active();
        Added added = add(rules, sourceName, text, by, false);
        return new ImportOutcome(added.info(), added.created());
    }

    /**
     * Checks a rule file without storing it; refuses it as {@link #importRules} would. Lets an edge
     * refuse a malformed file before it opens anything.
     */
    public static void validateRules(String sourceName, String content) {
        RuleSetParser.parse(sourceName, withoutBom(content));
    }

    /** The rule set that ships with Corridor, as its JSON document. */
    public static String defaultRulesContent() {
        try (InputStream in = Eligibility.class.getResourceAsStream(DEFAULT_RULES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the default rule set is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped default rule set, parsed (for tests and for the first start). */
    static RuleSet defaultRuleSet() {
        return RuleSetParser.parse(DEFAULT_RULES_SOURCE, defaultRulesContent());
    }

    /** Today's business date in the channel's zone: the default date of a check. */
    public LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    private Active active() {
        Active cached = cache;
        Optional<Integer> version = transactions.read(store::activeVersion);
        if (cached != null && version.isPresent() && cached.info().version() == version.get()) {
            return cached;
        }
        if (version.isEmpty()) {
            installDefault();
        }
        EligibilityRuleStore.Stored stored = transactions
                .read(store::active)
                .orElseThrow(() -> new IllegalStateException("no eligibility rules after installing the default"));
        Active fresh = new Active(
                stored.info(), RuleSetParser.parse("version " + stored.info().version(), stored.content()));
        cache = fresh;
        return fresh;
    }

    private void installDefault() {
        String content = defaultRulesContent();
        add(RuleSetParser.parse(DEFAULT_RULES_SOURCE, content), DEFAULT_RULES_SOURCE, content, Actor.SYSTEM, true);
    }

    /**
     * Stores {@code content} as the next version with its audit entry, unless it is already the
     * active one (same hash), or, with {@code onlyIfEmpty}, unless any version exists.
     */
    private Added add(RuleSet rules, String sourceName, String content, Actor by, boolean onlyIfEmpty) {
        String sha256 = Hashing.sha256Hex(content);
        return transactions.inTransaction(tx -> {
            store.lockVersions(tx);
            Optional<EligibilityRuleStore.Stored> current = store.active(tx);
            if (current.isPresent()
                    && (onlyIfEmpty || current.get().info().sha256().equals(sha256))) {
                return new Added(current.get().info(), false);
            }
            int version = current.map(stored -> stored.info().version() + 1).orElse(1);
            RuleSetInfo info = new RuleSetInfo(
                    version,
                    rules.name(),
                    sourceName,
                    sha256,
                    clock.instant().truncatedTo(ChronoUnit.MICROS),
                    by.name());
            store.insert(tx, info, content);
            audit.append(
                    tx,
                    new AuditEvent(
                            by,
                            "RULES_IMPORTED",
                            "eligibility-rules:" + version,
                            CanonicalJson.fields("source_name", sourceName, "sha256", sha256),
                            summary(rules, version),
                            Map.of(EligibilityResult.VERSION_KEY, Integer.toString(version))));
            return new Added(info, true);
        });
    }

    private static Map<String, Object> summary(RuleSet rules, int version) {
        return CanonicalJson.fields(
                "version", version,
                "name", rules.name(),
                "hs_rules", rules.hsRules().size(),
                "excluded_items", rules.excludedItems().size(),
                "specific_licence_devices", rules.specificLicenceDevices().size(),
                "excluded_end_users",
                        rules.excludedEndUsers().stream().map(Enum::name).toList(),
                "blocked_currencies",
                        rules.blockedCurrencies().stream().map(Currency::code).toList(),
                "price_bands", rules.priceBands().size());
    }

    private static String withoutBom(String text) {
        return text != null && text.startsWith("\uFEFF") ? text.substring(1) : text == null ? "" : text;
    }
}
