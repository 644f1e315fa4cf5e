package org.corridor.testing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.corridor.db.Database;
import org.corridor.db.DatabaseSettings;
import org.corridor.db.EmbeddedPostgresServer;
import org.corridor.db.Migrations;

/**
 * One embedded PostgreSQL server per test JVM (fsync off, for speed), with a migrated template
 * database; each call to {@link #fresh()} clones the template into a new, empty database, so test
 * classes never see each other's rows. Real PostgreSQL, never a mock.
 */
public final class TestDatabase {

    private static final String TEMPLATE = "corridor_template";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgresServer server;

    private TestDatabase() {}

    /** A new database with every migration applied. Close it when done. */
    public static Database fresh() {
        return fresh(defaultPool());
    }

    public static DatabaseSettings.PoolSettings defaultPool() {
        return new DatabaseSettings.PoolSettings(8, Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    public static Database fresh(DatabaseSettings.PoolSettings pool) {
        return fresh(pool, new SimpleMeterRegistry());
    }

    /** A new database whose pool reports to {@code metrics}. */
    public static synchronized Database fresh(DatabaseSettings.PoolSettings pool, MeterRegistry metrics) {
        EmbeddedPostgresServer running = server();
        String name = "test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute(running, "create database " + name + " template " + TEMPLATE);
        return Database.connect(
                running.jdbcUrl(name),
                running.user(),
                running.password(),
                pool,
                "test database " + name,
                Optional.empty(),
                metrics);
    }

    private static synchronized EmbeddedPostgresServer server() {
        if (server == null) {
            Path dir = TempFolders.create("corridor-test-pg");
            server = EmbeddedPostgresServer.start(dir, false);
            TempFolders.beforeDeleting(dir, server::close);
            execute(server, "create database " + TEMPLATE);
            try (Database template = Database.connect(
                    server.jdbcUrl(TEMPLATE),
                    server.user(),
                    server.password(),
                    new DatabaseSettings.PoolSettings(2, Duration.ofSeconds(10), Duration.ofSeconds(60)),
                    "template",
                    Optional.empty(),
                    new SimpleMeterRegistry())) {
                Migrations.migrate(template.dataSource());
            }
        }
        return server;
    }

    /** The JDBC URL of the server's maintenance database, for tests that tamper behind the application's back. */
    public static String adminUrl() {
        return server().jdbcUrl("postgres");
    }

    /**
     * A superuser connection to {@code jdbcUrl} on the shared server, with the secret from its data
     * folder: for tests that tamper behind the application's back, as someone who can read the
     * data folder could.
     */
    public static Connection superuser(String jdbcUrl) throws SQLException {
        EmbeddedPostgresServer running = server();
        return DriverManager.getConnection(jdbcUrl, running.user(), running.password());
    }

    private static void execute(EmbeddedPostgresServer running, String sql) {
        try (Connection connection =
                        DriverManager.getConnection(running.jdbcUrl("postgres"), running.user(), running.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
