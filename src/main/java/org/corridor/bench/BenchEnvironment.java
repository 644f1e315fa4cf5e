package org.corridor.bench;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.corridor.app.Config;
import org.corridor.app.Corridor;
import org.corridor.db.DataFolders;
import org.corridor.db.Database;
import org.corridor.db.DatabaseSettings;

/** A fresh, durable embedded database in a temporary folder, for a benchmark run; deleted on close. */
final class BenchEnvironment implements AutoCloseable {

    private final Path dir;
    private final Corridor corridor;

    private BenchEnvironment(Path dir, Corridor corridor) {
        this.dir = dir;
        this.corridor = corridor;
    }

    static BenchEnvironment start() {
        try {
            Path dir = Files.createTempDirectory("corridor-bench");
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            Config config = Config.fromEnvironment(java.util.Map.of()).withDataDir(dir);
            Database database = Database.open(
                    new DatabaseSettings.Embedded(dir, true, DatabaseSettings.PoolSettings.defaults()), metrics);
            database.migrate();
            return new BenchEnvironment(dir, new Corridor(config, database, Clock.systemUTC(), metrics));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Corridor corridor() {
        return corridor;
    }

    @Override
    public void close() {
        corridor.close();
        DataFolders.wipe(dir);
    }
}
