package org.corridor.authorisation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The eligibility rule file as written (JSON, snake_case names): the format that ships as the
 * default rule set and that {@code rules import} accepts. docs/authorisation.md describes every
 * field; the parser checks them and names the element and line of each problem.
 *
 * @param format always {@code corridor-eligibility-rules/1}
 * @param unbenchmarkedPrice what happens to a line with no price band for its HS code, unit and
 *     currency: {@code NO_CHECK} or {@code ESCALATE}
 */
public record RuleSetFile(
        String format,
        String name,
        Optional<String> description,
        List<HsRuleEntry> hsRules,
        List<ItemEntry> excludedItems,
        List<ItemEntry> specificLicenceDevices,
        Listing excludedEndUsers,
        Listing blockedCurrencies,
        Map<String, List<String>> units,
        List<PriceBandEntry> priceBands,
        String unbenchmarkedPrice) {

    public static final String FORMAT = "corridor-eligibility-rules/1";

    /**
     * An HS prefix rule: codes starting with {@code prefix} (the longest matching prefix wins) get
     * {@code status} and may be claimed as one of {@code categories}.
     */
    public record HsRuleEntry(
            String prefix,
            String status,
            List<String> categories,
            Optional<String> note,
            String source,
            Optional<LocalDate> effectiveFrom,
            Optional<LocalDate> effectiveTo) {}

    /** An excluded item or a listed device: matched by HS prefix or by a keyword in the description. */
    public record ItemEntry(
            String name,
            List<String> hsPrefixes,
            List<String> keywords,
            String source,
            Optional<LocalDate> effectiveFrom,
            Optional<LocalDate> effectiveTo) {}

    /** A plain list of values (end-user types, currency codes) with its source reference. */
    public record Listing(List<String> values, String source) {}

    /** A price plausibility band per HS prefix, unit and currency (FR-20), bounds inclusive. */
    public record PriceBandEntry(
            String hsPrefix,
            String unit,
            String currency,
            BigDecimal min,
            BigDecimal max,
            Optional<BigDecimal> benchmark,
            String source) {}
}
