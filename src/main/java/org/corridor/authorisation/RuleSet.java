package org.corridor.authorisation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.corridor.money.Currency;

/** A checked, ready-to-use set of eligibility rules (see {@link RuleSetFile} for the file it comes from). Immutable. */
record RuleSet(
        String name,
        List<HsRule> hsRules,
        List<ItemRule> excludedItems,
        List<ItemRule> specificLicenceDevices,
        Set<EndUserType> excludedEndUsers,
        String excludedEndUsersSource,
        Set<Currency> blockedCurrencies,
        String blockedCurrenciesSource,
        Map<String, String> unitAliases,
        List<PriceBand> priceBands,
        boolean escalateUnbenchmarked) {

    /** The canonical unit that {@code unit} names (a canonical name itself or one of its aliases), if any. */
    Optional<String> canonicalUnit(String unit) {
        String key = unit.trim().toLowerCase(Locale.ROOT);
        return Optional.ofNullable(unitAliases.get(key));
    }

    record HsRule(
            String prefix,
            Verdict status,
            Set<Category> categories,
            String note,
            String source,
            Optional<LocalDate> effectiveFrom,
            Optional<LocalDate> effectiveTo) {
        boolean effectiveOn(LocalDate date) {
            return Effective.on(date, effectiveFrom, effectiveTo);
        }
    }

    /** An excluded item or listed device. Keywords are stored as normalised words. */
    record ItemRule(
            String name,
            List<String> hsPrefixes,
            List<String> keywords,
            String source,
            Optional<LocalDate> effectiveFrom,
            Optional<LocalDate> effectiveTo) {
        boolean effectiveOn(LocalDate date) {
            return Effective.on(date, effectiveFrom, effectiveTo);
        }

        boolean matchesCode(String hsDigits) {
            return hsPrefixes.stream().anyMatch(hsDigits::startsWith);
        }

        Optional<String> matchedKeyword(String descriptionWords) {
            return keywords.stream()
                    .filter(keyword -> Text.containsWords(descriptionWords, keyword))
                    .findFirst();
        }
    }

    record PriceBand(
            String hsPrefix,
            String unit,
            Currency currency,
            BigDecimal min,
            BigDecimal max,
            Optional<BigDecimal> benchmark,
            String source) {}

    /** Effective dates of a rule: inclusive, either end open. */
    static final class Effective {
        private Effective() {}

        static boolean on(LocalDate date, Optional<LocalDate> from, Optional<LocalDate> to) {
            return from.map(start -> !date.isBefore(start)).orElse(true)
                    && to.map(end -> !date.isAfter(end)).orElse(true);
        }
    }
}
