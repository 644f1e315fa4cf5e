package org.corridor.settlement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.corridor.db.Handles;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.transaction.Transaction;
import org.jdbi.v3.core.Handle;

/** SQL for deposits and their allocations to invoices, in the caller's unit of work. Stateless and thread-safe. */
final class DepositStore extends SettlementStore {

    /** The request a deposit was recorded for, if it was. */
    Optional<String> request(Transaction transaction, UUID id) {
        return request(transaction, "settlement_deposit", id);
    }

    /**
     * Inserts the deposit and its allocations; false when another unit of work recorded its id
     * first.
     */
    boolean insert(
            Transaction transaction, Deposit deposit, UUID payerAccountId, UUID authorisationId, String request) {
        Handle handle = Handles.of(transaction);
        int inserted = handle.createUpdate("""
                        insert into settlement_deposit
                          (id, reference, contract_id, account_id, payer_account_id, amount_minor, currency,
                           value_date, rate, rate_source, rate_date, equivalent_minor, price_currency,
                           unapplied_minor, match, authorisation_id, authorisation_ref, ledger_transfer_id,
                           request, recorded_at, recorded_by)
                        values (:id, :reference, :contract, :account, :payer, :amount, :currency, :valueDate,
                                :rate, :rateSource, :rateDate, :equivalent, :priceCurrency, :unapplied, :match,
                                :authorisation, :authorisationRef, :transfer, :request, :now, :by)
                        on conflict (id) do nothing
                        """)
                .bind("id", deposit.id())
                .bind("reference", deposit.reference())
                .bind("contract", deposit.contractId())
                .bind("account", deposit.accountId())
                .bind("payer", payerAccountId)
                .bind("amount", deposit.amount().amountMinor())
                .bind("currency", deposit.amount().currency().code())
                .bind("valueDate", deposit.valueDate())
                .bind("rate", deposit.rate().value())
                .bind("rateSource", deposit.rate().source())
                .bind("rateDate", deposit.rate().date())
                .bind("equivalent", deposit.equivalent().amountMinor())
                .bind("priceCurrency", deposit.equivalent().currency().code())
                .bind("unapplied", deposit.unapplied().amountMinor())
                .bind("match", deposit.match().name())
                .bind("authorisation", authorisationId)
                .bind("authorisationRef", deposit.authorisationReference())
                .bind("transfer", deposit.ledgerTransferId())
                .bind("request", request)
                .bind("now", AccountStore.utc(deposit.recordedAt()))
                .bind("by", deposit.recordedBy())
                .execute();
        if (inserted == 0) {
            return false;
        }
        for (Allocation allocation : deposit.allocations()) {
            handle.createUpdate("""
                            insert into settlement_allocation (deposit_id, invoice_id, amount_minor, deposit_amount_minor)
                            values (:deposit, :invoice, :amount, :part)
                            """)
                    .bind("deposit", deposit.id())
                    .bind("invoice", allocation.invoiceId())
                    .bind("amount", allocation.amount().amountMinor())
                    .bind("part", allocation.depositAmount().amountMinor())
                    .execute();
        }
        return true;
    }

    Optional<Deposit> deposit(Transaction transaction, UUID id) {
        return deposits(Handles.of(transaction), "where d.id = :key", id).stream()
                .findFirst();
    }

    /** The deposits of one contract or all, by value date. */
    List<Deposit> deposits(Transaction transaction, Optional<UUID> contractId) {
        return contractId.isPresent()
                ? deposits(Handles.of(transaction), "where d.contract_id = :key", contractId.get())
                : deposits(Handles.of(transaction), "", null);
    }

    /** Deposits with their allocations, by value date; {@code where} names the deposit {@code d}. */
    private static List<Deposit> deposits(Handle handle, String where, Object key) {
        Map<UUID, List<Allocation>> allocations = allocations(handle, where, key);
        var query = keyed(
                handle,
                "select d.*, c.reference as contract_reference from settlement_deposit d "
                        + "join settlement_contract c on c.id = d.contract_id " + where
                        + " order by d.value_date, d.recorded_at",
                key);
        return query.map((rs, ctx) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    Currency currency = Currency.of(rs.getString("currency"));
                    Currency priceCurrency = Currency.of(rs.getString("price_currency"));
                    return new Deposit(
                            id,
                            rs.getString("reference"),
                            rs.getObject("contract_id", UUID.class),
                            rs.getString("contract_reference"),
                            rs.getObject("account_id", UUID.class),
                            Money.ofMinor(rs.getLong("amount_minor"), currency),
                            rs.getObject("value_date", LocalDate.class),
                            new ExchangeRate(
                                    priceCurrency,
                                    currency,
                                    rs.getBigDecimal("rate"),
                                    rs.getString("rate_source"),
                                    rs.getObject("rate_date", LocalDate.class)),
                            Money.ofMinor(rs.getLong("equivalent_minor"), priceCurrency),
                            allocations.getOrDefault(id, List.of()),
                            Money.ofMinor(rs.getLong("unapplied_minor"), priceCurrency),
                            DepositMatch.valueOf(rs.getString("match")),
                            rs.getString("authorisation_ref"),
                            rs.getObject("ledger_transfer_id", UUID.class),
                            rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                            rs.getString("recorded_by"));
                })
                .list();
    }

    /** The allocations of the deposits {@code where} names, per deposit, oldest invoice first. */
    private static Map<UUID, List<Allocation>> allocations(Handle handle, String where, Object key) {
        var query = keyed(handle, """
                        select a.*, i.number, i.currency as invoice_currency, d.currency as deposit_currency
                        from settlement_allocation a
                        join settlement_invoice i on i.id = a.invoice_id
                        join settlement_deposit d on d.id = a.deposit_id
                        """ + where + " order by i.issued_on, i.number", key);
        Map<UUID, List<Allocation>> allocations = new HashMap<>();
        query.map((rs, ctx) -> Map.entry(
                        rs.getObject("deposit_id", UUID.class),
                        new Allocation(
                                rs.getObject("invoice_id", UUID.class),
                                rs.getString("number"),
                                Money.ofMinor(
                                        rs.getLong("amount_minor"), Currency.of(rs.getString("invoice_currency"))),
                                Money.ofMinor(
                                        rs.getLong("deposit_amount_minor"),
                                        Currency.of(rs.getString("deposit_currency"))))))
                .forEach(entry -> allocations
                        .computeIfAbsent(entry.getKey(), id -> new ArrayList<>())
                        .add(entry.getValue()));
        return allocations;
    }
}
