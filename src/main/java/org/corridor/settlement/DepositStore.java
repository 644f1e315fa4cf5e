package org.corridor.settlement;

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
import java.util.UUID;
import org.corridor.ConflictException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditStore;
import org.corridor.audit.CanonicalJson;
import org.corridor.authorisation.AuthorisationStore;
import org.corridor.authorisation.Coverage;
import org.corridor.authorisation.Movement;
import org.corridor.authorisation.MovementKind;
import org.corridor.db.Database;
import org.corridor.ledger.LedgerStore;
import org.corridor.ledger.NewTransfer;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL for deposits: the coverage check on the value date, the usage, the ledger posting from the
 * payer's account, the match to invoices and the lot, in one transaction with the audit entry.
 * Thread-safe.
 */
final class DepositStore {

    /** A deposit checked and priced, ready to record. */
    record Prepared(
            NewDeposit deposit,
            Contract contract,
            AccountStore.AccountRow account,
            UUID payerAccountId,
            ExchangeRate rate,
            Money equivalent,
            Optional<Invoice> invoice,
            String request) {}

    private final Jdbi jdbi;
    private final AuditStore audit;
    private final LedgerStore ledger;
    private final AuthorisationStore authorisations;
    private final LotStore lots;
    private final Clock clock;

    DepositStore(
            Database database,
            AuditStore audit,
            LedgerStore ledger,
            AuthorisationStore authorisations,
            LotStore lots,
            Clock clock) {
        this.jdbi = database.jdbi();
        this.audit = audit;
        this.ledger = ledger;
        this.authorisations = authorisations;
        this.lots = lots;
        this.clock = clock;
    }

    SettlementOutcome<Deposit> record(Actor actor, Prepared prepared) {
        NewDeposit deposit = prepared.deposit();
        Movement movement = Movement.of(MovementKind.DEPOSIT, deposit.valueDate(), deposit.amount())
                .withReference("deposit:" + deposit.id())
                .withAccountLocation(prepared.account().country());
        try {
            return jdbi.inTransaction(handle -> {
                Optional<Deposit> earlier = deposit(handle, deposit.id(), prepared.request());
                if (earlier.isPresent()) {
                    return new SettlementOutcome.Done<>(earlier.get(), true);
                }
                Coverage.Covered covered = CoverageStore.cover(handle, authorisations, movement);
                var authorisation = covered.primary().authorisation();
                CoverageStore.recordUsage(handle, authorisations, authorisation.id(), movement);
                UUID transferId = Ids.derived(deposit.id(), "deposit");
                Map<String, String> references = new LinkedHashMap<>();
                references.put("deposit", deposit.id().toString());
                references.put("contract", prepared.contract().reference());
                references.put("authorisation", authorisation.reference());
                prepared.invoice().ifPresent(invoice -> references.put("invoice", invoice.number()));
                CoverageStore.requirePosted(ledger.postWithin(
                        handle,
                        actor,
                        List.of(NewTransfer.posted(
                                        transferId,
                                        prepared.payerAccountId(),
                                        prepared.account().id(),
                                        deposit.amount().amountMinor(),
                                        deposit.amount().currency(),
                                        "DEPOSIT")
                                .withReferences(references)
                                .withMetadata(Map.of(
                                        "value_date", deposit.valueDate().toString(),
                                        "rate", prepared.rate().toString())))));
                // Matched after the posting: the ledger's lock of the account orders the contract's deposits.
                List<Matching.Open> open = new ArrayList<>();
                if (prepared.invoice().isPresent()) {
                    ContractStore.invoices(
                                    handle,
                                    "where i.id = :key",
                                    prepared.invoice().get().id())
                            .stream()
                            .map(invoice -> new Matching.Open(invoice, invoice.outstanding()))
                            .forEach(open::add);
                } else {
                    ContractStore.openInvoices(handle, prepared.contract().id()).stream()
                            .map(invoice -> new Matching.Open(invoice, invoice.outstanding()))
                            .forEach(open::add);
                }
                Matching.Result match = Matching.match(deposit.amount(), prepared.equivalent(), prepared.rate(), open);
                Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
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
                        .bind("reference", deposit.reference().orElse(""))
                        .bind("contract", prepared.contract().id())
                        .bind("account", prepared.account().id())
                        .bind("payer", prepared.payerAccountId())
                        .bind("amount", deposit.amount().amountMinor())
                        .bind("currency", deposit.amount().currency().code())
                        .bind("valueDate", deposit.valueDate())
                        .bind("rate", prepared.rate().value())
                        .bind("rateSource", prepared.rate().source())
                        .bind("rateDate", prepared.rate().date())
                        .bind("equivalent", prepared.equivalent().amountMinor())
                        .bind("priceCurrency", prepared.equivalent().currency().code())
                        .bind("unapplied", match.unapplied().amountMinor())
                        .bind("match", match.match().name())
                        .bind("authorisation", authorisation.id())
                        .bind("authorisationRef", authorisation.reference())
                        .bind("transfer", transferId)
                        .bind("request", prepared.request())
                        .bind("now", AccountStore.utc(now))
                        .bind("by", actor.name())
                        .execute();
                if (inserted == 0) {
                    throw new ConcurrentChangeException("deposit " + deposit.id() + " recorded concurrently");
                }
                for (Allocation allocation : match.allocations()) {
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
                lots.addWithin(
                        handle,
                        Ids.derived(deposit.id(), "lot"),
                        prepared.account().id(),
                        deposit.amount(),
                        deposit.valueDate(),
                        LotSource.DEPOSIT,
                        "deposit:" + deposit.id(),
                        List.of());
                Deposit recorded = new Deposit(
                        deposit.id(),
                        deposit.reference().orElse(""),
                        prepared.contract().id(),
                        prepared.contract().reference(),
                        prepared.account().id(),
                        deposit.amount(),
                        deposit.valueDate(),
                        prepared.rate(),
                        prepared.equivalent(),
                        match.allocations(),
                        match.unapplied(),
                        match.match(),
                        authorisation.reference(),
                        transferId,
                        now,
                        actor.name());
                audit.append(
                        handle,
                        new AuditEvent(
                                actor,
                                "DEPOSIT_RECORDED",
                                "deposit:" + deposit.id(),
                                CanonicalJson.read(prepared.request()),
                                CanonicalJson.fields(
                                        "account", prepared.account().name(),
                                        "equivalent", prepared.equivalent().toString(),
                                        "match", match.match().name(),
                                        "allocations",
                                                match.allocations().stream()
                                                        .map(a -> a.invoiceNumber() + " " + a.amount())
                                                        .toList(),
                                        "unapplied", match.unapplied().toString(),
                                        "ledger_transfer_id", transferId.toString()),
                                Map.of("authorisation", authorisation.reference())));
                return new SettlementOutcome.Done<>(recorded, false);
            });
        } catch (RefusedException e) {
            SettlementOutcome.Refused<Deposit> refused = e.refused();
            audit.appendAlone(AuditEvent.of(
                    actor,
                    "DEPOSIT_REFUSED",
                    "deposit:" + deposit.id(),
                    CanonicalJson.read(prepared.request()),
                    CanonicalJson.fields(
                            "reason", refused.reason().name(),
                            "detail", refused.detail(),
                            "findings",
                                    refused.findings().stream()
                                            .map(f -> f.authorisationReference() + ": " + f.reason())
                                            .toList())));
            return refused;
        }
    }

    private static Optional<Deposit> deposit(Handle handle, UUID id, String request) {
        Optional<String> earlier = handle.createQuery("select request from settlement_deposit where id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .findFirst();
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        if (!earlier.get().equals(request)) {
            throw new ConflictException(
                    "DEPOSIT_EXISTS_WITH_DIFFERENT_CONTENT", "deposit " + id + " was recorded with other content");
        }
        return deposits(handle, "where d.id = :key", id).stream().findFirst();
    }

    Optional<Deposit> deposit(UUID id) {
        return jdbi.withHandle(
                handle -> deposits(handle, "where d.id = :key", id).stream().findFirst());
    }

    List<Deposit> deposits(Optional<UUID> contractId) {
        return jdbi.withHandle(handle -> contractId.isPresent()
                ? deposits(handle, "where d.contract_id = :key", contractId.get())
                : deposits(handle, "", null));
    }

    static List<Deposit> deposits(Handle handle, String where, Object key) {
        var query = handle.createQuery("select d.*, c.reference as contract_reference from settlement_deposit d "
                + "join settlement_contract c on c.id = d.contract_id " + where
                + " order by d.value_date, d.recorded_at");
        if (key != null) {
            query.bind("key", key);
        }
        List<Deposit> deposits = query.map((rs, ctx) -> {
                    Currency currency = Currency.of(rs.getString("currency"));
                    Currency priceCurrency = Currency.of(rs.getString("price_currency"));
                    return new Deposit(
                            rs.getObject("id", UUID.class),
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
                            List.of(),
                            Money.ofMinor(rs.getLong("unapplied_minor"), priceCurrency),
                            DepositMatch.valueOf(rs.getString("match")),
                            rs.getString("authorisation_ref"),
                            rs.getObject("ledger_transfer_id", UUID.class),
                            rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                            rs.getString("recorded_by"));
                })
                .list();
        if (deposits.isEmpty()) {
            return deposits;
        }
        Map<UUID, List<Allocation>> allocations = new HashMap<>();
        handle.createQuery("""
                        select a.*, i.number, i.currency as invoice_currency, d.currency as deposit_currency
                        from settlement_allocation a
                        join settlement_invoice i on i.id = a.invoice_id
                        join settlement_deposit d on d.id = a.deposit_id
                        where a.deposit_id = any(:ids) order by i.issued_on, i.number
                        """)
                .bindArray("ids", UUID.class, deposits.stream().map(Deposit::id).toList())
                .map((rs, ctx) -> Map.entry(
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
        return deposits.stream()
                .map(d -> new Deposit(
                        d.id(),
                        d.reference(),
                        d.contractId(),
                        d.contractReference(),
                        d.accountId(),
                        d.amount(),
                        d.valueDate(),
                        d.rate(),
                        d.equivalent(),
                        allocations.getOrDefault(d.id(), List.of()),
                        d.unapplied(),
                        d.match(),
                        d.authorisationReference(),
                        d.ledgerTransferId(),
                        d.recordedAt(),
                        d.recordedBy()))
                .toList();
    }
}
