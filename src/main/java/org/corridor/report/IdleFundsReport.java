package org.corridor.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.corridor.money.Money;

/** RPT-2 as report sections: key indicators, ageing per account, utilisation, holds, gaps. */
final class IdleFundsReport {

    private IdleFundsReport() {}

    static List<Section> sections(IdleFundsView view) {
        return List.of(
                keyIndicators(view),
                ageing(view),
                ageingChart(view),
                utilisationChart(view),
                utilisation(view),
                heldByReason(view),
                held(view),
                gaps(view),
                rates(view));
    }

    private static Section.Figures keyIndicators(IdleFundsView view) {
        List<Section.Figure> figures = new ArrayList<>(List.of(
                Section.Figure.of("As at", view.asOf().toString()),
                Section.Figure.of("All channel funds (EUR equivalent)", Cells.grouped(view.totalEur())),
                new Section.Figure(
                        "Funds older than 90 days",
                        Cells.grouped(view.olderThan90DaysEur()) + " (" + Cells.percent(view.olderThan90DaysPercent())
                                + ")",
                        view.olderThan90DaysEur().isPositive() ? "bad" : "ok"),
                Section.Figure.of(
                        "Deposits " + view.periodFrom() + " to " + view.periodTo(), Cells.grouped(view.depositedEur())),
                Section.Figure.of("Disbursed in the period", Cells.grouped(view.disbursedEur())),
                new Section.Figure(
                        "Utilisation (disbursed / deposited)",
                        Cells.percent(view.utilisationPercent()),
                        view.note().isPresent() ? "bad" : ""),
                new Section.Figure(
                        "Authorisation gap days in the period",
                        Long.toString(view.gapDays()),
                        view.gapDays() > 0 ? "warn" : "ok")));
        // The note is a figure too, so that it also reaches the CSV, which carries no prose.
        view.note().ifPresent(note -> figures.add(new Section.Figure("Operational note", note, "bad")));
        return new Section.Figures("Key indicators", figures);
    }

    private static Section.Table ageing(IdleFundsView view) {
        List<List<String>> rows = new ArrayList<>();
        for (IdleFundsView.AccountAgeing account : view.accounts()) {
            rows.add(List.of(
                    account.account(),
                    account.holder(),
                    account.bank(),
                    account.country(),
                    account.balance().currency().code(),
                    Cells.amount(account.balance()),
                    Cells.amount(account.balanceEur()),
                    Cells.amount(account.days0To30()),
                    Cells.amount(account.days31To90()),
                    Cells.amount(account.days91To365()),
                    Cells.amount(account.over365Days()),
                    Cells.text(account.oldestValueDate()),
                    Long.toString(account.oldestDays()),
                    account.status()));
        }
        return Cells.table(
                "Balances and ageing",
                Cells.columns(
                        "account",
                        "holder",
                        "bank",
                        "country",
                        "currency",
                        "balance#",
                        "balance_eur#",
                        "days_0_30#",
                        "days_31_90#",
                        "days_91_365#",
                        "days_over_365#",
                        "oldest_value_date",
                        "oldest_days#",
                        "status"),
                rows);
    }

    private static Section.StackedBars ageingChart(IdleFundsView view) {
        return new Section.StackedBars(
                "Ageing per account (EUR equivalent)",
                List.of("0-30 days", "31-90 days", "91-365 days", "> 365 days"),
                view.accounts().stream()
                        .map(a -> new Section.StackedBar(
                                a.account(),
                                List.of(
                                        share(a.days0To30(), a),
                                        share(a.days31To90(), a),
                                        share(a.days91To365(), a),
                                        share(a.over365Days(), a))))
                        .toList());
    }

    private static Section.Bars utilisationChart(IdleFundsView view) {
        return new Section.Bars(
                "Utilisation per month",
                "%",
                view.utilisation().stream()
                        .map(u -> new Section.Bar(
                                u.period(), u.utilisationPercent().orElse(BigDecimal.ZERO)))
                        .toList());
    }

    private static Section.Table utilisation(IdleFundsView view) {
        return Cells.table(
                "Utilisation",
                Cells.columns("period", "deposited_eur#", "disbursed_eur#", "utilisation_percent#"),
                view.utilisation().stream()
                        .map(u -> List.of(
                                u.period(),
                                Cells.amount(u.depositedEur()),
                                Cells.amount(u.disbursedEur()),
                                u.utilisationPercent()
                                        .map(BigDecimal::toPlainString)
                                        .orElse("")))
                        .toList());
    }

    private static Section.Table heldByReason(IdleFundsView view) {
        return Cells.table(
                "Held by reason",
                Cells.columns("reason", "amount_eur#", "items#"),
                view.heldByReason().stream()
                        .map(t -> List.of(t.reason(), Cells.amount(t.amountEur()), Integer.toString(t.items())))
                        .toList());
    }

    private static Section.Table held(IdleFundsView view) {
        return Cells.table(
                "Held amounts",
                Cells.columns("reference", "reason", "currency", "amount#", "amount_eur#", "since", "days#", "source"),
                view.held().stream()
                        .map(h -> List.of(
                                h.reference(),
                                h.reason(),
                                h.amount().currency().code(),
                                Cells.amount(h.amount()),
                                Cells.amount(h.amountEur()),
                                h.since().toString(),
                                Long.toString(h.days()),
                                h.source()))
                        .toList());
    }

    private static Section.Table gaps(IdleFundsView view) {
        return Cells.table(
                "Authorisation gaps in the period",
                Cells.columns("series", "from", "to", "days#", "preceding", "following"),
                view.gaps().stream()
                        .map(g -> List.of(
                                g.series(),
                                g.from().toString(),
                                g.to().toString(),
                                Long.toString(g.days()),
                                g.precedingReference(),
                                g.followingReference().orElse("(open)")))
                        .toList());
    }

    private static Section.Table rates(IdleFundsView view) {
        return Cells.table(
                "Stated rates",
                Cells.columns("currency", "per_eur#", "source", "date"),
                view.rates().stream()
                        .map(r -> List.of(
                                r.currency().code(),
                                r.perEur(),
                                r.source(),
                                r.date().toString()))
                        .toList());
    }

    /** Chart values in EUR where a rate is stated, else in the account's own currency. */
    private static BigDecimal share(Money part, IdleFundsView.AccountAgeing account) {
        if (account.balanceEur().isEmpty() || account.balance().isZero()) {
            return part.toDecimal();
        }
        return account.balanceEur()
                .get()
                .toDecimal()
                .multiply(BigDecimal.valueOf(part.amountMinor()))
                .divide(BigDecimal.valueOf(account.balance().amountMinor()), 2, RoundingMode.HALF_EVEN);
    }
}
