package org.corridor.authorisation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.corridor.money.Currency;
import org.corridor.money.Money;

/**
 * The coverage check itself, free of storage: each authorisation's terms against one movement and
 * the usage already recorded. Every term whose data is missing or cannot be measured yields a
 * finding, so an incomplete movement is refused, never passed. Stateless and thread-safe.
 */
final class CoverageRules {

    private CoverageRules() {}

    /** One authorisation's verdict on one movement: covered when there are no findings. */
    record Evaluation(Authorisation authorisation, List<CoverageFinding> findings, List<Requirement> requirements) {
        boolean covers() {
            return findings.isEmpty();
        }

        boolean has(CoverageReason reason) {
            return findings.stream().anyMatch(finding -> finding.reason() == reason);
        }
    }

    /**
     * Coverage of {@code movement} by the whole register.
     *
     * @param usage recorded usage per authorisation (only needed for authorisations with caps)
     * @param linked recorded usage sharing the movement's linked-payment key, for aggregation
     */
    static Coverage cover(
            List<Authorisation> register, Movement movement, Map<UUID, List<Usage>> usage, List<Usage> linked) {
        List<Evaluation> evaluations = register.stream()
                .map(authorisation ->
                        evaluate(authorisation, movement, usage.getOrDefault(authorisation.id(), List.of()), linked))
                .toList();
        List<CoveringAuthorisation> covering = evaluations.stream()
                .filter(Evaluation::covers)
                .sorted(Comparator.comparing((Evaluation e) -> e.authorisation().validTo())
                        .reversed()
                        .thenComparing(e -> e.authorisation().reference()))
                .map(e -> new CoveringAuthorisation(e.authorisation(), e.requirements()))
                .toList();
        if (!covering.isEmpty()) {
            return new Coverage.Covered(covering);
        }
        List<CoverageFinding> findings =
                evaluations.stream().flatMap(e -> e.findings().stream()).toList();
        return new Coverage.NotCovered(reasons(evaluations), findings);
    }

    /**
     * The reasons of a refusal, from the authorisations that came closest: those that permit this
     * kind of movement and are valid on the date, else those that permit it on other dates (so a
     * lapsed waiver shows AUTHORISATION_EXPIRED), else none permits it at all.
     */
    private static List<CoverageReason> reasons(List<Evaluation> evaluations) {
        List<Evaluation> relevant = evaluations.stream()
                .filter(e -> !e.has(CoverageReason.MOVEMENT_NOT_PERMITTED))
                .toList();
        if (relevant.isEmpty()) {
            List<CoverageReason> reasons = new ArrayList<>(List.of(CoverageReason.NO_AUTHORISATION));
            if (!evaluations.isEmpty()) {
                reasons.add(CoverageReason.MOVEMENT_NOT_PERMITTED);
            }
            return reasons;
        }
        List<Evaluation> dateValid = relevant.stream()
                .filter(e -> !e.has(CoverageReason.AUTHORISATION_EXPIRED) && !e.has(CoverageReason.NOT_YET_VALID))
                .toList();
        List<Evaluation> closest = dateValid.isEmpty() ? relevant : dateValid;
        Set<CoverageReason> reasons = EnumSet.noneOf(CoverageReason.class);
        closest.forEach(e -> e.findings().forEach(finding -> reasons.add(finding.reason())));
        return List.copyOf(reasons);
    }

    static Evaluation evaluate(Authorisation authorisation, Movement movement, List<Usage> usage, List<Usage> linked) {
        Findings findings = new Findings(authorisation);
        checkDatesAndKind(authorisation, movement, findings);
        checkCurrencies(authorisation, movement, findings);
        checkPurposes(authorisation, movement, findings);
        checkLocations(authorisation, movement, findings);
        List<Usage> ownUsage = others(usage, movement);
        for (Cap cap : authorisation.caps()) {
            if (cap.movements().contains(movement.kind())) {
                checkCap(cap, movement, ownUsage, findings);
            }
        }
        List<Requirement> requirements = requirements(authorisation, movement, others(linked, movement), findings);
        return new Evaluation(authorisation, findings.list(), requirements);
    }

    private static void checkDatesAndKind(Authorisation authorisation, Movement movement, Findings findings) {
        LocalDate date = movement.executionDate();
        if (date.isBefore(authorisation.validFrom())) {
            findings.add(
                    CoverageReason.NOT_YET_VALID, "valid from " + authorisation.validFrom() + ", execution on " + date);
        }
        if (date.isAfter(authorisation.validTo())) {
            findings.add(
                    CoverageReason.AUTHORISATION_EXPIRED,
                    "valid to " + authorisation.validTo() + ", execution on " + date);
        }
        if (!authorisation.permittedMovements().contains(movement.kind())) {
            findings.add(
                    CoverageReason.MOVEMENT_NOT_PERMITTED,
                    movement.kind() + " is not among " + authorisation.permittedMovements());
        }
    }

    /**
     * What the movement needs besides coverage: the Authority's prior approval (per movement kind or
     * past a threshold of the linked payments), missing when no approval reference is given, and
     * notifications past the other thresholds.
     */
    private static List<Requirement> requirements(
            Authorisation authorisation, Movement movement, List<Usage> linkedUsage, Findings findings) {
        List<Requirement> requirements = new ArrayList<>();
        List<String> approvalBecause = new ArrayList<>();
        if (authorisation.priorApprovalFor().contains(movement.kind())) {
            approvalBecause.add("prior approval per " + movement.kind());
        }
        for (Threshold threshold : authorisation.thresholds()) {
            if (!threshold.movements().contains(movement.kind())) {
                continue;
            }
            Optional<String> crossed = crossed(threshold, movement, linkedUsage);
            if (crossed.isEmpty()) {
                continue;
            }
            if (threshold.action() == Threshold.Action.PRIOR_APPROVAL) {
                approvalBecause.add(crossed.get());
            } else {
                requirements.add(new Requirement(Requirement.Kind.NOTIFY_AUTHORITY, crossed.get(), Optional.empty()));
            }
        }
        if (!approvalBecause.isEmpty()) {
            String because = String.join("; ", approvalBecause);
            if (movement.priorApprovalReference().isEmpty()) {
                findings.add(CoverageReason.PRIOR_APPROVAL_MISSING, because + "; no approval reference given");
            } else {
                requirements.add(
                        0,
                        new Requirement(Requirement.Kind.PRIOR_APPROVAL, because, movement.priorApprovalReference()));
            }
        }
        return List.copyOf(requirements);
    }

    private static void checkCurrencies(Authorisation authorisation, Movement movement, Findings findings) {
        List<Currency> currencies = new ArrayList<>();
        currencies.add(movement.amount().currency());
        movement.counterAmount().ifPresent(counter -> currencies.add(counter.currency()));
        if (movement.kind() == MovementKind.CONVERSION
                && movement.counterAmount().isEmpty()) {
            findings.add(CoverageReason.CURRENCY_NOT_PERMITTED, "a conversion names no target currency and amount");
        }
        for (Currency currency : currencies) {
            if (authorisation.prohibitedCurrencies().contains(currency)) {
                findings.add(CoverageReason.CURRENCY_PROHIBITED, currency + " is prohibited");
            } else if (!authorisation.permittedCurrencies().contains(currency)) {
                findings.add(
                        CoverageReason.CURRENCY_NOT_PERMITTED,
                        currency + " is not among " + codes(authorisation.permittedCurrencies()));
            }
        }
    }

    private static void checkPurposes(Authorisation authorisation, Movement movement, Findings findings) {
        if (movement.kind() == MovementKind.DISBURSEMENT && movement.purposes().isEmpty()) {
            findings.add(CoverageReason.PURPOSE_NOT_PERMITTED, "a disbursement names no purpose");
        }
        for (Category purpose : movement.purposes()) {
            if (!authorisation.permittedPurposes().contains(purpose)) {
                findings.add(
                        CoverageReason.PURPOSE_NOT_PERMITTED,
                        purpose + " is not among " + authorisation.permittedPurposes());
            }
        }
    }

    private static void checkLocations(Authorisation authorisation, Movement movement, Findings findings) {
        checkLocation(authorisation, movement.accountLocation(), "account location", findings);
        boolean needsDestination =
                movement.kind() == MovementKind.TRANSFER || movement.kind() == MovementKind.CONVERSION;
        if (needsDestination || movement.destinationLocation().isPresent()) {
            checkLocation(authorisation, movement.destinationLocation(), "destination location", findings);
        }
    }

    private static void checkLocation(
            Authorisation authorisation, Optional<String> location, String what, Findings findings) {
        if (location.isEmpty()) {
            findings.add(CoverageReason.LOCATION_NOT_PERMITTED, "the " + what + " is missing");
        } else if (!authorisation.permittedLocations().contains(location.get())) {
            findings.add(
                    CoverageReason.LOCATION_NOT_PERMITTED,
                    "the " + what + " " + location.get() + " is not among " + authorisation.permittedLocations());
        }
    }

    private static void checkCap(Cap cap, Movement movement, List<Usage> usage, Findings findings) {
        Currency currency = cap.limit().currency();
        Optional<Money> own = measure(movement.amount(), movement.counterAmount(), currency);
        if (own.isEmpty()) {
            findings.add(CoverageReason.CAP_EXCEEDED, "the movement cannot be measured against the cap " + cap);
            return;
        }
        List<Usage> counted =
                usage.stream().filter(u -> cap.movements().contains(u.kind())).toList();
        LocalDate date = movement.executionDate();
        switch (cap.scope()) {
            case PER_TRANSACTION -> {
                if (own.get().compareTo(cap.limit()) > 0) {
                    findings.add(CoverageReason.CAP_EXCEEDED, own.get() + " is over the cap " + cap);
                }
            }
            case TOTAL -> checkSum(cap, own.get(), counted, "in total", findings);
            case PER_PERIOD -> {
                // Every window of periodDays days that contains the execution date must stay within the cap.
                for (int start = 1 - cap.periodDays(); start <= 0; start++) {
                    LocalDate from = date.plusDays(start);
                    LocalDate to = from.plusDays(cap.periodDays() - 1L);
                    List<Usage> inWindow = counted.stream()
                            .filter(u -> !u.executionDate().isBefore(from)
                                    && !u.executionDate().isAfter(to))
                            .toList();
                    if (!checkSum(cap, own.get(), inWindow, "from " + from + " to " + to, findings)) {
                        return;
                    }
                }
            }
        }
    }

    /** Adds a finding and answers false when usage plus this movement exceeds the cap. */
    private static boolean checkSum(Cap cap, Money own, List<Usage> usage, String when, Findings findings) {
        Money used = Money.zero(cap.limit().currency());
        for (Usage recorded : usage) {
            Optional<Money> measured = measure(recorded.amount(), recorded.counterAmount(), used.currency());
            if (measured.isEmpty()) {
                findings.add(
                        CoverageReason.CAP_EXCEEDED,
                        "recorded usage " + recorded.movementReference() + " cannot be measured against the cap "
                                + cap);
                return false;
            }
            used = used.plus(measured.get());
        }
        Money total = used.plus(own);
        if (total.compareTo(cap.limit()) > 0) {
            findings.add(
                    CoverageReason.CAP_EXCEEDED,
                    "used " + used + " " + when + " plus " + own + " is over the cap " + cap);
            return false;
        }
        return true;
    }

    /**
     * Why the threshold is crossed, or empty when it is not. A movement that cannot be measured in
     * the threshold's currency, or that cannot be aggregated for want of a linked-payment key,
     * counts as crossing it.
     */
    private static Optional<String> crossed(Threshold threshold, Movement movement, List<Usage> linked) {
        Currency currency = threshold.amount().currency();
        Optional<Money> own = measure(movement.amount(), movement.counterAmount(), currency);
        if (own.isEmpty()) {
            return Optional.of("the movement cannot be measured against the threshold " + threshold);
        }
        Money total = own.get();
        if (threshold.aggregationDays() > 0) {
            if (movement.linkedPaymentKey().isEmpty()) {
                return Optional.of("no linked-payment key to aggregate by for the threshold " + threshold);
            }
            LocalDate from = movement.executionDate().minusDays(threshold.aggregationDays() - 1L);
            for (Usage recorded : linked) {
                boolean inWindow = !recorded.executionDate().isBefore(from)
                        && !recorded.executionDate().isAfter(movement.executionDate());
                if (!inWindow
                        || !threshold.movements().contains(recorded.kind())
                        || !recorded.linkedPaymentKey().equals(movement.linkedPaymentKey())) {
                    continue;
                }
                Optional<Money> measured = measure(recorded.amount(), recorded.counterAmount(), currency);
                if (measured.isEmpty()) {
                    return Optional.of("linked payment " + recorded.movementReference()
                            + " cannot be measured against the threshold " + threshold);
                }
                total = total.plus(measured.get());
            }
        }
        if (!threshold.crossedBy(total)) {
            return Optional.empty();
        }
        String aggregate = total.equals(own.get()) ? total.toString() : total + " with linked payments";
        return Optional.of(aggregate + " crosses " + threshold);
    }

    /** The amount in {@code currency}: the amount itself, or the counter amount of a conversion. */
    private static Optional<Money> measure(Money amount, Optional<Money> counterAmount, Currency currency) {
        if (amount.currency().equals(currency)) {
            return Optional.of(amount);
        }
        return counterAmount.filter(counter -> counter.currency().equals(currency));
    }

    /** Usage records of other movements, once per movement reference. */
    private static List<Usage> others(List<Usage> usage, Movement movement) {
        Map<String, Usage> distinct = new LinkedHashMap<>();
        for (Usage recorded : usage) {
            if (movement.reference()
                    .filter(recorded.movementReference()::equals)
                    .isEmpty()) {
                distinct.putIfAbsent(recorded.movementReference(), recorded);
            }
        }
        return List.copyOf(distinct.values());
    }

    private static String codes(Set<Currency> currencies) {
        return currencies.stream().map(Currency::code).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Findings of one authorisation, in the order found. */
    private static final class Findings {
        private final Authorisation authorisation;
        private final List<CoverageFinding> list = new ArrayList<>();

        Findings(Authorisation authorisation) {
            this.authorisation = authorisation;
        }

        void add(CoverageReason reason, String detail) {
            list.add(new CoverageFinding(authorisation.id(), authorisation.reference(), reason, detail));
        }

        List<CoverageFinding> list() {
            return List.copyOf(list);
        }
    }
}
