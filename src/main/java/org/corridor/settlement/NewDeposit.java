package org.corridor.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.corridor.InvalidInputException;
import org.corridor.money.Money;

/**
 * A deposit to record under a client-supplied id (its idempotency key): the same id with the same
 * content returns the original result, with other content it is refused.
 *
 * @param contract the contract's reference or id
 * @param amount in the deposit currency: the currency of the contract's restricted account
 * @param rate price-currency units are converted at: one unit of the price currency in the deposit
 *     currency (1404 for 1 EUR = 1,404 IQD)
 * @param invoice the invoice number it pays; without one it pays the oldest open invoices first
 * @param reference the payer's own reference
 */
public record NewDeposit(
        UUID id,
        String contract,
        Money amount,
        LocalDate valueDate,
        BigDecimal rate,
        String rateSource,
        LocalDate rateDate,
        Optional<String> invoice,
        Optional<String> reference) {

    public NewDeposit {
        if (id == null || contract == null || contract.isBlank() || amount == null || valueDate == null) {
            throw new InvalidInputException("FIELD_MISSING", "a deposit needs its id, contract, amount and value date");
        }
        if (rate == null || rateDate == null) {
            throw new InvalidInputException("FIELD_MISSING", "a deposit needs its rate, rate source and rate date");
        }
        if (!amount.isPositive()) {
            throw new InvalidInputException("AMOUNT_MUST_BE_POSITIVE", "a deposit is positive: " + amount);
        }
        contract = contract.trim();
        invoice = invoice == null ? Optional.empty() : invoice.map(String::trim).filter(s -> !s.isEmpty());
        reference = reference == null
                ? Optional.empty()
                : reference.map(String::trim).filter(s -> !s.isEmpty());
        if (reference.isPresent() && reference.get().length() > 200) {
            throw new InvalidInputException("FIELD_TOO_LONG", "reference is at most 200 characters");
        }
    }
}
