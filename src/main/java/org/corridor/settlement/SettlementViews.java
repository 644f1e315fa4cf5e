package org.corridor.settlement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.corridor.DomainException;
import org.corridor.InvalidInputException;
import org.corridor.money.Currency;
import org.corridor.money.Money;

/**
 * The settlement feature's JSON: requests and views as records (snake_case on the wire), amounts
 * as decimal strings with their currency, quantities, prices and rates as decimal strings. A view
 * declares only the shape the API shows and is derived from its domain record by name ({@link
 * Views}); routes serialise domain records whose shape is already the API's (opening balances,
 * conversion rules, flows, quotes) directly.
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

    /** An account with its posted balance, which the API adds to the account's record. */
    public record RestrictedAccountView(
            UUID id,
            String name,
            String holder,
            Currency currency,
            String bank,
            String country,
            AccountStatus status,
            Money balance,
            Instant createdAt) {
        static RestrictedAccountView of(RestrictedAccount account, Money balance) {
            return new RestrictedAccountView(
                    account.id(),
                    account.name(),
                    account.holder(),
                    account.currency(),
                    account.bank(),
                    account.country(),
                    account.status(),
                    balance,
                    account.createdAt());
        }
    }

    /** A legacy balance: {@code value_date} is when the money originally arrived. */
    public record OpeningBalanceRequest(String id, MoneyValue amount, LocalDate valueDate, Optional<String> note) {}

    public record ConversionRuleRequest(
            Optional<MoneyValue> weeklyCap, Optional<MoneyValue> trancheMax, String source) {}

    /** A lot, without its account: it is listed under it. */
    public record LotView(
            UUID id, LocalDate valueDate, Money original, Money remaining, LotSource source, String reference) {}

    /** One age bucket: {@code label} 0-30, 31-90, 91-365 or >365 days. */
    public record BucketView(String label, Money amount) {}

    /**
     * The balance as of a date by age of its lots, with the lots that make it up: the API names the
     * account and lists the buckets with their labels.
     */
    public record AgeingView(
            UUID accountId,
            String account,
            LocalDate asOf,
            Money balance,
            List<BucketView> buckets,
            Optional<LocalDate> oldestValueDate,
            List<LotView> lots) {
        static AgeingView of(RestrictedAccount account, Ageing ageing) {
            return new AgeingView(
                    account.id(),
                    account.name(),
                    ageing.asOf(),
                    ageing.balance(),
                    List.of(
                            new BucketView("0-30", ageing.days0To30()),
                            new BucketView("31-90", ageing.days31To90()),
                            new BucketView("91-365", ageing.days91To365()),
                            new BucketView(">365", ageing.over365Days())),
                    ageing.oldestValueDate(),
                    Views.ofEach(ageing.lots(), LotView.class));
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
            Commodity commodity,
            QuantityUnit priceUnit,
            String price,
            Currency priceCurrency,
            Map<String, String> conversionFactors,
            UUID accountId,
            Instant createdAt) {}

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
            QuantityUnit unit,
            String disputedQuantity,
            Optional<String> disputeReason,
            LocalDate issuedOn,
            String origin) {}

    public record NoteView(
            UUID id,
            String number,
            UUID invoiceId,
            NoteKind kind,
            String quantity,
            QuantityUnit unit,
            Money amount,
            String reason,
            LocalDate issuedOn) {}

    /** A note to add; {@code unit} defaults to the statement's. */
    public record NoteRequest(
            String id, String kind, String quantity, Optional<String> unit, String reason, LocalDate issuedOn) {}

    public record InvoiceView(
            UUID id,
            String number,
            UUID contractId,
            @Views.From("contractReference") String contract,
            UUID statementId,
            LocalDate periodStart,
            LocalDate periodEnd,
            LocalDate issuedOn,
            String quantity,
            QuantityUnit priceUnit,
            String unitPrice,
            Money amount,
            List<NoteView> notes,
            Money net,
            Money paid,
            Money outstanding) {}

    public record StatementResultView(StatementView statement, InvoiceView invoice, boolean created) {}

    public record ImportView(
            String file, int statements, int created, int unchanged, List<StatementResultView> results) {}

    public record InvoiceBalanceView(
            @Views.From("invoiceNumber") String invoice,
            LocalDate periodStart,
            LocalDate periodEnd,
            Money net,
            Money paid,
            Money outstanding) {}

    public record ArrearsView(
            UUID contractId,
            @Views.From("contractReference") String contract,
            LocalDate asOf,
            Money netInvoiced,
            Money paid,
            Money unappliedCredit,
            Money arrears,
            List<InvoiceBalanceView> invoices) {}

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

    public record AllocationView(
            UUID invoiceId, @Views.From("invoiceNumber") String invoice, Money amount, Money depositAmount) {}

    public record DepositView(
            UUID id,
            String reference,
            UUID contractId,
            @Views.From("contractReference") String contract,
            UUID accountId,
            Money amount,
            LocalDate valueDate,
            RateValue rate,
            Money equivalent,
            List<AllocationView> allocations,
            Money unapplied,
            DepositMatch match,
            @Views.From("authorisationReference") String authorisation,
            UUID ledgerTransferId,
            Instant recordedAt,
            String recordedBy) {}

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

    /** A lot a movement consumed: the API shows which lot, of what date, and how much. */
    public record ConsumptionView(UUID lotId, LocalDate lotValueDate, Money amount) {}

    public record ExecutionView(
            UUID id,
            UUID conversionId,
            LocalDate valueDate,
            ConversionQuote quote,
            RateValue rate,
            @Views.From("authorisationReference") String authorisation,
            UUID lotId,
            @Views.From("consumed") List<ConsumptionView> lotsConsumed,
            Instant recordedAt,
            String recordedBy) {}

    public record ConversionView(
            UUID id,
            UUID sourceAccountId,
            UUID destinationAccountId,
            Money amount,
            LocalDate requestedOn,
            Optional<String> approvalReference,
            RateValue rate,
            String spreadPercent,
            Money fee,
            ConversionStatus status,
            Optional<Refusal> heldReason,
            Money executed,
            Money remaining,
            @Views.From("authorisationReference") Optional<String> authorisation,
            List<ExecutionView> executions,
            Instant recordedAt,
            String recordedBy) {}

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
            Money amount,
            LocalDate valueDate,
            Optional<String> approvalReference,
            @Views.From("authorisationReference") String authorisation,
            UUID ledgerTransferId,
            UUID lotId,
            @Views.From("consumed") List<ConsumptionView> lotsConsumed,
            Instant recordedAt,
            String recordedBy) {}

    // ---------------------------------------------------------------- reconciliation

    public record ReconciliationRowView(
            String contract,
            String seller,
            String buyer,
            Commodity commodity,
            String month,
            LocalDate periodStart,
            LocalDate periodEnd,
            String invoice,
            String meteredQuantity,
            String disputedQuantity,
            QuantityUnit unit,
            String invoicedQuantity,
            QuantityUnit priceUnit,
            String unitPrice,
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
            List<String> flags) {}

    /** RPT-6 as the API shows it: the report names itself. */
    public record ReconciliationView(
            String report,
            LocalDate from,
            LocalDate to,
            List<ReconciliationRowView> rows,
            List<ReconciliationReport.ContractTotal> contracts) {
        public static ReconciliationView of(ReconciliationReport report) {
            return new ReconciliationView(
                    "RPT-6",
                    report.from(),
                    report.to(),
                    Views.ofEach(report.rows(), ReconciliationRowView.class),
                    report.contracts());
        }
    }
}
