package org.corridor.db;

import java.nio.file.Path;
import java.time.Duration;

/** Where Corridor's one PostgreSQL database is, and how hard the pool may lean on it. */
public sealed interface DatabaseSettings {

    PoolSettings pool();

    /**
     * Corridor starts (or joins) its own PostgreSQL server whose data lives in {@code dataDir}.
     *
     * @param durable commits are flushed to disk before they are acknowledged; only tests turn
     *     this off, for speed
     */
    record Embedded(Path dataDir, boolean durable, PoolSettings pool) implements DatabaseSettings {}

    /**
     * An existing PostgreSQL server, reached as a role without superuser rights (a superuser can
     * switch off the append-only triggers), over TLS with {@code sslmode=verify-full} in the URL
     * when it is not on this machine.
     *
     * @param superuserAllowed start even when the role is a superuser (refused otherwise)
     * @param readUrl a standby that reports and statements may read from (CORRIDOR_DB_READ_URL), with
     *     the same role; every write, and every read that decides a write, goes to {@code jdbcUrl}
     */
    record External(
            String jdbcUrl,
            String user,
            String password,
            PoolSettings pool,
            boolean superuserAllowed,
            java.util.Optional<String> readUrl)
            implements DatabaseSettings {

        public External(String jdbcUrl, String user, String password, PoolSettings pool) {
            this(jdbcUrl, user, password, pool, false);
        }

        public External(String jdbcUrl, String user, String password, PoolSettings pool, boolean superuserAllowed) {
            this(jdbcUrl, user, password, pool, superuserAllowed, java.util.Optional.empty());
        }

        @Override
        public String toString() {
            // Keep the password out of logs and error messages.
            return "External[jdbcUrl=" + jdbcUrl + ", user=" + user + ", readUrl=" + readUrl + "]";
        }
    }

    /**
     * @param maximumSize connections in the pool
     * @param connectionTimeout how long a caller waits for a connection before the request fails
     *     with "unavailable"
     * @param statementTimeout a statement running longer is cancelled by the server
     * @param serializationRetries how many times a transaction that lost a serialization conflict
     *     or a deadlock is run again before the failure is reported
     */
    record PoolSettings(
            int maximumSize, Duration connectionTimeout, Duration statementTimeout, int serializationRetries) {

        public static final int DEFAULT_SERIALIZATION_RETRIES = 5;

        public PoolSettings {
            if (serializationRetries < 0) {
                throw new IllegalArgumentException("serializationRetries must not be negative");
            }
        }

        public PoolSettings(int maximumSize, Duration connectionTimeout, Duration statementTimeout) {
            this(maximumSize, connectionTimeout, statementTimeout, DEFAULT_SERIALIZATION_RETRIES);
        }

        /** Settings for batch work such as benchmarks; the server's come from {@code Config}. */
        public static PoolSettings defaults() {
            return new PoolSettings(16, Duration.ofSeconds(5), Duration.ofSeconds(30));
        }

        public PoolSettings withStatementTimeout(Duration timeout) {
            return new PoolSettings(maximumSize, connectionTimeout, timeout, serializationRetries);
        }

        public PoolSettings withSerializationRetries(int retries) {
            return new PoolSettings(maximumSize, connectionTimeout, statementTimeout, retries);
        }
    }
}
