package org.corridor.settlement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.corridor.ConflictException;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.db.Database;
import org.corridor.db.Handles;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.transaction.Transaction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL for the first-in-first-out lots of restricted accounts. Lots change only inside the
 * transaction of the movement that posts the matching ledger transfer, so that the lots of an
 * account always add up to its posted ledger balance. Thread-safe.
 */
public final class LotStore {

    private final Jdbi jdbi;
    private final Clock clock;

    LotStore(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /**
     * Consumes {@code amount} from the account's lots, oldest value date first, inside the caller's
     * transaction, and records what it took from which lot under {@code reference}. Only lots dated
     * on or before {@code valueDate} are taken: money cannot leave before it arrived.
     *
     * <p>Call it after {@code LedgerStore.postWithin} has posted the debit in the same transaction:
     * the ledger's lock of the account then serialises every change to its lots. Repeating a
     * reference with the same amount returns what it took the first time.
     *
     * @param reference the movement's own id, such as a release's id; one consumption per account
     * @throws ConflictException LOTS_INSUFFICIENT when the lots dated up to {@code valueDate} hold
     *     less (the caller's transaction must roll back), or CONSUMPTION_EXISTS_WITH_DIFFERENT_CONTENT
     */
    public List<LotConsumption> consumeWithin(
            Transaction transaction,
            UUID accountId,
            Money amount,
            LocalDate valueDate,
            ConsumptionKind kind,
            String reference) {
        return consumeWithin(Handles.of(transaction), accountId, amount, valueDate, kind, reference);
    }

    public List<LotConsumption> consumeWithin(
            Handle handle, UUID accountId, Money amount, LocalDate valueDate, ConsumptionKind kind, String reference) {
        if (!amount.isPositive()) {
            throw new InvalidInputException("AMOUNT_MUST_BE_POSITIVE", "consume a positive amount, not " + amount);
        }
        if (reference == null || reference.isBlank()) {
            throw new InvalidInputException("REFERENCE_MISSING", "a consumption names its movement");
        }
        Currency currency = currencyOf(handle, accountId);
        if (!currency.equals(amount.currency())) {
            throw new InvalidInputException(
                    "CURRENCY_MISMATCH", "account " + accountId + " holds " + currency + ", not " + amount.currency());
        }
        List<LotConsumption> earlier = consumptions(handle, accountId, reference, currency);
        if (!earlier.isEmpty()) {
            long total =
                    earlier.stream().mapToLong(c -> c.amount().amountMinor()).sum();
            if (total != amount.amountMinor()
                    || earlier.get(0).kind() != kind
                    || !earlier.get(0).valueDate().equals(valueDate)) {
                throw new ConflictException(
                        "CONSUMPTION_EXISTS_WITH_DIFFERENT_CONTENT",
                        reference + " already consumed " + Money.ofMinor(total, currency) + " from " + accountId);
            }
            return earlier;
        }
        List<Fifo.Available> available = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        handle.createQuery("""
                        select id, value_date, remaining_minor from settlement_lot
                        where account_id = :account and remaining_minor > 0 and value_date <= :valueDate
                        order by value_date, seq
                        for update
                        """)
                .bind("account", accountId)
                .bind("valueDate", valueDate)
                .map((rs, ctx) -> {
                    dates.add(rs.getObject("value_date", LocalDate.class));
                    return new Fifo.Available(rs.getObject("id", UUID.class), rs.getLong("remaining_minor"));
                })
                .forEach(available::add);
        List<Fifo.Take> takes = Fifo.take(available, amount.amountMinor());
        if (takes.isEmpty()) {
            long held =
                    available.stream().mapToLong(Fifo.Available::remainingMinor).sum();
            throw new ConflictException(
                    "LOTS_INSUFFICIENT",
                    "account " + accountId + " holds " + Money.ofMinor(held, currency) + " dated up to " + valueDate
                            + ", less than " + amount);
        }
        OffsetDateTime now = now();
        List<LotConsumption> consumed = new ArrayList<>();
        for (Fifo.Take take : takes) {
            handle.createUpdate("update settlement_lot set remaining_minor = remaining_minor - :amount where id = :id")
                    .bind("amount", take.amountMinor())
                    .bind("id", take.lotId())
                    .execute();
            handle.createUpdate("""
                            insert into settlement_lot_consumption
                              (account_id, reference, lot_id, kind, value_date, amount_minor, recorded_at)
                            values (:account, :reference, :lot, :kind, :valueDate, :amount, :now)
                            """)
                    .bind("account", accountId)
                    .bind("reference", reference)
                    .bind("lot", take.lotId())
                    .bind("kind", kind.name())
                    .bind("valueDate", valueDate)
                    .bind("amount", take.amountMinor())
                    .bind("now", now)
                    .execute();
            int index = indexOf(available, take.lotId());
            consumed.add(new LotConsumption(
                    take.lotId(),
                    dates.get(index),
                    accountId,
                    reference,
                    kind,
                    valueDate,
                    Money.ofMinor(take.amountMinor(), currency)));
        }
        return consumed;
    }

    private static int indexOf(List<Fifo.Available> lots, UUID id) {
        for (int i = 0; i < lots.size(); i++) {
            if (lots.get(i).lotId().equals(id)) {
                return i;
            }
        }
        throw new IllegalStateException("a taken lot is among the available ones");
    }

    /** Adds a lot inside the caller's transaction, with the source lots it came from, if any. */
    Lot addWithin(
            Handle handle,
            UUID lotId,
            UUID accountId,
            Money amount,
            LocalDate valueDate,
            LotSource source,
            String reference,
            List<LotConsumption> provenance) {
        handle.createUpdate("""
                        insert into settlement_lot
                          (id, account_id, value_date, original_minor, remaining_minor, source, reference, created_at)
                        values (:id, :account, :valueDate, :amount, :amount, :source, :reference, :now)
                        """)
                .bind("id", lotId)
                .bind("account", accountId)
                .bind("valueDate", valueDate)
                .bind("amount", amount.amountMinor())
                .bind("source", source.name())
                .bind("reference", reference)
                .bind("now", now())
                .execute();
        for (LotConsumption from : provenance) {
            handle.createUpdate("""
                            insert into settlement_lot_provenance (lot_id, source_lot_id, source_amount_minor)
                            values (:lot, :source, :amount)
                            on conflict (lot_id, source_lot_id)
                            do update set source_amount_minor = settlement_lot_provenance.source_amount_minor
                                                                + excluded.source_amount_minor
                            """)
                    .bind("lot", lotId)
                    .bind("source", from.lotId())
                    .bind("amount", from.amount().amountMinor())
                    .execute();
        }
        return new Lot(lotId, accountId, valueDate, amount, amount, source, reference);
    }

    /** The lots dated up to {@code valueDate} that still hold something, summed, inside a transaction. */
    long availableWithin(Handle handle, UUID accountId, LocalDate valueDate) {
        return handle.createQuery("""
                        select coalesce(sum(remaining_minor), 0) from settlement_lot
                        where account_id = :account and value_date <= :valueDate
                        """)
                .bind("account", accountId)
                .bind("valueDate", valueDate)
                .mapTo(Long.class)
                .one();
    }

    /** Every lot of the account as it stands now, oldest first. */
    List<Lot> lots(UUID accountId) {
        return jdbi.withHandle(handle -> {
            Currency currency = currencyOf(handle, accountId);
            return handle.createQuery("""
                            select * from settlement_lot where account_id = :account order by value_date, seq
                            """)
                    .bind("account", accountId)
                    .map((rs, ctx) -> new Lot(
                            rs.getObject("id", UUID.class),
                            accountId,
                            rs.getObject("value_date", LocalDate.class),
                            Money.ofMinor(rs.getLong("original_minor"), currency),
                            Money.ofMinor(rs.getLong("remaining_minor"), currency),
                            LotSource.valueOf(rs.getString("source")),
                            rs.getString("reference")))
                    .list();
        });
    }

    /**
     * The lots dated up to {@code asOf}, each with what was left of it at the end of that day
     * (consumptions are counted by their value dates), oldest first.
     */
    List<Lot> lotsAsOf(UUID accountId, LocalDate asOf) {
        return jdbi.withHandle(handle -> {
            Currency currency = currencyOf(handle, accountId);
            return handle.createQuery("""
                            select l.id, l.value_date, l.original_minor, l.source, l.reference,
                                   l.original_minor - coalesce(sum(c.amount_minor) filter (where c.value_date <= :asOf), 0)
                                       as remaining_minor
                            from settlement_lot l left join settlement_lot_consumption c on c.lot_id = l.id
                            where l.account_id = :account and l.value_date <= :asOf
                            group by l.id, l.value_date, l.seq, l.original_minor, l.source, l.reference
                            order by l.value_date, l.seq
                            """)
                    .bind("account", accountId)
                    .bind("asOf", asOf)
                    .map((rs, ctx) -> new Lot(
                            rs.getObject("id", UUID.class),
                            accountId,
                            rs.getObject("value_date", LocalDate.class),
                            Money.ofMinor(rs.getLong("original_minor"), currency),
                            Money.ofMinor(rs.getLong("remaining_minor"), currency),
                            LotSource.valueOf(rs.getString("source")),
                            rs.getString("reference")))
                    .list();
        });
    }

    /** What came in (by lot source) and went out (by kind) with value dates in {@code [from, to]}. */
    Flows flows(UUID accountId, LocalDate from, LocalDate to) {
        return jdbi.withHandle(handle -> {
            Currency currency = currencyOf(handle, accountId);
            long[] in = new long[LotSource.values().length];
            handle.createQuery("""
                            select source, sum(original_minor) from settlement_lot
                            where account_id = :account and value_date between :from and :to group by source
                            """)
                    .bind("account", accountId)
                    .bind("from", from)
                    .bind("to", to)
                    .map((rs, ctx) -> {
                        in[LotSource.valueOf(rs.getString(1)).ordinal()] = rs.getLong(2);
                        return 0;
                    })
                    .list();
            long[] out = new long[ConsumptionKind.values().length];
            handle.createQuery("""
                            select kind, sum(amount_minor) from settlement_lot_consumption
                            where account_id = :account and value_date between :from and :to group by kind
                            """)
                    .bind("account", accountId)
                    .bind("from", from)
                    .bind("to", to)
                    .map((rs, ctx) -> {
                        out[ConsumptionKind.valueOf(rs.getString(1)).ordinal()] = rs.getLong(2);
                        return 0;
                    })
                    .list();
            return new Flows(
                    accountId,
                    from,
                    to,
                    Money.ofMinor(in[LotSource.OPENING_BALANCE.ordinal()], currency),
                    Money.ofMinor(in[LotSource.DEPOSIT.ordinal()], currency),
                    Money.ofMinor(in[LotSource.CONVERSION_IN.ordinal()], currency),
                    Money.ofMinor(in[LotSource.TRANSFER_IN.ordinal()], currency),
                    Money.ofMinor(out[ConsumptionKind.CONVERSION.ordinal()], currency),
                    Money.ofMinor(out[ConsumptionKind.TRANSFER.ordinal()], currency),
                    Money.ofMinor(out[ConsumptionKind.DISBURSEMENT.ordinal()], currency));
        });
    }

    private static List<LotConsumption> consumptions(
            Handle handle, UUID accountId, String reference, Currency currency) {
        return handle.createQuery("""
                        select c.*, l.value_date as lot_value_date from settlement_lot_consumption c
                        join settlement_lot l on l.id = c.lot_id
                        where c.account_id = :account and c.reference = :reference
                        order by l.value_date, l.seq
                        """)
                .bind("account", accountId)
                .bind("reference", reference)
                .map((rs, ctx) -> consumption(rs, currency))
                .list();
    }

    private static LotConsumption consumption(ResultSet rs, Currency currency) throws SQLException {
        return new LotConsumption(
                rs.getObject("lot_id", UUID.class),
                rs.getObject("lot_value_date", LocalDate.class),
                rs.getObject("account_id", UUID.class),
                rs.getString("reference"),
                ConsumptionKind.valueOf(rs.getString("kind")),
                rs.getObject("value_date", LocalDate.class),
                Money.ofMinor(rs.getLong("amount_minor"), currency));
    }

    private static Currency currencyOf(Handle handle, UUID accountId) {
        return handle.createQuery("select currency from settlement_account where id = :id")
                .bind("id", accountId)
                .mapTo(String.class)
                .findFirst()
                .map(Currency::of)
                .orElseThrow(() ->
                        new NotFoundException("RESTRICTED_ACCOUNT_NOT_FOUND", "no restricted account " + accountId));
    }

    private OffsetDateTime now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
