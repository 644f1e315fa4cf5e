package org.corridor.testing;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.Map;
import org.corridor.app.Config;
import org.corridor.app.Corridor;
import org.corridor.db.DatabaseSettings;

/** A Corridor wired to a fresh test database, with a clock of the test's choosing. */
public final class TestCorridor {

    private TestCorridor() {}

    public static Corridor create() {
        return create(Clock.systemUTC());
    }

    public static Corridor create(Clock clock) {
        return create(clock, Map.of());
    }

    /** {@code environment} overrides settings as the CORRIDOR_* variables would. */
    public static Corridor create(Clock clock, Map<String, String> environment) {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        return new Corridor(
                Config.fromEnvironment(environment),
                TestDatabase.fresh(TestDatabase.defaultPool(), metrics),
                clock,
                metrics);
    }

    /** A Corridor whose pool has the given settings (statement timeout, retries), for fault tests. */
    public static Corridor create(Clock clock, Map<String, String> environment, DatabaseSettings.PoolSettings pool) {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        return new Corridor(Config.fromEnvironment(environment), TestDatabase.fresh(pool, metrics), clock, metrics);
    }
}
