package org.corridor.settlement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.corridor.DomainException;
import org.corridor.InvalidInputException;
import org.corridor.money.Currency;
import org.corridor.money.Money;

/**
 * The settlement feature's JSON: requests and views as records (snake_case on the wire), amounts
 * as decimal strings with their currency, quantities, prices and rates as decimal strings.
 */
public final class SettlementViews {

    private SettlementViews() {}

    // ---------------------------------------------------------------- values

    /** An amount: {@code {"amount": "99850000.00", "currency": "EUR"}}. */
    public record MoneyValue(String amount, String currency) {
        static MoneyValue of(Money money) {
            return new MoneyValue(money.toDecimalString(), money.currency().code());
        }

        Money toMoney(String field) {
            if (amount == null || currency == null) {
                throw new InvalidInputException("FIELD_MISSING", field + " needs its amount and currency");
            }
            try {
                return Money.parse(amount.trim(), Currency.of(currency));
            } catch (DomainException e) {
                throw new InvalidInputException(e.code(), field + ": " + e.getMessage());
            }
        }
    }

    /** A rate: one unit of {@code base} is {@code value} units of {@code quote}. */
    public record RateValue(String base, String quote, String value, String source, LocalDate date) {
        static RateValue of(ExchangeRate rate) {
            return new RateValue(
                    rate.base().code(), rate.quote().code(), Amounts.plain(rate.value()), rate.source(), rate.date());
        }

        ExchangeRate toRate() {
            if (base == null || quote == null) {
                throw new InvalidInputException("FIELD_MISSING", "a rate names its base and quote currencies");
            }
            return new ExchangeRate(Currency.of(base), Currency.of(quote), positive("rate value", value), source, date);
        }
    }

    static UUID id(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("FIELD_MISSING", field + " is required (a UUID: the idempotency key)");
        }
        try {
            UUID parsed = UUID.fromString(value.trim());
            if (!parsed.toString().equalsIgnoreCase(value.trim())) {
                throw new IllegalArgumentException("non-canonical");
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("ID_MALFORMED", field + " is not a UUID");
        }
    }

    static BigDecimal positive(String field, String value) {
        BigDecimal decimal = Amounts.decimal(field, value);
        if (decimal.signum() <= 0) {
            throw new InvalidInputException("DECIMAL_INVALID", field + " must be positive");
        }
        return decimal;
    }

    static <T> Optional<T> optional(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidInputException("FIELD_MISSING", field + " is required");
        }
        return value;
    }

    // ---------------------------------------------------------------- restricted accounts and lots

    public record RestrictedAccountRequest(
            Optional<String> id,
            String name,
            String holder,
            String currency,
            String bank,
            String country,
            Optional<String> status) {}

    public record RestrictedAccountView(
            UUID id,
            String name,
            String holder,
            String currency,
            String bank,
            String country,
            String status,
            MoneyValue balance,
            Instant createdAt) {
        static RestrictedAccountView of(RestrictedAccount account, Money balance) {
            return new RestrictedAccountView(
                    account.id(),
                    account.name(),
                    account.holder(),
                    account.currency().code(),
                    account.bank(),
                    account.country(),
                    account.status().name(),
                    MoneyValue.of(balance),
                    account.createdAt());
        }
    }

    /** A legacy balance: {@code value_date} is when the money originally arrived. */
    public record OpeningBalanceRequest(String id, MoneyValue amount, LocalDate valueDate, Optional<String> note) {}

    public record OpeningBalanceView(
            UUID id,
            UUID accountId,
            MoneyValue amount,
            LocalDate valueDate,
            String note,
            UUID ledgerTransferId,
            Instant recordedAt,
            String recordedBy) {
        static OpeningBalanceView of(OpeningBalance balance) {
            return new OpeningBalanceView(
                    balance.id(),
                    balance.accountId(),
                    MoneyValue.of(balance.amount()),
                    balance.valueDate(),
                    balance.note(),
                    balance.ledgerTransferId(),
                    balance.recordedAt(),
                    balance.recordedBy());
        }
    }

    public record ConversionRuleRequest(
            Optional<MoneyValue> weeklyCap, Optional<MoneyValue> trancheMax, String source) {}

    public record ConversionRuleView(
            UUID accountId,
            int version,
            Optional<MoneyValue> weeklyCap,
            Optional<MoneyValue> trancheMax,
            String source,
            Instant changedAt,
            String changedBy) {
        static ConversionRuleView of(ConversionRule rule) {
            return new ConversionRuleView(
                    rule.accountId(),
                    rule.version(),
                    rule.weeklyCap().map(MoneyValue::of),
                    rule.trancheMax().map(MoneyValue::of),
                    rule.source(),
                    rule.changedAt(),
                    rule.changedBy());
        }
    }

    public record LotView(
            UUID id, LocalDate valueDate, MoneyValue original, MoneyValue remaining, String source, String reference) {
        static LotView of(Lot lot) {
            return new LotView(
                    lot.id(),
                    lot.valueDate(),
                    MoneyValue.of(lot.original()),
                    MoneyValue.of(lot.remaining()),
                    lot.source().name(),
                    lot.reference());
        }
    }

    /** One age bucket: {@code label} 0-30, 31-90, 91-365 or >365 days. */
    public record BucketView(String label, MoneyValue amount) {}

    /** The balance as of a date by age of its lots, with the lots that make it up. */
    public record AgeingView(
            UUID accountId,
            String account,
            LocalDate asOf,
            MoneyValue balance,
            List<BucketView> buckets,
            Optional<LocalDate> oldestValueDate,
            List<LotView> lots) {
        static AgeingView of(RestrictedAccount account, Ageing ageing) {
            return new AgeingView(
                    account.id(),
                    account.name(),
                    ageing.asOf(),
                    MoneyValue.of(ageing.balance()),
                    List.of(
                            new BucketView("0-30", MoneyValue.of(ageing.days0To30())),
                            new BucketView("31-90", MoneyValue.of(ageing.days31To90())),
                            new BucketView("91-365", MoneyValue.of(ageing.days91To365())),
                            new BucketView(">365", MoneyValue.of(ageing.over365Days()))),
                    ageing.oldestValueDate(),
                    ageing.lots().stream().map(LotView::of).toList());
        }
    }

    public record FlowsView(
            UUID accountId,
            LocalDate from,
            LocalDate to,
            MoneyValue openingBalancesRecorded,
            MoneyValue deposited,
            MoneyValue convertedIn,
            MoneyValue transferredIn,
            MoneyValue convertedOut,
            MoneyValue transferredOut,
            MoneyValue disbursed) {
        static FlowsView of(Flows flows) {
            return new FlowsView(
                    flows.accountId(),
                    flows.from(),
                    flows.to(),
                    MoneyValue.of(flows.openingBalancesRecorded()),
                    MoneyValue.of(flows.deposited()),
                    MoneyValue.of(flows.convertedIn()),
                    MoneyValue.of(flows.transferredIn()),
                    MoneyValue.of(flows.convertedOut()),
                    MoneyValue.of(flows.transferredOut()),
                    MoneyValue.of(flows.disbursed()));
        }
    }

    // ---------------------------------------------------------------- contracts, statements, invoices

    /** {@code conversion_factors}: price units per metered unit, such as {"M3": "0.0363"}. */
    public record ContractRequest(
            Optional<String> id,
            String reference,
            String seller,
            String buyer,
            String commodity,
            String priceUnit,
            String price,
            String priceCurrency,
            Optional<Map<String, String>> conversionFactors,
            String account) {}

    public record ContractView(
            UUID id,
            String reference,
            String seller,
            String buyer,
            String commodity,
            String priceUnit,
            String price,
            String priceCurrency,
            Map<String, String> conversionFactors,
            UUID accountId,
            Instant createdAt) {
        static ContractView of(Contract contract) {
            Map<String, String> factors = new TreeMap<>();
            contract.conversionFactors().forEach((unit, factor) -> factors.put(unit.name(), Amounts.plain(factor)));
            return new ContractView(
                    contract.id(),
                    contract.reference(),
                    contract.seller(),
                    contract.buyer(),
                    contract.commodity().name(),
                    contract.priceUnit().name(),
                    Amounts.plain(contract.price()),
                    contract.priceCurrency().code(),
                    factors,
                    contract.accountId(),
                    contract.createdAt());
        }
    }

    /** A delivery statement; {@code issued_on} defaults to the day after the period. */
    public record StatementRequest(
            String contract,
            LocalDate periodStart,
            LocalDate periodEnd,
            String meteredQuantity,
            String unit,
            Optional<String> disputedQuantity,
            Optional<String> disputeReason,
            Optional<LocalDate> issuedOn) {}

    public record StatementView(
            UUID id,
            UUID contractId,
            LocalDate periodStart,
            LocalDate periodEnd,
            String meteredQuantity,
            String unit,
            String disputedQuantity,
            Optional<String> disputeReason,
            LocalDate issuedOn,
            String origin) {
        static StatementView of(DeliveryStatement statement) {
            return new StatementView(
                    statement.id(),
                    statement.contractId(),
                    statement.periodStart(),
                    statement.periodEnd(),
                    Amounts.plain(statement.meteredQuantity()),
                    statement.unit().name(),
                    Amounts.plain(statement.disputedQuantity()),
                    statement.disputeReason(),
                    statement.issuedOn(),
                    statement.origin());
        }
    }

    public record NoteView(
            UUID id,
            String number,
            UUID invoiceId,
            String kind,
            String quantity,
            String unit,
            MoneyValue amount,
            String reason,
            LocalDate issuedOn) {
        static NoteView of(Note note) {
            return new NoteView(
                    note.id(),
                    note.number(),
                    note.invoiceId(),
                    note.kind().name(),
                    Amounts.plain(note.quantity()),
                    note.unit().name(),
                    MoneyValue.of(note.amount()),
                    note.reason(),
                    note.issuedOn());
        }
    }

    /** A note to add; {@code unit} defaults to the statement's. */
    public record NoteRequest(
            String id, String kind, String quantity, Optional<String> unit, String reason, LocalDate issuedOn) {}

    public record InvoiceView(
            UUID id,
            String number,
            UUID contractId,
            String contract,
            UUID statementId,
            LocalDate periodStart,
            LocalDate periodEnd,
            LocalDate issuedOn,
            String quantity,
            String priceUnit,
            String unitPrice,
            MoneyValue amount,
            List<NoteView> notes,
            MoneyValue net,
            MoneyValue paid,
            MoneyValue outstanding) {
        static InvoiceView of(Invoice invoice) {
            return new InvoiceView(
                    invoice.id(),
                    invoice.number(),
                    invoice.contractId(),
                    invoice.contractReference(),
                    invoice.statementId(),
                    invoice.periodStart(),
                    invoice.periodEnd(),
                    invoice.issuedOn(),
                    Amounts.plain(invoice.quantity()),
                    invoice.priceUnit().name(),
                    Amounts.plain(invoice.unitPrice()),
                    MoneyValue.of(invoice.amount()),
                    invoice.notes().stream().map(NoteView::of).toList(),
                    MoneyValue.of(invoice.net()),
                    MoneyValue.of(invoice.paid()),
                    MoneyValue.of(invoice.outstanding()));
        }
    }

    public record StatementResultView(StatementView statement, InvoiceView invoice, boolean created) {
        static StatementResultView of(StatementOutcome outcome) {
            return new StatementResultView(
                    StatementView.of(outcome.statement()), InvoiceView.of(outcome.invoice()), outcome.created());
        }
    }

    public record ImportView(
            String file, int statements, int created, int unchanged, List<StatementResultView> results) {}

    public record InvoiceBalanceView(
            String invoice,
            LocalDate periodStart,
            LocalDate periodEnd,
            MoneyValue net,
            MoneyValue paid,
            MoneyValue outstanding) {}

    public record ArrearsView(
            UUID contractId,
            String contract,
            LocalDate asOf,
            MoneyValue netInvoiced,
            MoneyValue paid,
            MoneyValue unappliedCredit,
            MoneyValue arrears,
            List<InvoiceBalanceView> invoices) {
        static ArrearsView of(Arrears arrears) {
            return new ArrearsView(
                    arrears.contractId(),
                    arrears.contractReference(),
                    arrears.asOf(),
                    MoneyValue.of(arrears.netInvoiced()),
                    MoneyValue.of(arrears.paid()),
                    MoneyValue.of(arrears.unappliedCredit()),
                    MoneyValue.of(arrears.arrears()),
                    arrears.invoices().stream()
                            .map(b -> new InvoiceBalanceView(
                                    b.invoiceNumber(),
                                    b.periodStart(),
                                    b.periodEnd(),
                                    MoneyValue.of(b.net()),
                                    MoneyValue.of(b.paid()),
                                    MoneyValue.of(b.outstanding())))
                            .toList());
        }
    }

    // ---------------------------------------------------------------- deposits

    /**
     * A deposit under its idempotency key {@code id}. {@code rate}: one unit of the contract's price
     * currency in the deposit currency ("1404"); {@code invoice}: the invoice number it pays.
     */
    public record DepositRequest(
            String id,
            String contract,
            MoneyValue amount,
            LocalDate valueDate,
            String rate,
            String rateSource,
            LocalDate rateDate,
            Optional<String> invoice,
            Optional<String> reference) {}

    public record AllocationView(UUID invoiceId, String invoice, MoneyValue amount, MoneyValue depositAmount) {}

    public record DepositView(
            UUID id,
            String reference,
            UUID contractId,
            String contract,
            UUID accountId,
            MoneyValue amount,
            LocalDate valueDate,
            RateValue rate,
            MoneyValue equivalent,
            List<AllocationView> allocations,
            MoneyValue unapplied,
            String match,
            String authorisation,
            UUID ledgerTransferId,
            Instant recordedAt,
            String recordedBy) {
        static DepositView of(Deposit deposit) {
            return new DepositView(
                    deposit.id(),
                    deposit.reference(),
                    deposit.contractId(),
                    deposit.contractReference(),
                    deposit.accountId(),
                    MoneyValue.of(deposit.amount()),
                    deposit.valueDate(),
                    RateValue.of(deposit.rate()),
                    MoneyValue.of(deposit.equivalent()),
                    deposit.allocations().stream()
                            .map(a -> new AllocationView(
                                    a.invoiceId(),
                                    a.invoiceNumber(),
                                    MoneyValue.of(a.amount()),
                                    MoneyValue.of(a.depositAmount())))
                            .toList(),
                    MoneyValue.of(deposit.unapplied()),
                    deposit.match().name(),
                    deposit.authorisationReference(),
                    deposit.ledgerTransferId(),
                    deposit.recordedAt(),
                    deposit.recordedBy());
        }
    }

    // ---------------------------------------------------------------- conversions and transfers

    /**
     * A conversion request under its idempotency key {@code id}; with {@code execute_on}, it is
     * executed at once on that value date (one step).
     */
    public record ConversionRequest(
            String id,
            String source,
            String destination,
            MoneyValue amount,
            LocalDate requestedOn,
            Optional<String> approvalReference,
            RateValue rate,
            String spreadPercent,
            Optional<MoneyValue> fee,
            Optional<LocalDate> executeOn) {}

    /** An execution (tranche) under its idempotency key {@code id}; the amount defaults to what remains. */
    public record ExecutionRequest(
            String id, LocalDate valueDate, Optional<MoneyValue> amount, Optional<RateValue> rate) {}

    public record QuoteView(MoneyValue amount, MoneyValue fee, MoneyValue spread, MoneyValue fx, MoneyValue target) {
        static QuoteView of(ConversionQuote quote) {
            return new QuoteView(
                    MoneyValue.of(quote.amount()),
                    MoneyValue.of(quote.fee()),
                    MoneyValue.of(quote.spread()),
                    MoneyValue.of(quote.fx()),
                    MoneyValue.of(quote.target()));
        }
    }

    public record ConsumptionView(UUID lotId, LocalDate lotValueDate, MoneyValue amount) {
        static List<ConsumptionView> of(List<LotConsumption> consumed) {
            return consumed.stream()
                    .map(c -> new ConsumptionView(c.lotId(), c.lotValueDate(), MoneyValue.of(c.amount())))
                    .toList();
        }
    }

    public record ExecutionView(
            UUID id,
            UUID conversionId,
            LocalDate valueDate,
            QuoteView quote,
            RateValue rate,
            String authorisation,
            UUID lotId,
            List<ConsumptionView> lotsConsumed,
            Instant recordedAt,
            String recordedBy) {
        static ExecutionView of(ConversionExecution execution) {
            return new ExecutionView(
                    execution.id(),
                    execution.conversionId(),
                    execution.valueDate(),
                    QuoteView.of(execution.quote()),
                    RateValue.of(execution.rate()),
                    execution.authorisationReference(),
                    execution.lotId(),
                    ConsumptionView.of(execution.consumed()),
                    execution.recordedAt(),
                    execution.recordedBy());
        }
    }

    public record ConversionView(
            UUID id,
            UUID sourceAccountId,
            UUID destinationAccountId,
            MoneyValue amount,
            LocalDate requestedOn,
            Optional<String> approvalReference,
            RateValue rate,
            String spreadPercent,
            MoneyValue fee,
            String status,
            Optional<String> heldReason,
            MoneyValue executed,
            MoneyValue remaining,
            Optional<String> authorisation,
            List<ExecutionView> executions,
            Instant recordedAt,
            String recordedBy) {
        static ConversionView of(Conversion conversion) {
            return new ConversionView(
                    conversion.id(),
                    conversion.sourceAccountId(),
                    conversion.destinationAccountId(),
                    MoneyValue.of(conversion.amount()),
                    conversion.requestedOn(),
                    conversion.approvalReference(),
                    RateValue.of(conversion.rate()),
                    Amounts.plain(conversion.spreadPercent()),
                    MoneyValue.of(conversion.fee()),
                    conversion.status().name(),
                    conversion.heldReason().map(Enum::name),
                    MoneyValue.of(conversion.executed()),
                    MoneyValue.of(conversion.remaining()),
                    conversion.authorisationReference(),
                    conversion.executions().stream().map(ExecutionView::of).toList(),
                    conversion.recordedAt(),
                    conversion.recordedBy());
        }
    }

    public record RestrictedTransferRequest(
            String id,
            String source,
            String destination,
            MoneyValue amount,
            LocalDate valueDate,
            Optional<String> approvalReference) {}

    public record RestrictedTransferView(
            UUID id,
            UUID sourceAccountId,
            UUID destinationAccountId,
            MoneyValue amount,
            LocalDate valueDate,
            Optional<String> approvalReference,
            String authorisation,
            UUID ledgerTransferId,
            UUID lotId,
            List<ConsumptionView> lotsConsumed,
            Instant recordedAt,
            String recordedBy) {
        static RestrictedTransferView of(RestrictedTransfer transfer) {
            return new RestrictedTransferView(
                    transfer.id(),
                    transfer.sourceAccountId(),
                    transfer.destinationAccountId(),
                    MoneyValue.of(transfer.amount()),
                    transfer.valueDate(),
                    transfer.approvalReference(),
                    transfer.authorisationReference(),
                    transfer.ledgerTransferId(),
                    transfer.lotId(),
                    ConsumptionView.of(transfer.consumed()),
                    transfer.recordedAt(),
                    transfer.recordedBy());
        }
    }

    // ---------------------------------------------------------------- reconciliation

    public record ReconciliationRowView(
            String contract,
            String seller,
            String buyer,
            String commodity,
            String month,
            LocalDate periodStart,
            LocalDate periodEnd,
            String invoice,
            String meteredQuantity,
            String disputedQuantity,
            String unit,
            String invoicedQuantity,
            String priceUnit,
            String unitPrice,
            MoneyValue invoiced,
            MoneyValue creditNotes,
            MoneyValue debitNotes,
            MoneyValue netInvoiced,
            MoneyValue paid,
            MoneyValue paidInDepositCurrency,
            List<String> depositRates,
            MoneyValue outstanding,
            String status,
            String dispute,
            List<String> flags) {
        static ReconciliationRowView of(ReconciliationReport.Row row) {
            return new ReconciliationRowView(
                    row.contract(),
                    row.seller(),
                    row.buyer(),
                    row.commodity().name(),
                    row.month(),
                    row.periodStart(),
                    row.periodEnd(),
                    row.invoice(),
                    Amounts.plain(row.meteredQuantity()),
                    Amounts.plain(row.disputedQuantity()),
                    row.unit().name(),
                    Amounts.plain(row.invoicedQuantity()),
                    row.priceUnit().name(),
                    Amounts.plain(row.unitPrice()),
                    MoneyValue.of(row.invoiced()),
                    MoneyValue.of(row.creditNotes()),
                    MoneyValue.of(row.debitNotes()),
                    MoneyValue.of(row.netInvoiced()),
                    MoneyValue.of(row.paid()),
                    MoneyValue.of(row.paidInDepositCurrency()),
                    row.depositRates(),
                    MoneyValue.of(row.outstanding()),
                    row.status(),
                    row.dispute(),
                    row.flags());
        }
    }

    public record ContractTotalView(
            String contract,
            LocalDate asOf,
            MoneyValue netInvoiced,
            MoneyValue paid,
            MoneyValue unappliedCredit,
            MoneyValue arrears) {}

    public record ReconciliationView(
            String report,
            LocalDate from,
            LocalDate to,
            List<ReconciliationRowView> rows,
            List<ContractTotalView> contracts) {
        public static ReconciliationView of(ReconciliationReport report) {
            return new ReconciliationView(
                    "RPT-6",
                    report.from(),
                    report.to(),
                    report.rows().stream().map(ReconciliationRowView::of).toList(),
                    report.contracts().stream()
                            .map(c -> new ContractTotalView(
                                    c.contract(),
                                    c.asOf(),
                                    MoneyValue.of(c.netInvoiced()),
                                    MoneyValue.of(c.paid()),
                                    MoneyValue.of(c.unappliedCredit()),
                                    MoneyValue.of(c.arrears())))
                            .toList());
        }
    }
}
