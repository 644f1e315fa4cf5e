package org.corridor.db;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.corridor.transaction.Transaction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * The one door from a unit of work to its SQL handle; used by stores, nowhere else. The stores' most
 * common statements, reading a row or rows by at most one parameter and changing rows, are written
 * once here.
 */
public final class Handles {

    private Handles() {}

    /** The Jdbi handle of {@code transaction}, which must have been opened by {@link Database#transactions()}. */
    public static Handle of(Transaction transaction) {
        return JdbiTransactions.handle(transaction);
    }

    /** The first row {@code sql} selects, mapped by {@code mapper}. */
    public static <T> Optional<T> first(Transaction transaction, RowMapper<T> mapper, String sql) {
        return of(transaction).createQuery(sql).map(mapper).findFirst();
    }

    /** The first row {@code sql} selects with its parameter {@code name} bound to {@code value}. */
    public static <T> Optional<T> first(
            Transaction transaction, RowMapper<T> mapper, String sql, String name, Object value) {
        return query(transaction, sql, name, value).map(mapper).findFirst();
    }

    /** Every row {@code sql} selects, mapped by {@code mapper}. */
    public static <T> List<T> list(Transaction transaction, RowMapper<T> mapper, String sql) {
        return of(transaction).createQuery(sql).map(mapper).list();
    }

    /** Every row {@code sql} selects with its parameter {@code name} bound to {@code value}. */
    public static <T> List<T> list(
            Transaction transaction, RowMapper<T> mapper, String sql, String name, Object value) {
        return query(transaction, sql, name, value).map(mapper).list();
    }

    /** Runs the statement {@code sql} with its parameters bound by name; returns the rows it changed. */
    public static int update(Transaction transaction, String sql, Map<String, ?> parameters) {
        return of(transaction).createUpdate(sql).bindMap(parameters).execute();
    }

    private static Query query(Transaction transaction, String sql, String name, Object value) {
        return of(transaction).createQuery(sql).bind(name, value);
    }
}
