package org.corridor.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.corridor.money.Currency;
import org.corridor.money.Money;

/**
 * The approval chain by amount band (FR-28): maker and compliance checker always, senior compliance
 * above a threshold, and the Authority's prior approval when the authorisation demands it or above a
 * threshold. Thresholds are per currency; a currency without one needs senior compliance always, so
 * a missing setting never weakens the chain.
 *
 * @param seniorAbove amounts strictly above these need senior compliance
 * @param authorityAbove amounts strictly above these need the Authority's prior approval
 */
public record ApprovalPolicy(Map<Currency, Money> seniorAbove, Map<Currency, Money> authorityAbove) {

    /** Senior compliance above EUR 1,000,000 (the worked scenario of docs/domain.md step 6). */
    public static final ApprovalPolicy DEFAULT =
            new ApprovalPolicy(Map.of(Currency.EUR, Money.parse("1000000.00", Currency.EUR)), Map.of());

    public ApprovalPolicy {
        seniorAbove = Map.copyOf(seniorAbove);
        authorityAbove = Map.copyOf(authorityAbove);
    }

    /** The steps a request of {@code amount} needs, in order. */
    public List<ApprovalStep> steps(Money amount, boolean authorisationDemandsPriorApproval) {
        List<ApprovalStep> steps = new ArrayList<>(List.of(ApprovalStep.MAKER, ApprovalStep.COMPLIANCE));
        Optional<Money> senior = Optional.ofNullable(seniorAbove.get(amount.currency()));
        if (senior.isEmpty() || amount.compareTo(senior.get()) > 0) {
            steps.add(ApprovalStep.SENIOR_COMPLIANCE);
        }
        Optional<Money> authority = Optional.ofNullable(authorityAbove.get(amount.currency()));
        if (authorisationDemandsPriorApproval || (authority.isPresent() && amount.compareTo(authority.get()) > 0)) {
            steps.add(ApprovalStep.AUTHORITY);
        }
        return steps;
    }
}
