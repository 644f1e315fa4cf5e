package org.corridor.settlement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.corridor.ConflictException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditStore;
import org.corridor.audit.CanonicalJson;
import org.corridor.db.Database;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for contracts, delivery statements, invoices and their notes. Thread-safe. */
final class ContractStore {

    /** A statement checked and priced, ready to record. */
    record Prepared(Contract contract, NewDeliveryStatement statement, Invoicing.Billing billing, String origin) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> FACTORS = new TypeReference<>() {};

    private final Jdbi jdbi;
    private final AuditStore audit;
    private final Clock clock;

    ContractStore(Database database, AuditStore audit, Clock clock) {
        this.jdbi = database.jdbi();
        this.audit = audit;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- contracts

    /** Records a contract; the same terms again return it, other terms under its reference are refused. */
    Contract insertContract(Actor actor, Contract contract) {
        return jdbi.inTransaction(handle -> {
            Optional<Contract> existing = handle.createQuery(
                            "select * from settlement_contract where reference = :reference or id = :id")
                    .bind("reference", contract.reference())
                    .bind("id", contract.id())
                    .map(CONTRACT)
                    .findFirst();
            if (existing.isPresent()) {
                if (sameTerms(existing.get(), contract)) {
                    return existing.get();
                }
                throw new ConflictException(
                        "CONTRACT_EXISTS_WITH_DIFFERENT_CONTENT",
                        "contract " + existing.get().reference()
                                + " exists with other terms; contracts are not edited");
            }
            handle.createUpdate("""
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
            audit.append(
                    handle,
                    AuditEvent.of(
                            actor,
                            "CONTRACT_RECORDED",
                            "contract:" + contract.reference(),
                            CanonicalJson.fields(
                                    "reference", contract.reference(),
                                    "seller", contract.seller(),
                                    "buyer", contract.buyer(),
                                    "commodity", contract.commodity().name(),
                                    "price",
                                            Amounts.plain(contract.price()) + " " + contract.priceCurrency() + "/"
                                                    + contract.priceUnit(),
                                    "conversion_factors", factorsJson(contract.conversionFactors()),
                                    "account_id", contract.accountId().toString()),
                            CanonicalJson.fields("id", contract.id().toString())));
            return contract;
        });
    }

    private static boolean sameTerms(Contract a, Contract b) {
        return a.id().equals(b.id())
                && a.reference().equals(b.reference())
                && a.seller().equals(b.seller())
                && a.buyer().equals(b.buyer())
                && a.commodity() == b.commodity()
                && a.priceUnit() == b.priceUnit()
                && a.price().compareTo(b.price()) == 0
                && a.priceCurrency().equals(b.priceCurrency())
                && factorsJson(a.conversionFactors()).equals(factorsJson(b.conversionFactors()))
                && a.accountId().equals(b.accountId());
    }

    Optional<Contract> contract(UUID id) {
        return jdbi.withHandle(handle -> contract(handle, id));
    }

    static Optional<Contract> contract(Handle handle, UUID id) {
        return handle.createQuery("select * from settlement_contract where id = :id")
                .bind("id", id)
                .map(CONTRACT)
                .findFirst();
    }

    Optional<Contract> contractByReference(String reference) {
        return jdbi.withHandle(handle -> handle.createQuery("select * from settlement_contract where reference = :r")
                .bind("r", reference)
                .map(CONTRACT)
                .findFirst());
    }

    List<Contract> contracts() {
        return jdbi.withHandle(handle -> handle.createQuery("select * from settlement_contract order by reference")
                .map(CONTRACT)
                .list());
    }

    // ---------------------------------------------------------------- statements and invoices

    /**
     * Records statements with their invoices and credit notes, all or nothing, with one audit entry.
     * A statement already recorded with the same figures is left as it is.
     *
     * @throws ConflictException STATEMENT_EXISTS_WITH_DIFFERENT_CONTENT naming the statement's origin
     */
    List<StatementOutcome> recordStatements(Actor actor, List<Prepared> statements, String source) {
        return jdbi.inTransaction(handle -> {
            List<StatementOutcome> outcomes = new ArrayList<>();
            List<Map<String, Object>> recorded = new ArrayList<>();
            for (Prepared prepared : statements) {
                NewDeliveryStatement given = prepared.statement();
                Optional<DeliveryStatement> existing = handle.createQuery("""
                                select * from settlement_statement
                                where contract_id = :contract and period_start = :start and period_end = :end
                                for update
                                """)
                        .bind("contract", prepared.contract().id())
                        .bind("start", given.periodStart())
                        .bind("end", given.periodEnd())
                        .map(STATEMENT)
                        .findFirst();
                if (existing.isPresent()) {
                    if (!same(existing.get(), given)) {
                        throw new ConflictException(
                                "STATEMENT_EXISTS_WITH_DIFFERENT_CONTENT",
                                prepared.origin() + ": the statement of "
                                        + prepared.contract().reference() + " for "
                                        + given.periodStart() + " to " + given.periodEnd()
                                        + " was recorded with other figures; correct it with a note on its invoice");
                    }
                    Invoice invoice = invoices(
                                    handle,
                                    "where i.statement_id = :key",
                                    existing.get().id())
                            .get(0);
                    outcomes.add(new StatementOutcome(existing.get(), invoice, false));
                    continue;
                }
                outcomes.add(insertStatement(handle, actor, prepared));
                recorded.add(CanonicalJson.fields(
                        "contract", prepared.contract().reference(),
                        "period", given.periodStart() + ".." + given.periodEnd(),
                        "metered", Amounts.plain(given.meteredQuantity()) + " " + given.unit(),
                        "disputed", Amounts.plain(given.disputedQuantity()) + " " + given.unit(),
                        "invoice", outcomes.get(outcomes.size() - 1).invoice().number(),
                        "amount", prepared.billing().amount().toString(),
                        "credit_note",
                                prepared.billing()
                                        .creditNote()
                                        .map(Money::toString)
                                        .orElse("none")));
            }
            if (!recorded.isEmpty()) {
                audit.append(
                        handle,
                        AuditEvent.of(
                                actor,
                                "DELIVERY_STATEMENTS_RECORDED",
                                "delivery-statements:" + source,
                                CanonicalJson.fields("source", source, "count", statements.size()),
                                CanonicalJson.fields(
                                        "recorded", recorded, "unchanged", statements.size() - recorded.size())));
            }
            return outcomes;
        });
    }

    private static boolean same(DeliveryStatement existing, NewDeliveryStatement given) {
        return existing.meteredQuantity().compareTo(given.meteredQuantity()) == 0
                && existing.unit() == given.unit()
                && existing.disputedQuantity().compareTo(given.disputedQuantity()) == 0
                && existing.disputeReason().equals(given.disputeReason())
                && existing.issuedOn().equals(given.invoiceDate());
    }

    private StatementOutcome insertStatement(Handle handle, Actor actor, Prepared prepared) {
        Contract contract = prepared.contract();
        NewDeliveryStatement given = prepared.statement();
        Instant now = now();
        UUID statementId = UUID.randomUUID();
        handle.createUpdate("""
                        insert into settlement_statement
                          (id, contract_id, period_start, period_end, metered_quantity, unit, disputed_quantity,
                           dispute_reason, issued_on, origin, recorded_at, recorded_by)
                        values (:id, :contract, :start, :end, :metered, :unit, :disputed, :reason, :issued, :origin,
                                :now, :by)
                        """)
                .bind("id", statementId)
                .bind("contract", contract.id())
                .bind("start", given.periodStart())
                .bind("end", given.periodEnd())
                .bind("metered", given.meteredQuantity())
                .bind("unit", given.unit().name())
                .bind("disputed", given.disputedQuantity())
                .bind("reason", given.disputeReason().orElse(""))
                .bind("issued", given.invoiceDate())
                .bind("origin", prepared.origin())
                .bind("now", AccountStore.utc(now))
                .bind("by", actor.name())
                .execute();
        UUID invoiceId = UUID.randomUUID();
        String number = Invoicing.invoiceNumber(contract, given.periodStart(), given.periodEnd());
        handle.createUpdate("""
                        insert into settlement_invoice
                          (id, number, contract_id, statement_id, issued_on, quantity, unit_price, amount_minor, currency)
                        values (:id, :number, :contract, :statement, :issued, :quantity, :price, :amount, :currency)
                        """)
                .bind("id", invoiceId)
                .bind("number", number)
                .bind("contract", contract.id())
                .bind("statement", statementId)
                .bind("issued", given.invoiceDate())
                .bind("quantity", prepared.billing().quantity())
                .bind("price", contract.price())
                .bind("amount", prepared.billing().amount().amountMinor())
                .bind("currency", contract.priceCurrency().code())
                .execute();
        if (prepared.billing().creditNote().isPresent()) {
            insertNote(
                    handle,
                    actor,
                    UUID.randomUUID(),
                    Invoicing.noteNumber(number, NoteKind.CREDIT, 1),
                    invoiceId,
                    NoteKind.CREDIT,
                    given.disputedQuantity(),
                    given.unit(),
                    prepared.billing().creditNote().get(),
                    given.disputeReason().orElseThrow(),
                    given.invoiceDate(),
                    now);
        }
        DeliveryStatement statement = new DeliveryStatement(
                statementId,
                contract.id(),
                given.periodStart(),
                given.periodEnd(),
                given.meteredQuantity(),
                given.unit(),
                given.disputedQuantity(),
                given.disputeReason(),
                given.invoiceDate(),
                prepared.origin(),
                now);
        Invoice invoice = invoices(handle, "where i.id = :key", invoiceId).get(0);
        return new StatementOutcome(statement, invoice, true);
    }

    private static void insertNote(
            Handle handle,
            Actor actor,
            UUID id,
            String number,
            UUID invoiceId,
            NoteKind kind,
            BigDecimal quantity,
            QuantityUnit unit,
            Money amount,
            String reason,
            LocalDate issuedOn,
            Instant now) {
        handle.createUpdate("""
                        insert into settlement_note
                          (id, number, invoice_id, kind, quantity, unit, amount_minor, reason, issued_on, recorded_at,
                           recorded_by)
                        values (:id, :number, :invoice, :kind, :quantity, :unit, :amount, :reason, :issued, :now, :by)
                        """)
                .bind("id", id)
                .bind("number", number)
                .bind("invoice", invoiceId)
                .bind("kind", kind.name())
                .bind("quantity", quantity)
                .bind("unit", unit.name())
                .bind("amount", amount.amountMinor())
                .bind("reason", reason)
                .bind("issued", issuedOn)
                .bind("now", AccountStore.utc(now))
                .bind("by", actor.name())
                .execute();
    }

    /**
     * Adds a note to an invoice, with its audit entry; the same note id again returns the note it
     * recorded (or is refused if its content differs).
     */
    SettlementOutcome.Done<Note> addNote(Actor actor, Invoice invoice, NewNote note, QuantityUnit unit, Money amount) {
        return jdbi.inTransaction(handle -> {
            Optional<Note> existing =
                    handle.createQuery("""
                            select n.*, i.currency from settlement_note n
                            join settlement_invoice i on i.id = n.invoice_id where n.id = :id
                            """).bind("id", note.id()).map(NOTE).findFirst();
            if (existing.isPresent()) {
                Note found = existing.get();
                if (found.invoiceId().equals(invoice.id())
                        && found.kind() == note.kind()
                        && found.quantity().compareTo(note.quantity()) == 0
                        && found.unit() == unit
                        && found.reason().equals(note.reason())
                        && found.issuedOn().equals(note.issuedOn())) {
                    return new SettlementOutcome.Done<>(found, true);
                }
                throw new ConflictException(
                        "NOTE_EXISTS_WITH_DIFFERENT_CONTENT", "note " + note.id() + " was recorded with other content");
            }
            // Lock the invoice: note numbers are counted per invoice.
            handle.createQuery("select id from settlement_invoice where id = :id for update")
                    .bind("id", invoice.id())
                    .mapTo(UUID.class)
                    .one();
            int sequence =
                    handle.createQuery("select count(*) from settlement_note where invoice_id = :id and kind = :kind")
                                    .bind("id", invoice.id())
                                    .bind("kind", note.kind().name())
                                    .mapTo(Integer.class)
                                    .one()
                            + 1;
            String number = Invoicing.noteNumber(invoice.number(), note.kind(), sequence);
            insertNote(
                    handle,
                    actor,
                    note.id(),
                    number,
                    invoice.id(),
                    note.kind(),
                    note.quantity(),
                    unit,
                    amount,
                    note.reason(),
                    note.issuedOn(),
                    now());
            audit.append(
                    handle,
                    AuditEvent.of(
                            actor,
                            note.kind() == NoteKind.CREDIT ? "CREDIT_NOTE_ISSUED" : "DEBIT_NOTE_ISSUED",
                            "invoice:" + invoice.number(),
                            CanonicalJson.fields(
                                    "id", note.id().toString(),
                                    "kind", note.kind().name(),
                                    "quantity", Amounts.plain(note.quantity()) + " " + unit,
                                    "reason", note.reason(),
                                    "issued_on", note.issuedOn().toString()),
                            CanonicalJson.fields("number", number, "amount", amount.toString())));
            return new SettlementOutcome.Done<>(
                    new Note(
                            note.id(),
                            number,
                            invoice.id(),
                            note.kind(),
                            note.quantity(),
                            unit,
                            amount,
                            note.reason(),
                            note.issuedOn()),
                    false);
        });
    }

    List<DeliveryStatement> statements(Optional<UUID> contractId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        select * from settlement_statement
                        where cast(:contract as uuid) is null or contract_id = cast(:contract as uuid)
                        order by period_start, contract_id
                        """)
                .bind("contract", contractId.map(UUID::toString).orElse(null))
                .map(STATEMENT)
                .list());
    }

    List<Invoice> invoices(Optional<UUID> contractId) {
        return jdbi.withHandle(handle -> contractId.isPresent()
                ? invoices(handle, "where i.contract_id = :key", contractId.get())
                : invoices(handle, "", null));
    }

    Optional<Invoice> invoice(UUID id) {
        return jdbi.withHandle(
                handle -> invoices(handle, "where i.id = :key", id).stream().findFirst());
    }

    Optional<Invoice> invoiceByNumber(String number) {
        return jdbi.withHandle(handle ->
                invoices(handle, "where i.number = :key", number).stream().findFirst());
    }

    /** The contract's invoices that still have something outstanding, oldest period first. */
    static List<Invoice> openInvoices(Handle handle, UUID contractId) {
        return invoices(handle, "where i.contract_id = :key", contractId).stream()
                .filter(invoice -> invoice.outstanding().isPositive())
                .toList();
    }

    /** Invoices with their notes and what deposits paid of them, oldest period first. */
    static List<Invoice> invoices(Handle handle, String where, Object key) {
        var query = handle.createQuery("""
                        select i.*, s.period_start, s.period_end, c.reference as contract_reference, c.price_unit
                        from settlement_invoice i
                        join settlement_statement s on s.id = i.statement_id
                        join settlement_contract c on c.id = i.contract_id
                        """ + where + " order by s.period_start, c.reference");
        if (key != null) {
            query.bind("key", key);
        }
        List<Map<String, Object>> rows = query.mapToMap().list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(row -> (UUID) row.get("id")).toList();
        Map<UUID, List<Note>> notes = new HashMap<>();
        handle.createQuery("""
                        select n.*, i.currency from settlement_note n join settlement_invoice i on i.id = n.invoice_id
                        where n.invoice_id = any(:ids) order by n.issued_on, n.number
                        """)
                .bindArray("ids", UUID.class, ids)
                .map(NOTE)
                .forEach(note -> notes.computeIfAbsent(note.invoiceId(), id -> new ArrayList<>())
                        .add(note));
        Map<UUID, Long> paid = new HashMap<>();
        handle.createQuery("""
                        select invoice_id, sum(amount_minor) from settlement_allocation
                        where invoice_id = any(:ids) group by invoice_id
                        """)
                .bindArray("ids", UUID.class, ids)
                .map((rs, ctx) -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2)))
                .forEach(entry -> paid.put(entry.getKey(), entry.getValue()));
        List<Invoice> invoices = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            UUID id = (UUID) row.get("id");
            Currency currency = Currency.of(((String) row.get("currency")).trim());
            Money amount = Money.ofMinor(((Number) row.get("amount_minor")).longValue(), currency);
            List<Note> its = notes.getOrDefault(id, List.of());
            Money net = amount;
            for (Note note : its) {
                net = net.plus(note.signedAmount());
            }
            Money settled = Money.ofMinor(paid.getOrDefault(id, 0L), currency);
            invoices.add(new Invoice(
                    id,
                    (String) row.get("number"),
                    (UUID) row.get("contract_id"),
                    (String) row.get("contract_reference"),
                    (UUID) row.get("statement_id"),
                    date(row.get("period_start")),
                    date(row.get("period_end")),
                    date(row.get("issued_on")),
                    (BigDecimal) row.get("quantity"),
                    QuantityUnit.valueOf((String) row.get("price_unit")),
                    (BigDecimal) row.get("unit_price"),
                    amount,
                    its,
                    net,
                    settled,
                    net.minus(settled)));
        }
        return invoices;
    }

    private static LocalDate date(Object value) {
        if (value instanceof java.sql.Date sql) {
            return sql.toLocalDate();
        }
        return (LocalDate) value;
    }

    // ---------------------------------------------------------------- mapping

    static String factorsJson(Map<QuantityUnit, BigDecimal> factors) {
        Map<String, String> plain = new TreeMap<>();
        factors.forEach((unit, factor) -> plain.put(unit.name(), Amounts.plain(factor)));
        return CanonicalJson.write(plain);
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

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
