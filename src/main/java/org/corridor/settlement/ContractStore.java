package org.corridor.settlement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.corridor.db.Handles;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.transaction.Transaction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * SQL for contracts, delivery statements, invoices and their notes, in the caller's unit of work.
 * Stateless and thread-safe.
 */
final class ContractStore extends SettlementStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> FACTORS = new TypeReference<>() {};

    // ---------------------------------------------------------------- contracts

    /** The contract recorded under {@code reference} or {@code id}, if any. */
    Optional<Contract> byReferenceOrId(Transaction transaction, String reference, UUID id) {
        String sql = "select * from settlement_contract where reference = :reference or id = :id";
        return first(transaction, sql, CONTRACT, "reference", reference, "id", id);
    }

    void insert(Transaction transaction, Contract contract) {
        Handles.of(transaction)
                .createUpdate("""
                        insert into settlement_contract
                          (id, reference, seller, buyer, commodity, price_unit, price, price_currency,
                           conversion_factors, account_id, created_at, created_by)
                        values (:id, :reference, :seller, :buyer, :commodity, :unit, :price, :currency,
                                :factors, :account, :now, :by)
                        """)
                .bind("id", contract.id())
                .bind("reference", contract.reference())
                .bind("seller", contract.seller())
                .bind("buyer", contract.buyer())
                .bind("commodity", contract.commodity().name())
                .bind("unit", contract.priceUnit().name())
                .bind("price", contract.price())
                .bind("currency", contract.priceCurrency().code())
                .bind("factors", factorsJson(contract.conversionFactors()))
                .bind("account", contract.accountId())
                .bind("now", AccountStore.utc(contract.createdAt()))
                .bind("by", contract.createdBy())
                .execute();
    }

    Optional<Contract> contract(Transaction transaction, UUID id) {
        return first(transaction, "select * from settlement_contract where id = :id", CONTRACT, "id", id);
    }

    Optional<Contract> byReference(Transaction transaction, String reference) {
        String sql = "select * from settlement_contract where reference = :reference";
        return first(transaction, sql, CONTRACT, "reference", reference);
    }

    /** Every contract, by reference. */
    List<Contract> all(Transaction transaction) {
        return list(transaction, "select * from settlement_contract order by reference", CONTRACT);
    }

    // ---------------------------------------------------------------- statements

    /** The contract's statement for exactly this period, locked until the unit of work ends. */
    Optional<DeliveryStatement> lockStatement(
            Transaction transaction, UUID contractId, LocalDate periodStart, LocalDate periodEnd) {
        String sql = """
                select * from settlement_statement
                where contract_id = :contract and period_start = :start and period_end = :end
                for update
                """;
        return first(transaction, sql, STATEMENT, "contract", contractId, "start", periodStart, "end", periodEnd);
    }

    void insertStatement(Transaction transaction, DeliveryStatement statement, String by) {
        Handles.of(transaction)
                .createUpdate("""
                        insert into settlement_statement
                          (id, contract_id, period_start, period_end, metered_quantity, unit, disputed_quantity,
                           dispute_reason, issued_on, origin, recorded_at, recorded_by)
                        values (:id, :contract, :start, :end, :metered, :unit, :disputed, :reason, :issued, :origin,
                                :now, :by)
                        """)
                .bind("id", statement.id())
                .bind("contract", statement.contractId())
                .bind("start", statement.periodStart())
                .bind("end", statement.periodEnd())
                .bind("metered", statement.meteredQuantity())
                .bind("unit", statement.unit().name())
                .bind("disputed", statement.disputedQuantity())
                .bind("reason", statement.disputeReason().orElse(""))
                .bind("issued", statement.issuedOn())
                .bind("origin", statement.origin())
                .bind("now", AccountStore.utc(statement.recordedAt()))
                .bind("by", by)
                .execute();
    }

    List<DeliveryStatement> statements(Transaction transaction, Optional<UUID> contractId) {
        return Handles.of(transaction)
                .createQuery("""
                        select * from settlement_statement
                        where cast(:contract as uuid) is null or contract_id = cast(:contract as uuid)
                        order by period_start, contract_id
                        """)
                .bind("contract", contractId.map(UUID::toString).orElse(null))
                .map(STATEMENT)
                .list();
    }

    // ---------------------------------------------------------------- invoices and notes

    /** Inserts the invoice a statement produces, priced at the contract's unit price. */
    void insertInvoice(
            Transaction transaction,
            UUID id,
            String number,
            Contract contract,
            DeliveryStatement statement,
            Invoicing.Billing billing) {
        Handles.of(transaction)
                .createUpdate("""
                        insert into settlement_invoice
                          (id, number, contract_id, statement_id, issued_on, quantity, unit_price, amount_minor, currency)
                        values (:id, :number, :contract, :statement, :issued, :quantity, :price, :amount, :currency)
                        """)
                .bind("id", id)
                .bind("number", number)
                .bind("contract", contract.id())
                .bind("statement", statement.id())
                .bind("issued", statement.issuedOn())
                .bind("quantity", billing.quantity())
                .bind("price", contract.price())
                .bind("amount", billing.amount().amountMinor())
                .bind("currency", contract.priceCurrency().code())
                .execute();
    }

    void insertNote(Transaction transaction, Note note, Instant now, String by) {
        Handles.of(transaction)
                .createUpdate("""
                        insert into settlement_note
                          (id, number, invoice_id, kind, quantity, unit, amount_minor, reason, issued_on, recorded_at,
                           recorded_by)
                        values (:id, :number, :invoice, :kind, :quantity, :unit, :amount, :reason, :issued, :now, :by)
                        """)
                .bind("id", note.id())
                .bind("number", note.number())
                .bind("invoice", note.invoiceId())
                .bind("kind", note.kind().name())
                .bind("quantity", note.quantity())
                .bind("unit", note.unit().name())
                .bind("amount", note.amount().amountMinor())
                .bind("reason", note.reason())
                .bind("issued", note.issuedOn())
                .bind("now", AccountStore.utc(now))
                .bind("by", by)
                .execute();
    }

    Optional<Note> note(Transaction transaction, UUID id) {
        String sql = "select n.*, i.currency from settlement_note n join settlement_invoice i on i.id = n.invoice_id";
        return first(transaction, sql + " where n.id = :id", NOTE, "id", id);
    }

    /** Locks the invoice until the unit of work ends and counts its notes of {@code kind}. */
    int lockAndCountNotes(Transaction transaction, UUID invoiceId, NoteKind kind) {
        Handle handle = Handles.of(transaction);
        handle.createQuery("select id from settlement_invoice where id = :id for update")
                .bind("id", invoiceId)
                .mapTo(UUID.class)
                .one();
        return handle.createQuery("select count(*) from settlement_note where invoice_id = :id and kind = :kind")
                .bind("id", invoiceId)
                .bind("kind", kind.name())
                .mapTo(Integer.class)
                .one();
    }

    /** The invoices of one contract or all. */
    List<Invoice> invoices(Transaction transaction, Optional<UUID> contractId) {
        return contractId.isPresent()
                ? invoices(Handles.of(transaction), "where i.contract_id = :key", contractId.get())
                : invoices(Handles.of(transaction), "", null);
    }

    Optional<Invoice> invoice(Transaction transaction, UUID id) {
        return invoices(Handles.of(transaction), "where i.id = :key", id).stream()
                .findFirst();
    }

    Optional<Invoice> invoiceByNumber(Transaction transaction, String number) {
        return invoices(Handles.of(transaction), "where i.number = :key", number).stream()
                .findFirst();
    }

    /** The invoice a statement produced. */
    Invoice invoiceOf(Transaction transaction, DeliveryStatement statement) {
        return invoices(Handles.of(transaction), "where i.statement_id = :key", statement.id())
                .get(0);
    }

    /** The contract's invoices that still have something outstanding, oldest period first. */
    List<Invoice> openInvoices(Transaction transaction, UUID contractId) {
        return invoices(Handles.of(transaction), "where i.contract_id = :key", contractId).stream()
                .filter(invoice -> invoice.outstanding().isPositive())
                .toList();
    }

    /** Joins an invoice {@code i} to its statement {@code s} and contract {@code c}, for a {@code where} to name. */
    private static final String OF_INVOICE = """
            join settlement_statement s on s.id = i.statement_id
            join settlement_contract c on c.id = i.contract_id
            """;

    /** Invoices with their notes and what deposits paid of them, oldest period first. */
    private static List<Invoice> invoices(Handle handle, String where, Object key) {
        String notesSql =
                "select n.*, i.currency from settlement_note n join settlement_invoice i on i.id = n.invoice_id "
                        + OF_INVOICE + where + " order by n.issued_on, n.number";
        Map<UUID, List<Note>> notes = new HashMap<>();
        keyed(handle, notesSql, key)
                .map(NOTE)
                .forEach(note -> notes.computeIfAbsent(note.invoiceId(), id -> new ArrayList<>())
                        .add(note));
        String paidSql = "select a.invoice_id, sum(a.amount_minor) from settlement_allocation a"
                + " join settlement_invoice i on i.id = a.invoice_id " + OF_INVOICE + where + " group by a.invoice_id";
        Map<UUID, Long> paid = new HashMap<>();
        keyed(handle, paidSql, key)
                .map((rs, ctx) -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2)))
                .forEach(entry -> paid.put(entry.getKey(), entry.getValue()));
        String invoicesSql = "select i.*, s.period_start, s.period_end, c.reference as contract_reference, c.price_unit"
                + " from settlement_invoice i " + OF_INVOICE + where + " order by s.period_start, c.reference";
        return keyed(handle, invoicesSql, key)
                .map((rs, ctx) -> invoice(rs, notes, paid))
                .list();
    }

    private static Invoice invoice(ResultSet rs, Map<UUID, List<Note>> notes, Map<UUID, Long> paid)
            throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Currency currency = Currency.of(rs.getString("currency").trim());
        Money amount = Money.ofMinor(rs.getLong("amount_minor"), currency);
        List<Note> its = notes.getOrDefault(id, List.of());
        Money net = amount;
        for (Note note : its) {
            net = net.plus(note.signedAmount());
        }
        Money settled = Money.ofMinor(paid.getOrDefault(id, 0L), currency);
        return new Invoice(
                id,
                rs.getString("number"),
                rs.getObject("contract_id", UUID.class),
                rs.getString("contract_reference"),
                rs.getObject("statement_id", UUID.class),
                rs.getObject("period_start", LocalDate.class),
                rs.getObject("period_end", LocalDate.class),
                rs.getObject("issued_on", LocalDate.class),
                rs.getBigDecimal("quantity"),
                QuantityUnit.valueOf(rs.getString("price_unit")),
                rs.getBigDecimal("unit_price"),
                amount,
                its,
                net,
                settled,
                net.minus(settled));
    }

    // ---------------------------------------------------------------- mapping

    private static String factorsJson(Map<QuantityUnit, BigDecimal> factors) {
        try {
            return JSON.writeValueAsString(Amounts.plain(factors));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("conversion factors cannot be written", e);
        }
    }

    private static Map<QuantityUnit, BigDecimal> factors(String json) {
        try {
            Map<QuantityUnit, BigDecimal> factors = new LinkedHashMap<>();
            JSON.readValue(json, FACTORS)
                    .forEach((unit, factor) -> factors.put(QuantityUnit.valueOf(unit), new BigDecimal(factor)));
            return factors;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored conversion factors are unreadable", e);
        }
    }

    static final RowMapper<Contract> CONTRACT = (rs, ctx) -> new Contract(
            rs.getObject("id", UUID.class),
            rs.getString("reference"),
            rs.getString("seller"),
            rs.getString("buyer"),
            Commodity.valueOf(rs.getString("commodity")),
            QuantityUnit.valueOf(rs.getString("price_unit")),
            rs.getBigDecimal("price"),
            Currency.of(rs.getString("price_currency")),
            factors(rs.getString("conversion_factors")),
            rs.getObject("account_id", UUID.class),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            rs.getString("created_by"));

    static final RowMapper<DeliveryStatement> STATEMENT = (rs, ctx) -> new DeliveryStatement(
            rs.getObject("id", UUID.class),
            rs.getObject("contract_id", UUID.class),
            rs.getObject("period_start", LocalDate.class),
            rs.getObject("period_end", LocalDate.class),
            rs.getBigDecimal("metered_quantity"),
            QuantityUnit.valueOf(rs.getString("unit")),
            rs.getBigDecimal("disputed_quantity"),
            Optional.of(rs.getString("dispute_reason")).filter(reason -> !reason.isEmpty()),
            rs.getObject("issued_on", LocalDate.class),
            rs.getString("origin"),
            rs.getObject("recorded_at", OffsetDateTime.class).toInstant());

    static final RowMapper<Note> NOTE = (rs, ctx) -> note(rs);

    private static Note note(ResultSet rs) throws SQLException {
        return new Note(
                rs.getObject("id", UUID.class),
                rs.getString("number"),
                rs.getObject("invoice_id", UUID.class),
                NoteKind.valueOf(rs.getString("kind")),
                rs.getBigDecimal("quantity"),
                QuantityUnit.valueOf(rs.getString("unit")),
                Money.ofMinor(rs.getLong("amount_minor"), Currency.of(rs.getString("currency"))),
                rs.getString("reason"),
                rs.getObject("issued_on", LocalDate.class));
    }
}
