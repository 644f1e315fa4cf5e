package org.corridor.settlement;

import java.util.List;

/** The reconciliation's rows as CSV: amounts as plain decimals, lists joined with semicolons. */
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
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER);
        for (ReconciliationReport.Row row : report.rows()) {
            line(
                    csv,
                    List.of(
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
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quote(cells.get(i)));
        }
        csv.append("\r\n");
    }

    static String quote(String cell) {
        String value = cell == null ? "" : cell;
        // A leading formula character is neutralised so that a spreadsheet never runs a cell.
        if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(\\.\\d+)?")) {
            value = "'" + value;
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
