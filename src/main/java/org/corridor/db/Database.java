package org.corridor.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.corridor.transaction.Transactions;
import org.jdbi.v3.core.Jdbi;

/**
 * Corridor's one database: a Hikari pool, the Jdbi over it, and (in embedded mode) the PostgreSQL
 * server it started. Thread-safe. Transactions retry a serialization failure or deadlock a bounded
 * number of times ({@link RetryingTransactionRunner}), so every transaction callback must be safe
 * to run again. Every statement is cancelled by the server after the pool's statement timeout.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final JdbiTransactions transactions;
    private final JdbiTransactions singleAttempts;
    private final String description;
    private final Optional<EmbeddedPostgresServer> server;
    // Set once while opening, before the database is handed out.
    private volatile Optional<HikariDataSource> standbyPool = Optional.empty();
    private volatile Transactions reports;

    private Database(
            HikariDataSource pool,
            String description,
            Optional<EmbeddedPostgresServer> server,
            int serializationRetries,
            MeterRegistry metrics) {
        this.pool = pool;
        this.description = description;
        this.server = server;
        this.jdbi = Jdbi.create(pool);
        RetryingTransactionRunner.install(jdbi, serializationRetries, metrics);
        this.transactions = JdbiTransactions.retried(jdbi);
        this.singleAttempts = JdbiTransactions.once(jdbi);
        this.reports = transactions;
    }

    /** Opens the database the settings name, starting the embedded server when needed. */
    public static Database open(DatabaseSettings settings, MeterRegistry metrics) {
        if (settings instanceof DatabaseSettings.Embedded embedded) {
            return openEmbedded(embedded, metrics);
        }
        DatabaseSettings.External external = (DatabaseSettings.External) settings;
        ExternalServerChecks.warnWithoutTls(external.jdbcUrl());
        Database database = connect(
                external.jdbcUrl(),
                external.user(),
                external.password(),
                external.pool(),
                external.jdbcUrl(),
                Optional.empty(),
                metrics);
        try {
            ExternalServerChecks.refuseSuperuser(database.pool, external);
            external.readUrl().ifPresent(readUrl -> database.readFromStandby(readUrl, external, metrics));
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static Database openEmbedded(DatabaseSettings.Embedded settings, MeterRegistry metrics) {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings.dataDir(), settings.durable());
        try {
            server.createDatabaseIfMissing(EmbeddedPostgresServer.DATABASE);
            return connect(
                    server.jdbcUrl(EmbeddedPostgresServer.DATABASE),
                    server.user(),
                    server.password(),
                    settings.pool(),
                    "embedded PostgreSQL in " + settings.dataDir(),
                    Optional.of(server),
                    metrics);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Connects a pool to a server reached by JDBC URL; the server is closed with the pool if given. */
    public static Database connect(
            String jdbcUrl,
            String user,
            String password,
            DatabaseSettings.PoolSettings settings,
            String description,
            Optional<EmbeddedPostgresServer> server,
            MeterRegistry metrics) {
        HikariConfig config = poolConfig(jdbcUrl, user, password, settings, "corridor", metrics);
        return new Database(
                new HikariDataSource(config), description, server, settings.serializationRetries(), metrics);
    }

    /**
     * Lets {@link #reports()} read from a standby: a small read-only pool of its own that does not
     * keep Corridor from starting when the standby is down (reads then go to the primary).
     */
    private void readFromStandby(String readUrl, DatabaseSettings.External settings, MeterRegistry metrics) {
        ExternalServerChecks.warnWithoutTls(readUrl);
        HikariConfig config =
                poolConfig(readUrl, settings.user(), settings.password(), settings.pool(), "corridor-standby", metrics);
        config.setMaximumPoolSize(Math.min(4, settings.pool().maximumSize()));
        config.setMinimumIdle(0);
        config.setReadOnly(true);
        config.setInitializationFailTimeout(-1);
        HikariDataSource standby = new HikariDataSource(config);
        standbyPool = Optional.of(standby);
        reports = new StandbyReads(JdbiTransactions.once(Jdbi.create(standby)), transactions);
    }

    private static HikariConfig poolConfig(
            String jdbcUrl,
            String user,
            String password,
            DatabaseSettings.PoolSettings settings,
            String name,
            MeterRegistry metrics) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName(name);
        config.setMaximumPoolSize(settings.maximumSize());
        config.setMinimumIdle(Math.min(2, settings.maximumSize()));
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.setValidationTimeout(Math.min(settings.connectionTimeout().toMillis(), 2_000));
        // Fail fast at start when the server is unreachable, but let the pool recover by itself
        // when the server restarts later.
        config.setInitializationFailTimeout(settings.connectionTimeout().toMillis());
        config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics));
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        // uuid[] parameters built as binary (ledger batches) are sent as such, not parsed from text.
        config.addDataSourceProperty("binaryTransferEnable", "UUID_ARRAY");
        config.addDataSourceProperty("ApplicationName", "corridor");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.setConnectionInitSql(
                "set statement_timeout = " + settings.statementTimeout().toMillis()
                        + "; set idle_in_transaction_session_timeout = 60000; set timezone = 'UTC'");
        return config;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Opens units of work for the features' services; the retry policy is stated there. */
    public Transactions transactions() {
        return transactions;
    }

    /**
     * Units of work run exactly once, with no retry: a serialization failure or deadlock rolls back
     * and reaches the caller as thrown. For a caller with a fallback of its own (the ledger's
     * sequenced posting falls back to its careful path, which is retried).
     */
    public Transactions singleAttempts() {
        return singleAttempts;
    }

    /**
     * Units of work for reports and statements: their reads ({@link Transactions#read}) go to the
     * standby of CORRIDOR_DB_READ_URL when one is set, and to the primary when it is not or cannot
     * answer; anything opened with {@link Transactions#inTransaction} goes to the primary. A standby
     * may be behind the primary by its replay delay, so only reads that decide nothing belong here
     * (docs/operations.md).
     */
    public Transactions reports() {
        return reports;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** The pool itself, for metrics. */
    public HikariDataSource pool() {
        return pool;
    }

    public String description() {
        return description;
    }

    /** Applies pending migrations; returns how many ran. */
    public int migrate() {
        return Migrations.migrate(pool);
    }

    /** True while the embedded server this process owns is being started again after it died. */
    public boolean recovering() {
        return server.map(EmbeddedPostgresServer::restarting).orElse(false);
    }

    /** How many times the embedded server this process owns was started again after it died. */
    public long restarts() {
        return server.map(EmbeddedPostgresServer::restarts).orElse(0L);
    }

    /**
     * A quick judgement whether the database is there, for classifying a failure: the embedded
     * server's process is running and not being started again; an external server answers.
     */
    public boolean available() {
        if (server.isPresent()) {
            return server.get().running() && !server.get().restarting();
        }
        return isReady();
    }

    /** True when a connection can be had and answers a trivial query within a second. */
    public boolean isReady() {
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(1);
            return statement.execute("select 1");
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        standbyPool.ifPresent(HikariDataSource::close);
        pool.close();
        server.ifPresent(EmbeddedPostgresServer::close);
    }
}
