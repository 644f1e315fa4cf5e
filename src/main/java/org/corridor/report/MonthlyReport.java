package org.corridor.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.corridor.money.Money;
import org.corridor.settlement.Conversion;
import org.corridor.settlement.ConversionExecution;
import org.corridor.settlement.Deposit;
import org.corridor.settlement.ExchangeRate;
import org.corridor.settlement.Flows;
import org.corridor.settlement.RestrictedAccount;
import org.corridor.settlement.RestrictedTransfer;
import org.corridor.settlement.Settlement;

/**
 * RPT-1, the monthly channel report: everything that moved in the period, the balances either side
 * and the attempts refused. Reads only; thread-safe.
 */
record MonthlyReport(Settlement settlement, ReleaseRecords releases) {

    List<Section> sections(LocalDate from, LocalDate to) {
        AccountNames accounts = AccountNames.of(settlement);
        List<Deposit> deposits = settlement.deposits().list(Optional.empty()).stream()
                .filter(d -> within(d.valueDate(), from, to))
                .toList();
        List<ReleaseRecords.Disbursement> disbursements = releases.disbursements(from, to);
        List<ReleaseRecords.ScreeningHit> hits = releases.hits(from, to);
        List<ReleaseRecords.RejectedEvent> rejections = releases.rejections(from, to);
        List<List<String>> executions = conversionRows(accounts, from, to);
        List<Section> sections = new ArrayList<>();
        sections.add(summary(from, to, deposits, executions, disbursements, hits, rejections));
        sections.add(balances(from, to));
        sections.add(deposits(accounts, deposits));
        sections.add(conversions(executions));
        sections.add(ReleaseTables.disbursements(disbursements));
        sections.add(ReleaseTables.goodsLines(disbursements));
        sections.add(held(to));
        sections.add(ReleaseTables.rejections("Rejected or blocked attempts", rejections));
        sections.add(ReleaseTables.hits(
                "False-positive log",
                hits.stream().filter(h -> decided(h, "FALSE_POSITIVE")).toList()));
        return sections;
    }

    private static Section.Figures summary(
            LocalDate from,
            LocalDate to,
            List<Deposit> deposits,
            List<List<String>> executions,
            List<ReleaseRecords.Disbursement> disbursements,
            List<ReleaseRecords.ScreeningHit> hits,
            List<ReleaseRecords.RejectedEvent> rejections) {
        long falsePositives =
                hits.stream().filter(h -> decided(h, "FALSE_POSITIVE")).count();
        long trueMatches = hits.stream().filter(h -> decided(h, "TRUE_MATCH")).count();
        return new Section.Figures(
                "Summary",
                List.of(
                        Section.Figure.of("Period", from + " to " + to),
                        Section.Figure.of("Deposits", Integer.toString(deposits.size())),
                        Section.Figure.of("Conversions and transfers", Integer.toString(executions.size())),
                        Section.Figure.of("Disbursements", Integer.toString(disbursements.size())),
                        Section.Figure.of("Screening hits", Integer.toString(hits.size())),
                        Section.Figure.of("False positives", Long.toString(falsePositives)),
                        Section.Figure.of("True matches", Long.toString(trueMatches)),
                        new Section.Figure(
                                "Rejected or blocked attempts",
                                Integer.toString(rejections.size()),
                                rejections.isEmpty() ? "ok" : "warn")));
    }

    private static boolean decided(ReleaseRecords.ScreeningHit hit, String decision) {
        return hit.decision().equals(Optional.of(decision));
    }

    private Section.Table balances(LocalDate from, LocalDate to) {
        List<List<String>> rows = new ArrayList<>();
        for (RestrictedAccount account : settlement.accounts().list()) {
            Money opening = settlement.lots().balanceAsOf(account.id(), from.minusDays(1));
            Money closing = settlement.lots().balanceAsOf(account.id(), to);
            Flows flows = settlement.lots().flows(account.id(), from, to);
            rows.add(List.of(
                    account.name(),
                    account.holder(),
                    account.currency().code(),
                    Cells.amount(opening),
                    Cells.amount(flows.openingBalancesRecorded()),
                    Cells.amount(flows.deposited()),
                    Cells.amount(flows.convertedIn()),
                    Cells.amount(flows.transferredIn()),
                    Cells.amount(flows.convertedOut()),
                    Cells.amount(flows.transferredOut()),
                    Cells.amount(flows.disbursed()),
                    Cells.amount(closing)));
        }
        return Cells.table(
                "Opening and closing balances",
                Cells.columns(
                        "account",
                        "holder",
                        "currency",
                        "opening#",
                        "legacy_balances_recorded#",
                        "deposited#",
                        "converted_in#",
                        "transferred_in#",
                        "converted_out#",
                        "transferred_out#",
                        "disbursed#",
                        "closing#"),
                rows);
    }

    private static Section.Table deposits(AccountNames accounts, List<Deposit> deposits) {
        return Cells.table(
                "Deposits",
                Cells.columns(
                        "value_date",
                        "deposit",
                        "reference",
                        "contract",
                        "account",
                        "currency",
                        "amount#",
                        "rate",
                        "rate_source",
                        "equivalent#",
                        "equivalent_currency",
                        "invoices",
                        "match",
                        "authorisation"),
                deposits.stream()
                        .map(d -> List.of(
                                d.valueDate().toString(),
                                d.id().toString(),
                                d.reference(),
                                d.contractReference(),
                                accounts.name(d.accountId()),
                                d.amount().currency().code(),
                                Cells.amount(d.amount()),
                                rate(d.rate()),
                                d.rate().source(),
                                Cells.amount(d.equivalent()),
                                d.equivalent().currency().code(),
                                String.join(
                                        " ",
                                        d.allocations().stream()
                                                .map(a -> String.valueOf(a.invoiceNumber()))
                                                .toList()),
                                d.match().name(),
                                d.authorisationReference()))
                        .toList());
    }

    private static Section.Table conversions(List<List<String>> executions) {
        return Cells.table(
                "Conversions and transfers",
                Cells.columns(
                        "value_date",
                        "kind",
                        "id",
                        "source",
                        "destination",
                        "currency",
                        "amount#",
                        "rate",
                        "spread_percent#",
                        "spread#",
                        "fee#",
                        "credited#",
                        "credited_currency",
                        "approval_reference",
                        "authorisation"),
                executions);
    }

    /** Executed conversions and restricted transfers in the period, by value date. */
    private List<List<String>> conversionRows(AccountNames accounts, LocalDate from, LocalDate to) {
        List<List<String>> rows = new ArrayList<>();
        for (Conversion conversion : settlement.conversions().list()) {
            for (ConversionExecution execution : conversion.executions()) {
                if (within(execution.valueDate(), from, to)) {
                    rows.add(conversionRow(accounts, conversion, execution));
                }
            }
        }
        for (RestrictedTransfer transfer : settlement.transfers().list()) {
            if (within(transfer.valueDate(), from, to)) {
                rows.add(transferRow(accounts, transfer));
            }
        }
        rows.sort((one, other) -> one.get(0).compareTo(other.get(0)));
        return rows;
    }

    private static List<String> conversionRow(
            AccountNames accounts, Conversion conversion, ConversionExecution execution) {
        return List.of(
                execution.valueDate().toString(),
                "CONVERSION",
                execution.id().toString(),
                accounts.name(conversion.sourceAccountId()),
                accounts.name(conversion.destinationAccountId()),
                execution.quote().amount().currency().code(),
                Cells.amount(execution.quote().amount()),
                rate(execution.rate()),
                conversion.spreadPercent().toPlainString(),
                Cells.amount(execution.quote().spread()),
                Cells.amount(execution.quote().fee()),
                Cells.amount(execution.quote().target()),
                execution.quote().target().currency().code(),
                conversion.approvalReference().orElse(""),
                execution.authorisationReference());
    }

    private static List<String> transferRow(AccountNames accounts, RestrictedTransfer transfer) {
        return List.of(
                transfer.valueDate().toString(),
                "TRANSFER",
                transfer.id().toString(),
                accounts.name(transfer.sourceAccountId()),
                accounts.name(transfer.destinationAccountId()),
                transfer.amount().currency().code(),
                Cells.amount(transfer.amount()),
                "",
                "",
                "",
                "",
                Cells.amount(transfer.amount()),
                transfer.amount().currency().code(),
                transfer.approvalReference().orElse(""),
                transfer.authorisationReference());
    }

    /** {@code 1 EUR = 1404 IQD}. */
    private static String rate(ExchangeRate rate) {
        return "1 " + rate.base() + " = " + rate.value().toPlainString() + " " + rate.quote();
    }

    private Section.Table held(LocalDate asOf) {
        return Cells.table(
                "Held requests at the end of the period",
                Cells.columns("request", "reason", "currency", "amount#", "since", "days#"),
                releases.heldAsOf(asOf).stream()
                        .map(h -> List.of(
                                h.requestId(),
                                h.reason(),
                                h.amount().currency().code(),
                                Cells.amount(h.amount()),
                                h.since().toString(),
                                Long.toString(ChronoUnit.DAYS.between(h.since(), asOf))))
                        .toList());
    }

    static boolean within(LocalDate date, LocalDate from, LocalDate to) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
