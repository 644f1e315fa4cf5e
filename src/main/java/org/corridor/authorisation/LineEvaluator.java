package org.corridor.authorisation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.corridor.money.Currency;

/**
 * Decides goods lines one by one against one rule set, on one date (FR-17 to FR-20). Each line is
 * decided on its own: a denied line never affects another. Every missing field yields a reason,
 * so a line with missing data is never ALLOWED. Immutable and thread-safe.
 */
record LineEvaluator(RuleSet rules, LocalDate on, DescriptionCheck goods) {

    LineEvaluator(RuleSet rules, LocalDate on) {
        this(rules, on, DescriptionCheck.shipped());
    }

    LineResult evaluate(GoodsLine line) {
        List<EligibilityFinding> findings = new ArrayList<>();
        Optional<String> hs = hsCode(line, findings);
        String words = Text.words(line.description().orElse(""));
        checkExcludedItems(hs, words, findings);
        Optional<RuleSet.HsRule> rule = hs.flatMap(this::hsRule);
        hs.ifPresent(code -> checkHsRule(code, rule, findings));
        checkSpecificLicenceDevices(hs, words, findings);
        checkCategory(line, rule, findings);
        if (line.description().isEmpty()) {
            add(findings, EligibilityReason.DESCRIPTION_MISSING, "no description", "");
        } else {
            findings.addAll(goods.check(hs, line.description().get(), rules, on));
        }
        boolean quantityValid = line.quantity().filter(q -> q.signum() > 0).isPresent();
        if (!quantityValid) {
            add(
                    findings,
                    EligibilityReason.QUANTITY_INVALID,
                    line.quantity()
                            .map(q -> "quantity " + q.toPlainString() + " is not positive")
                            .orElse("no quantity"),
                    "");
        }
        if (line.unit().isEmpty()) {
            add(findings, EligibilityReason.UNIT_MISSING, "no unit", "");
        }
        boolean priceValid = line.unitPrice().filter(p -> p.signum() > 0).isPresent();
        if (!priceValid) {
            add(
                    findings,
                    EligibilityReason.PRICE_INVALID,
                    line.unitPrice()
                            .map(p -> "unit price " + p.toPlainString() + " is not positive")
                            .orElse("no unit price"),
                    "");
        }
        checkCurrency(line, findings);
        if (hs.isPresent()
                && priceValid
                && line.unit().isPresent()
                && line.currency().isPresent()) {
            checkPrice(
                    hs.get(),
                    line.unit().get(),
                    line.unitPrice().get(),
                    line.currency().get(),
                    findings);
        }
        if (quantityValid) {
            checkEndUseQuantities(line, findings);
        }
        return decide(line, quantityValid, findings);
    }

    /** Items excluded from the channel, named by HS code (excluded) or only by description (suspected). */
    private void checkExcludedItems(Optional<String> hs, String words, List<EligibilityFinding> findings) {
        for (RuleSet.ItemRule item : rules.excludedItems()) {
            if (!item.effectiveOn(on)) {
                continue;
            }
            Optional<String> keyword = item.matchedKeyword(words);
            if (hs.isPresent() && item.matchesCode(hs.get())) {
                add(findings, EligibilityReason.EXCLUDED_ITEM, item.name() + " by HS code", item.source());
            } else if (keyword.isPresent()) {
                add(
                        findings,
                        EligibilityReason.EXCLUDED_ITEM_SUSPECTED,
                        "the description names " + item.name() + " ('" + keyword.get() + "')",
                        item.source());
            }
        }
    }

    /** What the HS rule covering the code says: not covered, denied or to be reviewed. */
    private static void checkHsRule(String hs, Optional<RuleSet.HsRule> rule, List<EligibilityFinding> findings) {
        if (rule.isEmpty()) {
            add(findings, EligibilityReason.HS_CODE_NOT_COVERED, "no HS rule covers " + HsCode.dotted(hs), "");
        } else if (rule.get().status() == Verdict.DENIED) {
            add(
                    findings,
                    EligibilityReason.HS_CODE_DENIED,
                    describe(rule.get()),
                    rule.get().source());
        } else if (rule.get().status() == Verdict.ESCALATE) {
            add(
                    findings,
                    EligibilityReason.HS_REVIEW_REQUIRED,
                    describe(rule.get()),
                    rule.get().source());
        }
    }

    /** Devices that need a specific licence, by HS code or by description. */
    private void checkSpecificLicenceDevices(Optional<String> hs, String words, List<EligibilityFinding> findings) {
        for (RuleSet.ItemRule device : rules.specificLicenceDevices()) {
            if (!device.effectiveOn(on)) {
                continue;
            }
            Optional<String> keyword = device.matchedKeyword(words);
            if (hs.isPresent() && device.matchesCode(hs.get())) {
                add(
                        findings,
                        EligibilityReason.SPECIFIC_LICENCE_REQUIRED,
                        device.name() + " by HS code",
                        device.source());
            } else if (keyword.isPresent()) {
                add(
                        findings,
                        EligibilityReason.SPECIFIC_LICENCE_REQUIRED,
                        device.name() + " by description ('" + keyword.get() + "')",
                        device.source());
            }
        }
    }

    /** The claimed category: present, and one the HS rule allows. */
    private static void checkCategory(
            GoodsLine line, Optional<RuleSet.HsRule> rule, List<EligibilityFinding> findings) {
        if (line.category().isEmpty()) {
            add(findings, EligibilityReason.CATEGORY_UNKNOWN, "no known category claimed", "");
        } else if (rule.isPresent()
                && !rule.get().categories().contains(line.category().get())) {
            add(
                    findings,
                    EligibilityReason.CATEGORY_MISMATCH,
                    "claimed " + line.category().get() + "; HS "
                            + HsCode.dotted(rule.get().prefix()) + " is "
                            + rule.get().categories(),
                    rule.get().source());
        }
    }

    /** The currency: known, and not blocked. */
    private void checkCurrency(GoodsLine line, List<EligibilityFinding> findings) {
        if (line.currency().isEmpty()) {
            add(findings, EligibilityReason.CURRENCY_INVALID, "no known currency", "");
        } else if (rules.blockedCurrencies().contains(line.currency().get())) {
            add(
                    findings,
                    EligibilityReason.CURRENCY_BLOCKED,
                    line.currency().get() + " is blocked",
                    rules.blockedCurrenciesSource());
        }
    }

    /** The line's HS code as digits when it is usable; otherwise a finding. */
    private static Optional<String> hsCode(GoodsLine line, List<EligibilityFinding> findings) {
        if (line.hsCode().isEmpty()) {
            add(findings, EligibilityReason.HS_CODE_MISSING, "no HS code", "");
            return Optional.empty();
        }
        String text = line.hsCode().get();
        Optional<String> digits = HsCode.digits(text);
        if (digits.isEmpty() || digits.get().length() < 6 || digits.get().length() > 10) {
            add(
                    findings,
                    EligibilityReason.HS_CODE_MALFORMED,
                    "'" + text + "' is not an HS code of 6 to 10 digits",
                    "");
            return Optional.empty();
        }
        if (!HsCode.knownChapter(digits.get())) {
            add(
                    findings,
                    EligibilityReason.HS_CODE_UNKNOWN,
                    "HS chapter " + digits.get().substring(0, 2) + " does not exist",
                    "");
            return Optional.empty();
        }
        return digits;
    }

    /** The effective rule with the longest prefix of the code. */
    private Optional<RuleSet.HsRule> hsRule(String digits) {
        return rules.hsRules().stream()
                .filter(rule -> rule.effectiveOn(on) && digits.startsWith(rule.prefix()))
                .max(Comparator.comparingInt(rule -> rule.prefix().length()));
    }

    private void checkPrice(
            String hs, String unit, BigDecimal price, Currency currency, List<EligibilityFinding> findings) {
        Optional<String> canonical = rules.canonicalUnit(unit);
        Optional<RuleSet.PriceBand> band = canonical.flatMap(name -> rules.priceBands().stream()
                .filter(b -> hs.startsWith(b.hsPrefix())
                        && b.unit().equals(name)
                        && b.currency().equals(currency))
                .max(Comparator.comparingInt(b -> b.hsPrefix().length())));
        if (band.isPresent()) {
            RuleSet.PriceBand b = band.get();
            if (price.compareTo(b.min()) < 0 || price.compareTo(b.max()) > 0) {
                add(
                        findings,
                        EligibilityReason.PRICE_IMPLAUSIBLE,
                        currency + " " + price.toPlainString() + " per " + b.unit() + " is outside "
                                + b.min().toPlainString() + " to " + b.max().toPlainString()
                                + b.benchmark()
                                        .map(m -> " (benchmark " + m.toPlainString() + ")")
                                        .orElse(""),
                        b.source());
            }
        } else if (rules.escalateUnbenchmarked()) {
            add(
                    findings,
                    EligibilityReason.PRICE_NOT_BENCHMARKED,
                    "no price band for HS " + HsCode.dotted(hs) + " per " + unit + " in " + currency,
                    "");
        }
    }

    private static void checkEndUseQuantities(GoodsLine line, List<EligibilityFinding> findings) {
        if (line.endUses().isEmpty()) {
            return;
        }
        BigDecimal total = BigDecimal.ZERO;
        for (EndUse use : line.endUses()) {
            if (use.quantity().signum() <= 0) {
                add(
                        findings,
                        EligibilityReason.END_USE_QUANTITY_MISMATCH,
                        "an end user's quantity " + use.quantity().toPlainString() + " is not positive",
                        "");
                return;
            }
            total = total.add(use.quantity());
        }
        BigDecimal quantity = line.quantity().orElseThrow();
        if (total.compareTo(quantity) != 0) {
            add(
                    findings,
                    EligibilityReason.END_USE_QUANTITY_MISMATCH,
                    "end users receive " + total.toPlainString() + " of " + quantity.toPlainString(),
                    "");
        }
    }

    /** Decides each end user's part, then the line. */
    private LineResult decide(GoodsLine line, boolean quantityValid, List<EligibilityFinding> lineFindings) {
        List<EndUse> uses = line.endUses().isEmpty()
                ? List.of(new EndUse(Optional.empty(), line.quantity().orElse(BigDecimal.ZERO)))
                : line.endUses();
        List<EligibilityFinding> all = new ArrayList<>(lineFindings);
        List<LineResult.Portion> portions = new ArrayList<>();
        BigDecimal allowed = BigDecimal.ZERO;
        for (EndUse use : uses) {
            List<EligibilityFinding> portionFindings = new ArrayList<>(lineFindings);
            Optional<EligibilityFinding> endUser = endUserFinding(use);
            endUser.ifPresent(portionFindings::add);
            endUser.filter(f -> !all.contains(f)).ifPresent(all::add);
            LineDecision decision = LineDecision.of(
                    portionFindings.stream().map(EligibilityFinding::reason).min(Comparator.naturalOrder()));
            portions.add(new LineResult.Portion(use.type(), use.quantity(), decision));
            if (decision.verdict() == Verdict.ALLOWED && quantityValid) {
                allowed = allowed.add(use.quantity());
            }
        }
        LineDecision decision;
        if (allowed.signum() > 0) {
            decision = new LineDecision.Allowed();
        } else {
            decision = portions.stream()
                    .map(LineResult.Portion::decision)
                    .filter(d -> d.verdict() == Verdict.ESCALATE)
                    .findFirst()
                    .or(() -> portions.stream()
                            .map(LineResult.Portion::decision)
                            .filter(d -> d.verdict() == Verdict.DENIED)
                            .findFirst())
                    .orElseGet(() -> LineDecision.of(all.stream()
                            .map(EligibilityFinding::reason)
                            .min(Comparator.naturalOrder())
                            .or(() -> Optional.of(EligibilityReason.QUANTITY_INVALID))));
        }
        return new LineResult(line.line(), decision, line.quantity(), allowed, portions, all);
    }

    private Optional<EligibilityFinding> endUserFinding(EndUse use) {
        if (use.type().isEmpty()) {
            return Optional.of(new EligibilityFinding(
                    EligibilityReason.END_USER_UNKNOWN, "no known end-user type", Optional.empty()));
        }
        if (rules.excludedEndUsers().contains(use.type().get())) {
            return Optional.of(new EligibilityFinding(
                    EligibilityReason.END_USER_EXCLUDED,
                    use.type().get() + " end users are excluded ("
                            + use.quantity().toPlainString() + ")",
                    Optional.of(rules.excludedEndUsersSource())));
        }
        return Optional.empty();
    }

    private static String describe(RuleSet.HsRule rule) {
        return "HS " + HsCode.dotted(rule.prefix()) + " is " + rule.status()
                + (rule.note().isEmpty() ? "" : ": " + rule.note());
    }

    private static void add(List<EligibilityFinding> findings, EligibilityReason reason, String detail, String source) {
        findings.add(new EligibilityFinding(reason, detail, source.isEmpty() ? Optional.empty() : Optional.of(source)));
    }
}
