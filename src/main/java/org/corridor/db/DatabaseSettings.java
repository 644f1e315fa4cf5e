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

    /** An existing PostgreSQL server. */
    record External(String jdbcUrl, String user, String password, PoolSettings pool) implements DatabaseSettings {

        @Override
        public String toString() {
            // Keep the password out of logs and error messages.
            return "External[jdbcUrl=" + jdbcUrl + ", user=" + user + "]";
        }
    }

    /**
     * @param maximumSize connections in the pool
     * @param connectionTimeout how long a caller waits for a connection before the request fails
     *     with "unavailable"
     * @param statementTimeout a statement running longer is cancelled by the server
     */
    record PoolSettings(int maximumSize, Duration connectionTimeout, Duration statementTimeout) {

        public static PoolSettings defaults() {
            return new PoolSettings(16, Duration.ofSeconds(5), Duration.ofSeconds(30));
        }
    }
}
