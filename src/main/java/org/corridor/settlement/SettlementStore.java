package org.corridor.settlement;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.db.Handles;
import org.corridor.transaction.Transaction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * What every settlement store is: SQL for the feature's own tables in the caller's unit of work,
 * stateless, with the query shapes they share (parameters bound by name, as {@code "id", id}).
 */
abstract class SettlementStore {

    /** The first row {@code sql} finds, mapped. */
    static <T> Optional<T> first(Transaction transaction, String sql, RowMapper<T> mapper, Object... namesAndValues) {
        return query(transaction, sql, namesAndValues).map(mapper).findFirst();
    }

    /** Every row {@code sql} finds, mapped, in its order. */
    static <T> List<T> list(Transaction transaction, String sql, RowMapper<T> mapper, Object... namesAndValues) {
        return query(transaction, sql, namesAndValues).map(mapper).list();
    }

    /** The request a movement of {@code table} was recorded for under its idempotency key, if it was. */
    static Optional<String> request(Transaction transaction, String table, UUID id) {
        return query(transaction, "select request from " + table + " where id = :id", "id", id)
                .mapTo(String.class)
                .findFirst();
    }

    /**
     * {@code sql} on {@code handle} with {@code :key} bound to {@code key}, or nothing bound when it
     * is null: for reads whose condition is one of several, or none.
     */
    static Query keyed(Handle handle, String sql, Object key) {
        Query query = handle.createQuery(sql);
        return key == null ? query : query.bind("key", key);
    }

    static Query query(Transaction transaction, String sql, Object... namesAndValues) {
        Query query = Handles.of(transaction).createQuery(sql);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.bind((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return query;
    }
}
