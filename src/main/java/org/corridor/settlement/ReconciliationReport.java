package org.corridor.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.corridor.money.Money;

/**
 * The energy reconciliation (RPT-6, FR-12): per contract and month, what was delivered, what was
 * invoiced with its notes, what was deposited against it, and what is outstanding, with the
 * differences flagged; and per contract, the arrears at the end of the period.
 *
 * @param from first business date whose delivery periods are covered (by period start)
 * @param to last such date
 */
public record ReconciliationReport(LocalDate from, LocalDate to, List<Row> rows, List<ContractTotal> contracts) {

    /** Row flags: the differences a reader must look at. */
    public static final String OUTSTANDING = "OUTSTANDING";

    public static final String DISPUTE_UNRESOLVED = "DISPUTE_UNRESOLVED";
    public static final String OVERPAYMENT = "OVERPAYMENT";
    public static final String RATE_DIFFERENCE = "RATE_DIFFERENCE";

    public ReconciliationReport {
        rows = List.copyOf(rows);
        contracts = List.copyOf(contracts);
    }

    /**
     * One contract's month.
     *
     * @param status PAID, PARTIALLY_PAID or UNPAID
     * @param dispute the disputed quantity and how it was resolved, or empty
     * @param depositRates the distinct rates of the deposits that paid it
     */
    public record Row(
            String contract,
            String seller,
            String buyer,
            Commodity commodity,
            String month,
            LocalDate periodStart,
            LocalDate periodEnd,
            String invoice,
            BigDecimal meteredQuantity,
            BigDecimal disputedQuantity,
            QuantityUnit unit,
            BigDecimal invoicedQuantity,
            QuantityUnit priceUnit,
            BigDecimal unitPrice,
            Money invoiced,
            Money creditNotes,
            Money debitNotes,
            Money netInvoiced,
            Money paid,
            Money paidInDepositCurrency,
            List<String> depositRates,
            Money outstanding,
            String status,
            String dispute,
            List<String> flags) {

        public Row {
            depositRates = List.copyOf(depositRates);
            flags = List.copyOf(flags);
        }
    }

    /** A contract's standing at the end of the period. */
    public record ContractTotal(
            String contract, LocalDate asOf, Money netInvoiced, Money paid, Money unappliedCredit, Money arrears) {}

    /** The rows as CSV (RFC 4180, CRLF), one line per contract and month. */
    public String csv() {
        return ReconciliationCsv.write(this);
    }
}
