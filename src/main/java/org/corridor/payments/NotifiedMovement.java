package org.corridor.payments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.corridor.money.Currency;
import org.corridor.money.Money;

/**
 * One movement a camt.054 announces on an account.
 *
 * @param key what identifies the movement across repeats: the bank's own reference of it
 *     (AcctSvcrRef) when given, otherwise the message id with the movement's place in the message
 * @param account the account notified: its IBAN, or its other identification as given
 * @param credit true for a credit (CRDT), false for a debit
 * @param reversal true when the entry reverses an earlier one
 * @param status the entry status: BOOK, PDNG or INFO
 * @param references the remittance references: structured creditor references first, then the
 *     unstructured lines, as the payer wrote them
 * @param exchange the rate the bank states between the instructed and the booked currency, if any
 */
public record NotifiedMovement(
        String key,
        String account,
        Money amount,
        boolean credit,
        boolean reversal,
        String status,
        Optional<LocalDate> bookingDate,
        Optional<LocalDate> valueDate,
        Optional<String> endToEndId,
        Optional<String> debtorName,
        List<String> references,
        Optional<Exchange> exchange) {

    public NotifiedMovement {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        references = List.copyOf(references);
    }

    /**
     * A rate of exchange as the bank states it.
     *
     * @param rate units of {@code target} per unit of {@code source} when {@code unit} is the source
     *     currency (ISO 20022's convention), otherwise units of {@code source} per unit of {@code target}
     */
    public record Exchange(Currency source, Currency target, Currency unit, BigDecimal rate) {

        /** Units of {@code quote} for one unit of {@code base}, if this exchange is between the two. */
        public Optional<BigDecimal> perUnit(Currency base, Currency quote) {
            if (!((source.equals(base) && target.equals(quote)) || (source.equals(quote) && target.equals(base)))) {
                return Optional.empty();
            }
            // The rate is expressed per unit currency: one unit of it buys `rate` of the other.
            if (unit.equals(base)) {
                return Optional.of(rate);
            }
            return Optional.of(BigDecimal.ONE.divide(rate, 12, java.math.RoundingMode.HALF_EVEN));
        }
    }
}
