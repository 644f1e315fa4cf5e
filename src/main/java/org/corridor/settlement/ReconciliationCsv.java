package org.corridor.settlement;

import java.util.ArrayList;
import java.util.List;
import org.corridor.csv.CsvWriter;

/**
 * The reconciliation's rows as CSV (CRLF, through {@link CsvWriter}): amounts as plain decimals,
 * lists joined with semicolons.
 */
final class ReconciliationCsv {

    static final List<String> HEADER = List.of(
            "contract",
            "month",
            "commodity",
            "invoice",
            "metered_quantity",
            "disputed_quantity",
            "unit",
            "invoiced_quantity",
            "price_unit",
            "unit_price",
            "currency",
            "invoiced",
            "credit_notes",
            "debit_notes",
            "net_invoiced",
            "paid",
            "paid_deposit_currency",
            "deposit_currency",
            "deposit_rates",
            "outstanding",
            "status",
            "dispute",
            "flags");

    private ReconciliationCsv() {}

    static String write(ReconciliationReport report) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (ReconciliationReport.Row row : report.rows()) {
            rows.add(List.of(
                    row.contract(),
                    row.month(),
                    row.commodity().name(),
                    row.invoice(),
                    Amounts.plain(row.meteredQuantity()),
                    Amounts.plain(row.disputedQuantity()),
                    row.unit().name(),
                    Amounts.plain(row.invoicedQuantity()),
                    row.priceUnit().name(),
                    Amounts.plain(row.unitPrice()),
                    row.invoiced().currency().code(),
                    row.invoiced().toDecimalString(),
                    row.creditNotes().toDecimalString(),
                    row.debitNotes().toDecimalString(),
                    row.netInvoiced().toDecimalString(),
                    row.paid().toDecimalString(),
                    row.paidInDepositCurrency().toDecimalString(),
                    row.paidInDepositCurrency().currency().code(),
                    String.join(";", row.depositRates()),
                    row.outstanding().toDecimalString(),
                    row.status(),
                    row.dispute(),
                    String.join(";", row.flags())));
        }
        return CsvWriter.write(rows, CsvWriter.CRLF);
    }
}
