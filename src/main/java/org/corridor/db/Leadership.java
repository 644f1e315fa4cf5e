package org.corridor.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which of the servers on one database runs the timed work (issue 21): the one holding a
 * session-level advisory lock, on a connection it keeps for as long as it leads. When the leader
 * dies, PostgreSQL ends its session and frees the lock, and the next server to ask takes it over.
 * Asked before each run of timed work; asking costs a query only while not leading. Thread-safe.
 */
public final class Leadership implements BooleanSupplier, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

    /** Arbitrary constant naming the advisory lock of the timed work. */
    public static final long TIMED_WORK = 0x436f7272_54696d65L;

    private final DataSource pool;
    private final long key;
    private Connection held;

    public Leadership(DataSource pool, long key) {
        this.pool = pool;
        this.key = key;
    }

    /** True when this process leads now: it held the lock and its session is alive, or it just took it. */
    @Override
    public synchronized boolean getAsBoolean() {
        if (held != null) {
            if (alive(held)) {
                return true;
            }
            LOG.warn("lost the database session that held the timed work's lock; asking again");
            closeQuietly();
        }
        try {
            Connection connection = pool.getConnection();
            if (tryLock(connection)) {
                held = connection;
                LOG.info("this server now runs the timed work (advisory lock {})", key);
                return true;
            }
            connection.close();
        } catch (SQLException e) {
            LOG.warn("could not ask for the timed work's lock: {}", e.getMessage());
        }
        return false;
    }

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, key);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static boolean alive(Connection connection) {
        try {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private void closeQuietly() {
        try {
            // Back to the pool, which discards a broken connection; a live one gives up the lock first.
            if (alive(held)) {
                try (PreparedStatement statement = held.prepareStatement("select pg_advisory_unlock(?)")) {
                    statement.setLong(1, key);
                    statement.execute();
                }
            }
            held.close();
        } catch (SQLException e) {
            LOG.debug("closing the leader's connection: {}", e.getMessage());
        }
        held = null;
    }

    /** Gives the lead up, so that another server takes it at its next run. */
    @Override
    public synchronized void close() {
        if (held != null) {
            closeQuietly();
        }
    }
}
