package org.corridor.release;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.corridor.authorisation.EligibilityResult;
import org.corridor.authorisation.LineResult;
import org.corridor.authorisation.Verdict;
import org.corridor.money.Currency;
import org.corridor.money.Money;

/**
 * A request's goods lines as eligibility decided them, line by line: the quantities that may go
 * ahead, those escalated (split off into a held part), and the parts DENIED and removed.
 */
record LineDecisions(List<ReleaseLine> approvable, List<ReleaseLine> escalated, List<RemovedPart> removed) {

    /** The decision of a line held for a person or a licence. */
    static final String ESCALATE = "ESCALATE";

    /** Sorts each line's quantity by {@code result}, the eligibility of the request's lines in order. */
    static LineDecisions of(NewRequest request, EligibilityResult result, Currency currency) {
        List<ReleaseLine> approvable = new ArrayList<>();
        List<ReleaseLine> escalated = new ArrayList<>();
        List<RemovedPart> removed = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            decide(request.lines().get(i), result.lines().get(i), currency, approvable, escalated, removed);
        }
        return new LineDecisions(List.copyOf(approvable), List.copyOf(escalated), List.copyOf(removed));
    }

    /** A part's lines as decided before: those still ESCALATE are escalated, the others approvable. */
    static LineDecisions of(RequestRow.Decided decided) {
        List<ReleaseLine> approvable = new ArrayList<>();
        List<ReleaseLine> escalated = new ArrayList<>();
        for (ReleaseLine line : decided.lines()) {
            (ESCALATE.equals(line.decision()) ? escalated : approvable).add(line);
        }
        return new LineDecisions(List.copyOf(approvable), List.copyOf(escalated), decided.removed());
    }

    boolean nothingEligible() {
        return approvable.isEmpty() && escalated.isEmpty();
    }

    /** Every line that goes ahead in some part: the approvable ones, then the escalated ones. */
    List<ReleaseLine> all() {
        List<ReleaseLine> all = new ArrayList<>(approvable);
        all.addAll(escalated);
        return all;
    }

    /** Why the escalated lines are held: a specific licence when one of them needs it. */
    ReleaseReason escalationReason() {
        return escalated.stream()
                        .anyMatch(line -> line.reason()
                                .filter("SPECIFIC_LICENCE_REQUIRED"::equals)
                                .isPresent())
                ? ReleaseReason.SPECIFIC_LICENCE_REQUIRED
                : ReleaseReason.LINE_ESCALATED;
    }

    /** Sorts one line's quantity into the approvable part, the escalated part and removed parts. */
    private static void decide(
            NewRequest.LineInput input,
            LineResult result,
            Currency currency,
            List<ReleaseLine> approvable,
            List<ReleaseLine> escalated,
            List<RemovedPart> removed) {
        BigDecimal quantity = new BigDecimal(input.quantity().trim());
        BigDecimal price = new BigDecimal(input.unitPrice().trim());
        Verdict verdict = result.decision().verdict();
        Optional<String> reason = result.decision().reasonCode().map(Enum::name);
        if (result.allowedQuantity().signum() == 0) {
            if (verdict == Verdict.ESCALATE) {
                escalated.add(line(input, quantity, price, currency, ESCALATE, reason));
            } else {
                removed.add(
                        new RemovedPart(input.line().trim(), quantity.toPlainString(), "", reason.orElse("DENIED")));
            }
            return;
        }
        approvable.add(line(input, result.allowedQuantity(), price, currency, "ALLOWED", Optional.empty()));
        BigDecimal escalatedQuantity = BigDecimal.ZERO;
        for (LineResult.Portion portion : result.portions()) {
            Verdict part = portion.decision().verdict();
            String partReason = portion.decision().reasonCode().map(Enum::name).orElse("");
            if (part == Verdict.DENIED) {
                removed.add(new RemovedPart(
                        input.line().trim(),
                        portion.quantity().toPlainString(),
                        portion.endUserType().map(Enum::name).orElse(""),
                        partReason));
            } else if (part == Verdict.ESCALATE) {
                escalatedQuantity = escalatedQuantity.add(portion.quantity());
            }
        }
        if (escalatedQuantity.signum() > 0) {
            escalated.add(line(input, escalatedQuantity, price, currency, ESCALATE, Optional.of("END_USE_ESCALATED")));
        }
    }

    private static ReleaseLine line(
            NewRequest.LineInput input,
            BigDecimal quantity,
            BigDecimal price,
            Currency currency,
            String decision,
            Optional<String> reason) {
        return new ReleaseLine(
                input.line().trim(),
                input.description() == null ? "" : input.description().trim(),
                input.hsCode() == null ? "" : input.hsCode().trim(),
                quantity.stripTrailingZeros().toPlainString(),
                input.unit() == null ? "" : input.unit().trim(),
                price.toPlainString(),
                Money.ofMinor(RequestChecks.amountMinor(quantity, price, currency), currency)
                        .toDecimalString(),
                input.category() == null ? "" : input.category().trim().toUpperCase(Locale.ROOT),
                input.origin() == null ? "" : input.origin().trim().toUpperCase(Locale.ROOT),
                decision,
                reason);
    }
}
