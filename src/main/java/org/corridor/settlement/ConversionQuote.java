package org.corridor.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.corridor.InvalidInputException;
import org.corridor.money.Currency;
import org.corridor.money.Money;

/**
 * The legs of a conversion, as a pure function. From the amount taken out of the source account,
 * the fee comes off first; the rest is converted at the recorded rate less the spread and rounded
 * DOWN at the target's minor unit, so the holder never receives more than the rate gives. The FX
 * leg is the target amount back at the plain rate (rounded HALF_EVEN at the source's minor unit),
 * and the spread leg is whatever is left, so that fee + spread + fx is exactly the amount taken:
 * no value is created or lost, only moved to the FEES and FX accounts.
 *
 * <p>IQD 140,400,000,000 at 1 EUR = 1,404 IQD less 0.15%: EUR 99,850,000.00 to the holder, IQD
 * 140,189,400,000 to the FX position and IQD 210,600,000 of spread.
 *
 * @param fx the source-currency amount the FX position buys
 * @param target what the destination account receives
 */
public record ConversionQuote(Money amount, Money fee, Money spread, Money fx, Money target) {

    static ConversionQuote of(
            Money amount, Money fee, ExchangeRate rate, BigDecimal spreadPercent, Currency targetCurrency) {
        Currency source = amount.currency();
        if (!rate.between(source, targetCurrency)) {
            throw new InvalidInputException(
                    "RATE_CURRENCY_MISMATCH",
                    "the rate " + rate + " does not convert " + source + " to " + targetCurrency);
        }
        if (spreadPercent.signum() < 0 || spreadPercent.compareTo(BigDecimal.valueOf(100)) >= 0) {
            throw new InvalidInputException(
                    "SPREAD_INVALID",
                    "the spread is a percentage from 0 to below 100: " + spreadPercent.toPlainString());
        }
        Money net = amount.minus(fee);
        if (!net.isPositive()) {
            throw new InvalidInputException(
                    "FEE_INVALID", "the fee " + fee + " leaves nothing of " + amount + " to convert");
        }
        BigDecimal kept = BigDecimal.ONE.subtract(spreadPercent.movePointLeft(2));
        BigDecimal exact = rate.convertExact(net.toDecimal().multiply(kept), source, targetCurrency);
        Money target = Amounts.money(exact.setScale(targetCurrency.exponent(), RoundingMode.DOWN), targetCurrency);
        if (!target.isPositive()) {
            throw new InvalidInputException("CONVERSION_TOO_SMALL", amount + " converts to nothing at " + rate);
        }
        Money fx = rate.convert(target, source, RoundingMode.HALF_EVEN);
        Money spread = net.minus(fx);
        return new ConversionQuote(amount, fee, spread, fx, target);
    }
}
