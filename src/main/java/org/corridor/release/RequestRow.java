package org.corridor.release;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.money.Currency;
import org.corridor.money.Money;

/**
 * A request's row as stored: what was submitted, the part of it this row pays, and where it stands.
 * {@link Release} is the same request as the API shows it, with its history attached.
 */
record RequestRow(
        UUID id,
        String reference,
        Optional<String> parentReference,
        String holder,
        UUID accountId,
        long amountMinor,
        String currency,
        RequestState state,
        Optional<String> reason,
        NewRequest content,
        String contentSha256,
        Decided lines,
        List<ApprovalStep> requiredSteps,
        String submittedBy,
        Instant submittedAt,
        LocalDate businessDate,
        Optional<UUID> holdId,
        Optional<String> holdAuthorisation,
        Optional<LocalDate> scheduledOn) {

    /** The decided lines of a request part and the parts removed from it (the row's {@code lines} JSON). */
    record Decided(List<ReleaseLine> lines, List<RemovedPart> removed) {}

    /** A new row as submitted, in DRAFT, with no approval chain yet. */
    static RequestRow draft(
            UUID id,
            String reference,
            Optional<String> parentReference,
            CheckedRequest request,
            PayingFrom account,
            Decided lines,
            String submittedBy,
            Instant submittedAt,
            LocalDate businessDate) {
        long amountMinor = amountMinor(lines, account.currency());
        return new RequestRow(
                id,
                reference,
                parentReference,
                account.holder(),
                account.id(),
                amountMinor,
                account.currency().code(),
                RequestState.DRAFT,
                Optional.empty(),
                request.content(),
                request.contentSha256(),
                lines,
                List.of(),
                submittedBy,
                submittedAt,
                businessDate,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** The restricted account a request pays from, as the submission needs it. */
    record PayingFrom(UUID id, String holder, Currency currency) {}

    /** The row after a material amendment: what it now asks, from which account, its lines and amount. */
    RequestRow amended(CheckedRequest request, UUID account, Decided decided) {
        long amountMinor = amountMinor(decided, currencyUnit());
        return new RequestRow(
                id,
                reference,
                parentReference,
                holder,
                account,
                amountMinor,
                currency,
                state,
                reason,
                request.content(),
                request.contentSha256(),
                decided,
                requiredSteps,
                submittedBy,
                submittedAt,
                businessDate,
                holdId,
                holdAuthorisation,
                Optional.empty());
    }

    /** The row with its lines decided again (a compliance decision, a licence, a split): its amount follows them. */
    RequestRow withLines(Decided decided) {
        return amended(new CheckedRequest(content, reference, contentSha256, List.of()), accountId, decided);
    }

    /** The sum of the lines' amounts, overflow-checked. */
    private static long amountMinor(Decided decided, Currency currency) {
        long amountMinor = 0;
        for (ReleaseLine line : decided.lines()) {
            amountMinor = Math.addExact(
                    amountMinor, Money.parse(line.amount(), currency).amountMinor());
        }
        return amountMinor;
    }

    RequestRow withSteps(List<ApprovalStep> steps) {
        return new RequestRow(
                id,
                reference,
                parentReference,
                holder,
                accountId,
                amountMinor,
                currency,
                state,
                reason,
                content,
                contentSha256,
                lines,
                steps,
                submittedBy,
                submittedAt,
                businessDate,
                holdId,
                holdAuthorisation,
                scheduledOn);
    }

    Currency currencyUnit() {
        return Currency.of(currency);
    }

    Money amount() {
        return Money.ofMinor(amountMinor, currencyUnit());
    }
}
