package org.corridor.settlement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.db.Handles;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.transaction.Transaction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * SQL for the first-in-first-out lots of restricted accounts and what was consumed of them, in the
 * caller's unit of work. Lots change only in the unit of work of the movement that posts the
 * matching ledger transfer, so that the lots of an account always add up to its posted ledger
 * balance. Stateless and thread-safe.
 */
final class LotStore extends SettlementStore {

    /** What the open lots of each account hold, in minor units, by account. */
    Map<UUID, Long> remainingByAccount(Transaction transaction) {
        Map<UUID, Long> remaining = new HashMap<>();
        Handles.of(transaction)
                .createQuery("select account_id, sum(remaining_minor) from settlement_lot group by account_id")
                .map((rs, ctx) -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2)))
                .forEach(entry -> remaining.put(entry.getKey(), entry.getValue()));
        return remaining;
    }

    /** Every lot of the account as it stands now, oldest first. */
    List<Lot> lots(Transaction transaction, UUID accountId, Currency currency) {
        return Handles.list(
                transaction,
                lot(accountId, currency),
                "select * from settlement_lot where account_id = :account order by value_date, seq",
                "account",
                accountId);
    }

    /**
     * The account's lots dated up to {@code valueDate} that still hold something, oldest first, locked
     * until the unit of work ends.
     */
    List<Lot> lockAvailable(Transaction transaction, UUID accountId, Currency currency, LocalDate valueDate) {
        return Handles.of(transaction)
                .createQuery("""
                        select * from settlement_lot
                        where account_id = :account and remaining_minor > 0 and value_date <= :valueDate
                        order by value_date, seq
                        for update
                        """)
                .bind("account", accountId)
                .bind("valueDate", valueDate)
                .map(lot(accountId, currency))
                .list();
    }

    /**
     * The lots dated up to {@code asOf}, each with what was left of it at the end of that day
     * (consumptions and the restorations of returns are counted by their value dates), oldest first.
     */
    List<Lot> lotsAsOf(Transaction transaction, UUID accountId, Currency currency, LocalDate asOf) {
        return Handles.of(transaction)
                .createQuery("""
                        select l.id, l.value_date, l.original_minor, l.source, l.reference,
                               l.original_minor
                                 - coalesce((select sum(c.amount_minor) from settlement_lot_consumption c
                                             where c.lot_id = l.id and c.value_date <= :asOf), 0)
                                 + coalesce((select sum(r.amount_minor) from settlement_lot_restoration r
                                             where r.lot_id = l.id and r.value_date <= :asOf), 0)
                                   as remaining_minor
                        from settlement_lot l
                        where l.account_id = :account and l.value_date <= :asOf
                        order by l.value_date, l.seq
                        """)
                .bind("account", accountId)
                .bind("asOf", asOf)
                .map(lot(accountId, currency))
                .list();
    }

    private static RowMapper<Lot> lot(UUID accountId, Currency currency) {
        return (rs, ctx) -> new Lot(
                rs.getObject("id", UUID.class),
                accountId,
                rs.getObject("value_date", LocalDate.class),
                Money.ofMinor(rs.getLong("original_minor"), currency),
                Money.ofMinor(rs.getLong("remaining_minor"), currency),
                LotSource.valueOf(rs.getString("source")),
                rs.getString("reference"));
    }

    /** What is left of all the account's lots, whatever their date, summed. */
    long remaining(Transaction transaction, UUID accountId) {
        return Handles.of(transaction)
                .createQuery("select coalesce(sum(remaining_minor), 0) from settlement_lot where account_id = :account")
                .bind("account", accountId)
                .mapTo(Long.class)
                .one();
    }

    /** The lots dated up to {@code valueDate}, what is left of them, summed. */
    long available(Transaction transaction, UUID accountId, LocalDate valueDate) {
        return Handles.of(transaction)
                .createQuery("""
                        select coalesce(sum(remaining_minor), 0) from settlement_lot
                        where account_id = :account and value_date <= :valueDate
                        """)
                .bind("account", accountId)
                .bind("valueDate", valueDate)
                .mapTo(Long.class)
                .one();
    }

    /** Adds a lot, with the source lots it came from, if any. */
    void add(Transaction transaction, Lot lot, List<LotConsumption> provenance, Instant now) {
        Handle handle = Handles.of(transaction);
        handle.createUpdate("""
                        insert into settlement_lot
                          (id, account_id, value_date, original_minor, remaining_minor, source, reference, created_at)
                        values (:id, :account, :valueDate, :amount, :amount, :source, :reference, :now)
                        """)
                .bind("id", lot.id())
                .bind("account", lot.accountId())
                .bind("valueDate", lot.valueDate())
                .bind("amount", lot.original().amountMinor())
                .bind("source", lot.source().name())
                .bind("reference", lot.reference())
                .bind("now", AccountStore.utc(now))
                .execute();
        for (LotConsumption from : provenance) {
            handle.createUpdate("""
                            insert into settlement_lot_provenance (lot_id, source_lot_id, source_amount_minor)
                            values (:lot, :source, :amount)
                            on conflict (lot_id, source_lot_id)
                            do update set source_amount_minor = settlement_lot_provenance.source_amount_minor
                                                                + excluded.source_amount_minor
                            """)
                    .bind("lot", lot.id())
                    .bind("source", from.lotId())
                    .bind("amount", from.amount().amountMinor())
                    .execute();
        }
    }

    /** Takes {@code consumption} off its lot and records it. */
    void take(Transaction transaction, LotConsumption consumption, Instant now) {
        Handle handle = Handles.of(transaction);
        addRemaining(
                handle,
                consumption.lotId(),
                Math.negateExact(consumption.amount().amountMinor()));
        handle.createUpdate("""
                        insert into settlement_lot_consumption
                          (account_id, reference, lot_id, kind, value_date, amount_minor, recorded_at)
                        values (:account, :reference, :lot, :kind, :valueDate, :amount, :now)
                        """)
                .bind("account", consumption.accountId())
                .bind("reference", consumption.reference())
                .bind("lot", consumption.lotId())
                .bind("kind", consumption.kind().name())
                .bind("valueDate", consumption.valueDate())
                .bind("amount", consumption.amount().amountMinor())
                .bind("now", AccountStore.utc(now))
                .execute();
    }

    private static void addRemaining(Handle handle, UUID lotId, long amountMinor) {
        handle.createUpdate("update settlement_lot set remaining_minor = remaining_minor + :amount where id = :id")
                .bind("amount", amountMinor)
                .bind("id", lotId)
                .execute();
    }

    /** Gives back {@code restoration} to its lot and records it. */
    void restore(Transaction transaction, LotRestoration restoration, Instant now) {
        Handle handle = Handles.of(transaction);
        addRemaining(handle, restoration.lotId(), restoration.amount().amountMinor());
        handle.createUpdate("""
                        insert into settlement_lot_restoration
                          (account_id, reference, consumption_reference, lot_id, value_date, amount_minor, recorded_at)
                        values (:account, :reference, :consumption, :lot, :valueDate, :amount, :now)
                        """)
                .bind("account", restoration.accountId())
                .bind("reference", restoration.reference())
                .bind("consumption", restoration.consumptionReference())
                .bind("lot", restoration.lotId())
                .bind("valueDate", restoration.valueDate())
                .bind("amount", restoration.amount().amountMinor())
                .bind("now", AccountStore.utc(now))
                .execute();
    }

    /** What was given back of the consumption {@code consumptionReference} so far, oldest lot first. */
    List<LotRestoration> restorationsOf(Transaction transaction, String consumptionReference) {
        return list(
                transaction,
                RESTORED + " where r.consumption_reference = :key" + OLDEST_FIRST,
                RESTORATION,
                "key",
                consumptionReference);
    }

    /** What the restoring movement {@code reference} gave back, oldest lot first. */
    List<LotRestoration> restoredBy(Transaction transaction, String reference) {
        return list(transaction, RESTORED + " where r.reference = :key" + OLDEST_FIRST, RESTORATION, "key", reference);
    }

    /** Locks the lots {@code ids} until the unit of work ends. */
    void lock(Transaction transaction, List<UUID> ids) {
        if (!ids.isEmpty()) {
            Handles.of(transaction)
                    .createQuery("select id from settlement_lot where id in (<ids>) order by id for update")
                    .bindList("ids", ids)
                    .mapTo(UUID.class)
                    .list();
        }
    }

    private static final String RESTORED = """
            select r.*, l.value_date as lot_value_date, a.currency from settlement_lot_restoration r
            join settlement_lot l on l.id = r.lot_id join settlement_account a on a.id = r.account_id
            """;

    private static final RowMapper<LotRestoration> RESTORATION = (rs, ctx) -> new LotRestoration(
            rs.getObject("lot_id", UUID.class),
            rs.getObject("lot_value_date", LocalDate.class),
            rs.getObject("account_id", UUID.class),
            rs.getString("consumption_reference"),
            rs.getString("reference"),
            rs.getObject("value_date", LocalDate.class),
            Money.ofMinor(rs.getLong("amount_minor"), Currency.of(rs.getString("currency"))));

    /** What the movement {@code reference} consumed, from every account, oldest lot first. */
    List<LotConsumption> consumed(Transaction transaction, String reference) {
        return list(
                transaction,
                CONSUMED + " where c.reference = :reference" + OLDEST_FIRST,
                CONSUMPTION,
                "reference",
                reference);
    }

    /**
     * What each movement {@code where} selects consumed, by the movement's reference, oldest lot
     * first; {@code movements} joins the movement's table to the consumptions {@code c}, such as
     * {@code join settlement_transfer t on c.reference = 'transfer:' || t.id}. For the other
     * settlement stores' reads.
     */
    static Map<String, List<LotConsumption>> consumedBy(Handle handle, String movements, String where, Object key) {
        var query = keyed(handle, CONSUMED + " " + movements + " " + where + OLDEST_FIRST, key);
        Map<String, List<LotConsumption>> consumed = new HashMap<>();
        query.map(CONSUMPTION)
                .forEach(c -> consumed.computeIfAbsent(c.reference(), reference -> new ArrayList<>())
                        .add(c));
        return consumed;
    }

    private static final String CONSUMED = """
            select c.*, l.value_date as lot_value_date, a.currency from settlement_lot_consumption c
            join settlement_lot l on l.id = c.lot_id join settlement_account a on a.id = c.account_id
            """;

    private static final String OLDEST_FIRST = " order by l.value_date, l.seq";

    private static final RowMapper<LotConsumption> CONSUMPTION = (rs, ctx) -> new LotConsumption(
            rs.getObject("lot_id", UUID.class),
            rs.getObject("lot_value_date", LocalDate.class),
            rs.getObject("account_id", UUID.class),
            rs.getString("reference"),
            ConsumptionKind.valueOf(rs.getString("kind")),
            rs.getObject("value_date", LocalDate.class),
            Money.ofMinor(rs.getLong("amount_minor"), Currency.of(rs.getString("currency"))));

    /** What came in (by lot source) and went out (by kind) with value dates in {@code [from, to]}. */
    Flows flows(Transaction transaction, UUID accountId, Currency currency, LocalDate from, LocalDate to) {
        Map<LotSource, Money> in = new EnumMap<>(LotSource.class);
        Map<ConsumptionKind, Money> out = new EnumMap<>(ConsumptionKind.class);
        for (LotSource source : LotSource.values()) {
            in.put(source, Money.zero(currency));
        }
        for (ConsumptionKind kind : ConsumptionKind.values()) {
            out.put(kind, Money.zero(currency));
        }
        Handle handle = Handles.of(transaction);
        sums(handle, "settlement_lot", "source", "original_minor", accountId, from, to)
                .forEach((source, sum) -> in.put(LotSource.valueOf(source), Money.ofMinor(sum, currency)));
        sums(handle, "settlement_lot_consumption", "kind", "amount_minor", accountId, from, to)
                .forEach((kind, sum) -> out.put(ConsumptionKind.valueOf(kind), Money.ofMinor(sum, currency)));
        long returned = handle.createQuery("""
                        select coalesce(sum(amount_minor), 0) from settlement_lot_restoration
                        where account_id = :account and value_date between :from and :to
                        """)
                .bind("account", accountId)
                .bind("from", from)
                .bind("to", to)
                .mapTo(Long.class)
                .one();
        return new Flows(
                accountId,
                from,
                to,
                in.get(LotSource.OPENING_BALANCE),
                in.get(LotSource.DEPOSIT),
                in.get(LotSource.CONVERSION_IN),
                in.get(LotSource.TRANSFER_IN),
                out.get(ConsumptionKind.CONVERSION),
                out.get(ConsumptionKind.TRANSFER),
                out.get(ConsumptionKind.DISBURSEMENT),
                Money.ofMinor(returned, currency));
    }

    /** {@code sum(amount)} of a table's rows per {@code key}, with value dates in {@code [from, to]}. */
    private static Map<String, Long> sums(
            Handle handle, String table, String key, String amount, UUID accountId, LocalDate from, LocalDate to) {
        Map<String, Long> sums = new HashMap<>();
        handle.createQuery("select " + key + ", sum(" + amount + ") from " + table
                        + " where account_id = :account and value_date between :from and :to group by " + key)
                .bind("account", accountId)
                .bind("from", from)
                .bind("to", to)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(entry -> sums.put(entry.getKey(), entry.getValue()));
        return sums;
    }
}
