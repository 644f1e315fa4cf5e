package org.corridor.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.corridor.db.BinaryArray;
import org.corridor.db.BinaryCopy;
import org.corridor.db.Handles;
import org.corridor.money.Currency;
import org.corridor.transaction.Transaction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * SQL for {@code ledger_transfer} and {@code ledger_open_hold}, in the unit of work it is given:
 * the rows a batch reads and writes, and the ledger's queries (transfers, holds, balances at an
 * instant, statements). Thread-safe.
 */
final class TransferStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};
    private static final TypeReference<Map<String, Object>> OBJECT_MAP = new TypeReference<>() {};
    private static final String UNIQUE_VIOLATION = "23505";

    // ---------------------------------------------------------------- rows of a batch

    /** The rows, accepted or refused, recorded under {@code ids}. */
    Map<UUID, TransferRow> rows(Transaction transaction, Collection<UUID> ids) {
        Map<UUID, TransferRow> rows = new HashMap<>();
        Handles.of(transaction)
                .createQuery("select * from ledger_transfer where id = any(:ids)")
                .bind("ids", (Argument) BinaryArray.uuids(ids))
                .map(ROW)
                .forEach(row -> rows.put(row.id(), row));
        return rows;
    }

    /** How each of the holds {@code pendingIds} was resolved, for those that were. */
    Map<UUID, TransferKind> resolutions(Transaction transaction, Collection<UUID> pendingIds) {
        Map<UUID, TransferKind> resolutions = new HashMap<>();
        Handles.of(transaction)
                .createQuery(
                        "select pending_id, kind from ledger_transfer where pending_id = any(:ids) and failure is null")
                .bind("ids", (Argument) BinaryArray.uuids(pendingIds))
                .map((rs, ctx) -> Map.entry(rs.getObject(1, UUID.class), TransferKind.valueOf(rs.getString(2))))
                .forEach(entry -> resolutions.put(entry.getKey(), entry.getValue()));
        return resolutions;
    }

    /**
     * Writes the rows with one binary COPY. COPY has no ON CONFLICT, so a concurrent batch that
     * created one of these ids first fails the statement: {@link ConcurrentPostingException}, and the
     * transaction is run again.
     */
    void insert(Transaction transaction, List<TransferRow> rows, UUID batchId) {
        byte[] data = TransferCopy.encode(rows, batchId);
        try {
            BinaryCopy.in(Handles.of(transaction), TransferCopy.STATEMENT, data);
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new ConcurrentPostingException("a transfer id or hold was taken concurrently: " + e.getMessage());
            }
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /** Keeps the expiry job's work list: holds with an expiry in, resolved holds out. */
    void trackHolds(Transaction transaction, List<TransferRow> accepted) {
        List<UUID> opened = new ArrayList<>();
        List<Long> expiries = new ArrayList<>();
        List<UUID> resolved = new ArrayList<>();
        for (TransferRow row : accepted) {
            if (row.kind() == TransferKind.PENDING && row.expiresAt().isPresent()) {
                opened.add(row.id());
                expiries.add(LedgerClock.micros(row.expiresAt().get()));
            } else if (row.kind().resolvesHold()) {
                resolved.add(row.pendingId().orElseThrow());
            }
        }
        Handle handle = Handles.of(transaction);
        if (!opened.isEmpty()) {
            handle.createUpdate("""
                            insert into ledger_open_hold (transfer_id, expires_at)
                            select h.id, timestamptz 'epoch' + h.expires_at * interval '1 microsecond'
                            from unnest(:ids::uuid[], :expiries::bigint[]) as h(id, expires_at)
                            """)
                    .bind("ids", (Argument) BinaryArray.uuids(opened))
                    .bind("expiries", (Argument) BinaryArray.bigints(
                            expiries.stream().mapToLong(Long::longValue).toArray()))
                    .execute();
        }
        if (!resolved.isEmpty()) {
            handle.createUpdate("delete from ledger_open_hold where transfer_id = any(:ids)")
                    .bind("ids", (Argument) BinaryArray.uuids(resolved))
                    .execute();
        }
    }

    /** Up to {@code limit} holds whose expiry is at or before {@code now}, soonest first. */
    List<UUID> dueHolds(Transaction transaction, Instant now, int limit) {
        return Handles.of(transaction)
                .createQuery("""
                        select transfer_id from ledger_open_hold
                        where expires_at <= :now order by expires_at limit :limit
                        """)
                .bind("now", utc(now))
                .bind("limit", limit)
                .mapTo(UUID.class)
                .list();
    }

    // ---------------------------------------------------------------- queries

    /** An accepted transfer; refused ids are not transfers. */
    Optional<Transfer> accepted(Transaction transaction, UUID id) {
        return Handles.first(
                        transaction, ROW, "select * from ledger_transfer where id = :id and failure is null", "id", id)
                .map(TransferStore::toTransfer);
    }

    List<Transfer> byReference(Transaction transaction, String key, String value, int limit) {
        return Handles.of(transaction)
                .createQuery("""
                        select * from ledger_transfer
                        where refs @> jsonb_build_object(cast(:key as text), cast(:value as text))
                          and refs <> '{}'::jsonb and failure is null
                        order by ts, id limit :limit
                        """)
                .bind("key", key)
                .bind("value", value)
                .bind("limit", limit)
                .map(ROW)
                .map(TransferStore::toTransfer)
                .list();
    }

    /** Where a hold stands, if the id names one. */
    Optional<HoldState> holdState(Transaction transaction, UUID pendingId) {
        Handle handle = Handles.of(transaction);
        Optional<TransferRow> hold = handle.createQuery(
                        "select * from ledger_transfer where id = :id and failure is null and kind = 'PENDING'")
                .bind("id", pendingId)
                .map(ROW)
                .findFirst();
        if (hold.isEmpty()) {
            return Optional.empty();
        }
        Optional<TransferKind> resolution = handle.createQuery(
                        "select kind from ledger_transfer where pending_id = :id and failure is null")
                .bind("id", pendingId)
                .mapTo(String.class)
                .findFirst()
                .map(TransferKind::valueOf);
        return Optional.of(resolution
                .map(kind -> switch (kind) {
                    case POST_PENDING -> HoldState.POSTED;
                    case VOID_PENDING -> HoldState.VOIDED;
                    default -> HoldState.EXPIRED;
                })
                .orElse(HoldState.PENDING));
    }

    /** An account's balances just after the last transfer at or before {@code (ts, upTo)} in the ledger's order. */
    Balances balancesUpTo(Transaction transaction, UUID accountId, Instant ts, UUID upTo) {
        return Handles.of(transaction)
                .createQuery("""
                        select dp, dpo, cp, cpo from (
                          (select ts, id, debit_debits_pending as dp, debit_debits_posted as dpo,
                                  debit_credits_pending as cp, debit_credits_posted as cpo
                           from ledger_transfer
                           where debit_account_id = :id and failure is null and (ts, id) <= (:ts, :upTo)
                           order by ts desc, id desc limit 1)
                          union all
                          (select ts, id, credit_debits_pending, credit_debits_posted,
                                  credit_credits_pending, credit_credits_posted
                           from ledger_transfer
                           where credit_account_id = :id and failure is null and (ts, id) <= (:ts, :upTo)
                           order by ts desc, id desc limit 1)
                        ) last order by ts desc, id desc limit 1
                        """)
                .bind("id", accountId)
                .bind("ts", utc(ts))
                .bind("upTo", upTo)
                .map((rs, ctx) -> new Balances(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .findFirst()
                .orElse(Balances.ZERO);
    }

    /** A statement page: the account's accepted transfers in {@code [from, to)} after a position. */
    List<StatementLine> statementLines(
            Transaction transaction,
            UUID accountId,
            Instant from,
            Instant to,
            Instant afterTs,
            UUID afterId,
            int limit) {
        return Handles.of(transaction)
                .createQuery("""
                        select * from (
                          (select *, 'DEBIT' as side from ledger_transfer
                           where debit_account_id = :id and failure is null and ts >= :from and ts < :to
                             and (ts, id) > (:afterTs, :afterId)
                           order by ts, id limit :limit)
                          union all
                          (select *, 'CREDIT' as side from ledger_transfer
                           where credit_account_id = :id and failure is null and ts >= :from and ts < :to
                             and (ts, id) > (:afterTs, :afterId)
                           order by ts, id limit :limit)
                        ) lines order by ts, id limit :limit
                        """)
                .bind("id", accountId)
                .bind("from", utc(from))
                .bind("to", utc(to))
                .bind("afterTs", utc(afterTs))
                .bind("afterId", afterId)
                .bind("limit", limit)
                .map((rs, ctx) -> {
                    Transfer transfer = toTransfer(ROW.map(rs, ctx));
                    StatementLine.Side side = StatementLine.Side.valueOf(rs.getString("side"));
                    return new StatementLine(
                            transfer,
                            side,
                            side == StatementLine.Side.DEBIT
                                    ? transfer.debitAccountBalances()
                                    : transfer.creditAccountBalances());
                })
                .list();
    }

    // ---------------------------------------------------------------- mapping

    static final RowMapper<TransferRow> ROW = (rs, ctx) -> {
        Optional<TransferResult> failure =
                Optional.ofNullable(rs.getString("failure")).map(TransferResult::valueOf);
        return new TransferRow(
                rs.getObject("id", UUID.class),
                rs.getObject("ts", OffsetDateTime.class).toInstant(),
                TransferKind.valueOf(rs.getString("kind")),
                rs.getObject("debit_account_id", UUID.class),
                rs.getObject("credit_account_id", UUID.class),
                rs.getLong("amount"),
                rs.getString("currency"),
                rs.getString("code"),
                Optional.ofNullable(rs.getObject("pending_id", UUID.class)),
                optionalLong(rs, "pending_amount"),
                Optional.ofNullable(rs.getObject("expires_at", OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant),
                readMap(rs.getString("refs"), STRING_MAP),
                rs.getString("metadata"),
                failure,
                failure.isPresent() ? Optional.empty() : Optional.of(balances(rs, "debit_")),
                failure.isPresent() ? Optional.empty() : Optional.of(balances(rs, "credit_")));
    };

    private static Balances balances(ResultSet rs, String prefix) throws SQLException {
        return new Balances(
                rs.getLong(prefix + "debits_pending"),
                rs.getLong(prefix + "debits_posted"),
                rs.getLong(prefix + "credits_pending"),
                rs.getLong(prefix + "credits_posted"));
    }

    private static OptionalLong optionalLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
    }

    private static <T> T readMap(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored ledger JSON is unreadable", e);
        }
    }

    private static Transfer toTransfer(TransferRow row) {
        Map<String, Object> metadata =
                "{}".equals(row.metadataJson()) ? Map.of() : readMap(row.metadataJson(), OBJECT_MAP);
        return new Transfer(
                row.id(),
                row.timestamp(),
                row.kind(),
                row.debitAccountId(),
                row.creditAccountId(),
                row.amountMinor(),
                Currency.of(row.currency()),
                row.code(),
                row.pendingId(),
                row.pendingAmountMinor(),
                row.expiresAt(),
                Map.copyOf(row.references()),
                metadata,
                row.debitAccountBalances().orElseThrow(),
                row.creditAccountBalances().orElseThrow());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
