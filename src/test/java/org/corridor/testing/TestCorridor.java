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

    /**
     * {@code environment} overrides settings as the CORRIDOR_* variables would. Tests call every
     * route without a token from one address, so the per-address limit is lifted unless given.
     */
    public static Corridor create(Clock clock, Map<String, String> environment) {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        return new Corridor(
                Config.fromEnvironment(withTestDefaults(environment)),
                TestDatabase.fresh(TestDatabase.defaultPool(), metrics),
                clock,
                metrics);
    }

    /** A Corridor whose pool has the given settings (statement timeout, retries), for fault tests. */
    public static Corridor create(Clock clock, Map<String, String> environment, DatabaseSettings.PoolSettings pool) {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        return new Corridor(
                Config.fromEnvironment(withTestDefaults(environment)),
                TestDatabase.fresh(pool, metrics),
                clock,
                metrics);
    }

    /** Settings every test server has unless the test says otherwise. */
    public static Map<String, String> withTestDefaults(Map<String, String> environment) {
        Map<String, String> all = new java.util.HashMap<>(environment);
        all.putIfAbsent("CORRIDOR_UNAUTHENTICATED_RATE_LIMIT_PER_MINUTE", "1000000");
        // One folder of screening indexes for the whole run: test databases holding the same list
        // versions open the index the first of them built.
        all.putIfAbsent(
                "CORRIDOR_SCREENING_INDEX",
                java.nio.file.Path.of("target", "test-screening-index")
                        .toAbsolutePath()
                        .toString());
        if (!all.containsKey("CORRIDOR_AUDIT_KEY") || !all.containsKey("CORRIDOR_AUDIT_CHECKPOINTS")) {
            // Each test database has a chain of its own: its checkpoints and key go in a folder of its own.
            {
                java.nio.file.Path folder = TempFolders.create("corridor-test-audit");
                all.putIfAbsent(
                        "CORRIDOR_AUDIT_KEY",
                        folder.resolve("audit-signing.key").toString());
                all.putIfAbsent(
                        "CORRIDOR_AUDIT_CHECKPOINTS",
                        folder.resolve("audit-checkpoints.jsonl").toString());
            }
        }
        return Map.copyOf(all);
    }
}
