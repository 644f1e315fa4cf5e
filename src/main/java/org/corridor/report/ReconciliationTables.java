package org.corridor.report;

import java.time.LocalDate;
import java.util.List;
import org.corridor.settlement.ReconciliationReport;
import org.corridor.settlement.Settlement;

/** RPT-6: settlement's reconciliation as report tables. Reads only; thread-safe. */
record ReconciliationTables(Settlement settlement) {

    List<Section> sections(LocalDate from, LocalDate to) {
        ReconciliationReport report = settlement.reconciliation().report(from, to);
        return List.of(perContractAndMonth(report), arrears(report));
    }

    private static Section.Table perContractAndMonth(ReconciliationReport report) {
        return Cells.table(
                "Reconciliation per contract and month",
                Cells.columns(
                        "contract",
                        "seller",
                        "buyer",
                        "commodity",
                        "month",
                        "invoice",
                        "metered_quantity#",
                        "disputed_quantity#",
                        "unit",
                        "invoiced_quantity#",
                        "price_unit",
                        "unit_price#",
                        "currency",
                        "invoiced#",
                        "credit_notes#",
                        "debit_notes#",
                        "net_invoiced#",
                        "paid#",
                        "paid_in_deposit_currency#",
                        "deposit_currency",
                        "deposit_rates",
                        "outstanding#",
                        "status",
                        "dispute",
                        "flags"),
                report.rows().stream().map(ReconciliationTables::row).toList());
    }

    private static List<String> row(ReconciliationReport.Row r) {
        return List.of(
                r.contract(),
                r.seller(),
                r.buyer(),
                r.commodity().name(),
                r.month(),
                r.invoice(),
                r.meteredQuantity().toPlainString(),
                r.disputedQuantity().toPlainString(),
                r.unit().name(),
                r.invoicedQuantity().toPlainString(),
                r.priceUnit().name(),
                r.unitPrice().toPlainString(),
                r.invoiced().currency().code(),
                Cells.amount(r.invoiced()),
                Cells.amount(r.creditNotes()),
                Cells.amount(r.debitNotes()),
                Cells.amount(r.netInvoiced()),
                Cells.amount(r.paid()),
                Cells.amount(r.paidInDepositCurrency()),
                r.paidInDepositCurrency().currency().code(),
                String.join(" ", r.depositRates()),
                Cells.amount(r.outstanding()),
                r.status(),
                r.dispute(),
                String.join(" ", r.flags()));
    }

    private static Section.Table arrears(ReconciliationReport report) {
        return Cells.table(
                "Arrears per contract",
                Cells.columns(
                        "contract", "as_of", "currency", "net_invoiced#", "paid#", "unapplied_credit#", "arrears#"),
                report.contracts().stream()
                        .map(c -> List.of(
                                c.contract(),
                                c.asOf().toString(),
                                c.netInvoiced().currency().code(),
                                Cells.amount(c.netInvoiced()),
                                Cells.amount(c.paid()),
                                Cells.amount(c.unappliedCredit()),
                                Cells.amount(c.arrears())))
                        .toList());
    }
}
