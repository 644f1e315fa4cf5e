package org.corridor.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.corridor.authorisation.Authorisations;
import org.corridor.authorisation.Gap;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.settlement.Ageing;
import org.corridor.settlement.Conversion;
import org.corridor.settlement.ConversionStatus;
import org.corridor.settlement.Flows;
import org.corridor.settlement.Lot;
import org.corridor.settlement.RestrictedAccount;
import org.corridor.settlement.Settlement;

/**
 * Computes the idle-funds picture (FR-31, RPT-2) from settlement's FIFO lots and flows, the
 * register's gaps and the release feature's holds. Reads only; thread-safe.
 */
record IdleFunds(
        Settlement settlement, Authorisations authorisations, ReleaseRecords releases, ReportSettings settings) {

    static final String NOTE = "Utilisation far below inflows. Consider submitting a conversion plan and a pipeline"
            + " of eligible purchase requests to the Authority.";

    /** As of the end of {@code asOf}, with flows over the calendar quarter up to it. */
    IdleFundsView asOf(LocalDate asOf) {
        LocalDate quarterStart =
                asOf.withMonth((asOf.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
        return over(quarterStart, asOf);
    }

    /** As of the end of {@code to}, with flows, utilisation and gap days over {@code [from, to]}. */
    IdleFundsView over(LocalDate from, LocalDate to) {
        Periods.check(from, to);
        EuroRates rates = EuroRates.asOf(settlement, to);
        List<RestrictedAccount> accounts = settlement.accounts().list();
        List<IdleFundsView.AccountAgeing> ageing = new ArrayList<>();
        Money total = Money.zero(Currency.EUR);
        Money old = Money.zero(Currency.EUR);
        for (RestrictedAccount account : accounts) {
            IdleFundsView.AccountAgeing aged = age(account, settlement.lots().ageing(account.id(), to), to, rates);
            ageing.add(aged);
            Optional<Money> eur = aged.balanceEur();
            if (eur.isPresent()) {
                total = total.plus(eur.get());
                old = old.plus(
                        rates.toEur(aged.days91To365().plus(aged.over365Days())).orElseThrow());
            }
        }
        List<IdleFundsView.PeriodUtilisation> months = monthly(accounts, from, to, rates);
        IdleFundsView.PeriodUtilisation period = utilisation(from + ".." + to, accounts, from, to, rates);
        List<IdleFundsView.HeldLine> held = held(to, rates);
        List<IdleFundsView.GapInPeriod> gaps = gapsIn(from, to);
        TreeSet<LocalDate> gapDates = new TreeSet<>();
        gaps.forEach(gap -> gap.from().datesUntil(gap.to().plusDays(1)).forEach(gapDates::add));
        return new IdleFundsView(
                to,
                from,
                to,
                rates.stated(),
                ageing,
                total,
                old,
                percent(old, total, 1),
                period.depositedEur(),
                period.disbursedEur(),
                period.utilisationPercent(),
                months,
                held,
                byReason(held),
                gapDates.size(),
                gaps,
                note(period));
    }

    /** Utilisation per calendar month (or the part of it within {@code [from, to]}). */
    private List<IdleFundsView.PeriodUtilisation> monthly(
            List<RestrictedAccount> accounts, LocalDate from, LocalDate to, EuroRates rates) {
        List<IdleFundsView.PeriodUtilisation> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); !month.atDay(1).isAfter(to); month = month.plusMonths(1)) {
            LocalDate start = later(month.atDay(1), from);
            LocalDate end = earlier(month.atEndOfMonth(), to);
            months.add(utilisation(month.toString(), accounts, start, end, rates));
        }
        return months;
    }

    /** The held amounts totalled in EUR per reason, in reason order. */
    private static List<IdleFundsView.HeldTotal> byReason(List<IdleFundsView.HeldLine> held) {
        Map<String, List<IdleFundsView.HeldLine>> byReason = new TreeMap<>();
        held.forEach(line ->
                byReason.computeIfAbsent(line.reason(), r -> new ArrayList<>()).add(line));
        List<IdleFundsView.HeldTotal> heldTotals = new ArrayList<>();
        byReason.forEach((reason, lines) -> heldTotals.add(new IdleFundsView.HeldTotal(
                reason,
                lines.stream()
                        .map(l -> l.amountEur().orElse(Money.zero(Currency.EUR)))
                        .reduce(Money.zero(Currency.EUR), Money::plus),
                lines.size())));
        return heldTotals;
    }

    /** The operational note, when the period's utilisation is below the setting. */
    private Optional<String> note(IdleFundsView.PeriodUtilisation period) {
        return period.depositedEur().isPositive()
                        && period.utilisationPercent()
                                        .orElse(BigDecimal.ZERO)
                                        .compareTo(settings.utilisationNotePercent())
                                < 0
                ? Optional.of(NOTE)
                : Optional.empty();
    }

    private IdleFundsView.AccountAgeing age(RestrictedAccount account, Ageing ageing, LocalDate asOf, EuroRates rates) {
        Money idle = Money.zero(account.currency());
        Money approaching = Money.zero(account.currency());
        for (Lot lot : ageing.lots()) {
            long days = ChronoUnit.DAYS.between(lot.valueDate(), asOf);
            if (days > settings.idleDays()) {
                idle = idle.plus(lot.remaining());
            } else if (days >= settings.approachingIdleDays()) {
                approaching = approaching.plus(lot.remaining());
            }
        }
        long oldestDays = ageing.oldestValueDate()
                .map(date -> ChronoUnit.DAYS.between(date, asOf))
                .orElse(0L);
        IdleFundsView.AccountAgeing.Status status;
        if (ageing.balance().isZero()) {
            status = IdleFundsView.AccountAgeing.Status.EMPTY;
        } else if (idle.isPositive()) {
            status = IdleFundsView.AccountAgeing.Status.IDLE;
        } else if (approaching.isPositive()) {
            status = IdleFundsView.AccountAgeing.Status.APPROACHING_IDLE;
        } else {
            status = IdleFundsView.AccountAgeing.Status.ACTIVE;
        }
        return new IdleFundsView.AccountAgeing(
                account.name(),
                account.holder(),
                account.bank(),
                account.country(),
                ageing.balance(),
                rates.toEur(ageing.balance()),
                ageing.days0To30(),
                ageing.days31To90(),
                ageing.days91To365(),
                ageing.over365Days(),
                ageing.oldestValueDate(),
                oldestDays,
                status.name(),
                idle,
                approaching);
    }

    private IdleFundsView.PeriodUtilisation utilisation(
            String label, List<RestrictedAccount> accounts, LocalDate from, LocalDate to, EuroRates rates) {
        Money deposited = Money.zero(Currency.EUR);
        Money disbursed = Money.zero(Currency.EUR);
        for (RestrictedAccount account : accounts) {
            Flows flows = settlement.lots().flows(account.id(), from, to);
            deposited = deposited.plus(rates.toEur(flows.deposited()).orElse(Money.zero(Currency.EUR)));
            disbursed = disbursed.plus(rates.toEur(flows.disbursed()).orElse(Money.zero(Currency.EUR)));
        }
        return new IdleFundsView.PeriodUtilisation(label, deposited, disbursed, utilisation(disbursed, deposited));
    }

    /** Disbursed as a percentage of deposited, two decimals; empty when nothing was deposited. */
    static Optional<BigDecimal> utilisation(Money disbursed, Money deposited) {
        return percent(disbursed, deposited, 2);
    }

    static Optional<BigDecimal> percent(Money part, Money whole, int decimals) {
        if (!whole.isPositive()) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(part.amountMinor())
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole.amountMinor()), decimals, RoundingMode.HALF_UP));
    }

    private List<IdleFundsView.HeldLine> held(LocalDate asOf, EuroRates rates) {
        List<IdleFundsView.HeldLine> lines = new ArrayList<>();
        for (ReleaseRecords.HeldAmount amount : releases.heldAsOf(asOf)) {
            lines.add(new IdleFundsView.HeldLine(
                    amount.requestId(),
                    amount.reason(),
                    amount.amount(),
                    rates.toEur(amount.amount()),
                    amount.since(),
                    ChronoUnit.DAYS.between(amount.since(), asOf),
                    "RELEASE"));
        }
        // A held conversion is money the holder asked to move and could not: it belongs in the picture.
        for (Conversion conversion : settlement.conversions().list()) {
            if (conversion.status() == ConversionStatus.HELD
                    && !conversion.requestedOn().isAfter(asOf)) {
                Money remaining = conversion.remaining();
                lines.add(new IdleFundsView.HeldLine(
                        "conversion " + conversion.id(),
                        conversion.heldReason().map(IdleFunds::reasonOf).orElse("HELD"),
                        remaining,
                        rates.toEur(remaining),
                        conversion.requestedOn(),
                        ChronoUnit.DAYS.between(conversion.requestedOn(), asOf),
                        "CONVERSION"));
            }
        }
        lines.sort(
                Comparator.comparing(IdleFundsView.HeldLine::since).thenComparing(IdleFundsView.HeldLine::reference));
        return lines;
    }

    private static String reasonOf(org.corridor.settlement.Refusal refusal) {
        return switch (refusal) {
            case NO_AUTHORISATION, AUTHORISATION_EXPIRED, NOT_YET_VALID -> "AUTHORISATION_GAP";
            case PRIOR_APPROVAL_MISSING -> "PENDING_AUTHORITY_APPROVAL";
            default -> refusal.name();
        };
    }

    private List<IdleFundsView.GapInPeriod> gapsIn(LocalDate from, LocalDate to) {
        List<IdleFundsView.GapInPeriod> inPeriod = new ArrayList<>();
        for (Gap gap : authorisations.gaps(Optional.of(to))) {
            if (gap.to().isBefore(from) || gap.from().isAfter(to)) {
                continue;
            }
            LocalDate start = later(gap.from(), from);
            LocalDate end = earlier(gap.to(), to);
            inPeriod.add(new IdleFundsView.GapInPeriod(
                    gap.series(),
                    start,
                    end,
                    ChronoUnit.DAYS.between(start, end) + 1,
                    gap.precedingReference(),
                    gap.followingReference()));
        }
        return inPeriod;
    }

    private static LocalDate later(LocalDate one, LocalDate other) {
        return one.isAfter(other) ? one : other;
    }

    private static LocalDate earlier(LocalDate one, LocalDate other) {
        return one.isBefore(other) ? one : other;
    }
}
