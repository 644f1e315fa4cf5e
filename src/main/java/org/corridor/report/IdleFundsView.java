package org.corridor.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.corridor.money.Currency;
import org.corridor.money.Money;

/**
 * The idle-funds picture as of a date (FR-31, RPT-2): every restricted account's balance aged by
 * deposit date, in EUR at the stated rates, utilisation of the period's deposits, the amounts held
 * and why, and the days without a valid authorisation.
 *
 * @param periodFrom first day of the period of the flows (utilisation, gap days)
 * @param totalEur all balances in EUR; accounts whose currency has no stated rate are left out
 * @param olderThan90DaysPercent share of {@code totalEur} aged over 90 days, one decimal; empty when nothing is held
 * @param utilisationPercent disbursed / deposited in the period, two decimals; empty when nothing was deposited
 * @param note the operational note for management, when utilisation is far below inflows
 */
public record IdleFundsView(
        LocalDate asOf,
        LocalDate periodFrom,
        LocalDate periodTo,
        List<StatedRate> rates,
        List<AccountAgeing> accounts,
        Money totalEur,
        Money olderThan90DaysEur,
        Optional<BigDecimal> olderThan90DaysPercent,
        Money depositedEur,
        Money disbursedEur,
        Optional<BigDecimal> utilisationPercent,
        List<PeriodUtilisation> utilisation,
        List<HeldLine> held,
        List<HeldTotal> heldByReason,
        long gapDays,
        List<GapInPeriod> gaps,
        Optional<String> note) {

    public IdleFundsView {
        rates = List.copyOf(rates);
        accounts = List.copyOf(accounts);
        utilisation = List.copyOf(utilisation);
        held = List.copyOf(held);
        heldByReason = List.copyOf(heldByReason);
        gaps = List.copyOf(gaps);
    }

    /**
     * The rate used for EUR equivalents: {@code perEur} units of {@code currency} for one euro.
     *
     * @param perEur the rate as a plain decimal string, exactly as used (reports and the API state
     *     it so; {@link #rate()} gives the number)
     * @param source where it was recorded (the latest deposit or conversion rate by date)
     */
    public record StatedRate(Currency currency, String perEur, String source, LocalDate date) {

        StatedRate(Currency currency, BigDecimal perEur, String source, LocalDate date) {
            this(currency, perEur.toPlainString(), source, date);
        }

        /** The rate as a number. */
        public BigDecimal rate() {
            return new BigDecimal(perEur);
        }
    }

    /**
     * One restricted account as of the date.
     *
     * @param oldestDays age in days of the oldest money still in the account (FIFO), 0 when empty
     * @param status one of {@link Status}, as text
     * @param idle the part older than the idle threshold
     * @param approachingIdle the part between the approaching-idle and idle thresholds
     */
    public record AccountAgeing(
            String account,
            String holder,
            String bank,
            String country,
            Money balance,
            Optional<Money> balanceEur,
            Money days0To30,
            Money days31To90,
            Money days91To365,
            Money over365Days,
            Optional<LocalDate> oldestValueDate,
            long oldestDays,
            String status,
            Money idle,
            Money approachingIdle) {

        /** Where an account's money stands against the idle thresholds (FR-31). */
        public enum Status {
            ACTIVE,
            APPROACHING_IDLE,
            IDLE,
            EMPTY
        }
    }

    /** Deposits and disbursements of a month (or part of one) in EUR. */
    public record PeriodUtilisation(
            String period, Money depositedEur, Money disbursedEur, Optional<BigDecimal> utilisationPercent) {}

    /**
     * An amount held, from a release request or a held conversion.
     *
     * @param source RELEASE or CONVERSION
     */
    public record HeldLine(
            String reference,
            String reason,
            Money amount,
            Optional<Money> amountEur,
            LocalDate since,
            long days,
            String source) {}

    public record HeldTotal(String reason, Money amountEur, int items) {}

    /** The part of an authorisation gap that falls in the period. */
    public record GapInPeriod(
            String series,
            LocalDate from,
            LocalDate to,
            long days,
            String precedingReference,
            Optional<String> followingReference) {}
}
