package org.corridor.app;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corridor.InvalidInputException;
import org.corridor.db.DatabaseSettings;
import org.corridor.ledger.GroupCommit;

/**
 * Corridor's settings, read once from the environment with local defaults, then overridden by
 * command-line options. No file, no reflection.
 *
 * @param zone the channel's time zone: business dates and authorisation validity are in it
 * @param statementTimeout a database statement running longer is cancelled (the request gets 503)
 * @param dbReadUrl a standby that reports and statements may read from (issue 21)
 * @param groupCommit how single transfers posted at the same time share batches (issue 21)
 */
public record Config(
        String host,
        int port,
        Path dataDir,
        Optional<String> dbUrl,
        Optional<String> dbUser,
        Optional<String> dbPassword,
        Optional<String> dbReadUrl,
        ZoneId zone,
        long maxRequestBytes,
        int requestsPerMinutePerToken,
        Duration statementTimeout,
        Safeguards safeguards,
        GroupCommit.Settings groupCommit) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final Path DEFAULT_DATA_DIR = Path.of("corridor-data");
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Baghdad");
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(5);

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)?");

    public static Config fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public static Config fromEnvironment(Map<String, String> env) {
        return new Config(
                env.getOrDefault("CORRIDOR_HOST", DEFAULT_HOST),
                intSetting(env, "CORRIDOR_PORT", DEFAULT_PORT),
                Path.of(env.getOrDefault("CORRIDOR_DATA_DIR", DEFAULT_DATA_DIR.toString())),
                nonBlank(env.get("CORRIDOR_DB_URL")),
                nonBlank(env.get("CORRIDOR_DB_USER")),
                Optional.ofNullable(env.get("CORRIDOR_DB_PASSWORD")),
                nonBlank(env.get("CORRIDOR_DB_READ_URL")),
                zoneSetting(env.getOrDefault("CORRIDOR_ZONE", DEFAULT_ZONE.getId())),
                intSetting(env, "CORRIDOR_MAX_REQUEST_BYTES", 10_000_000),
                intSetting(env, "CORRIDOR_RATE_LIMIT_PER_MINUTE", 6_000),
                statementTimeoutSetting(env),
                Safeguards.fromEnvironment(env),
                new GroupCommit.Settings(
                        Duration.ofMillis(intSetting(env, "CORRIDOR_GROUP_COMMIT_WINDOW_MS", (int)
                                GroupCommit.Settings.DEFAULT.window().toMillis())),
                        intSetting(env, "CORRIDOR_GROUP_COMMIT_MAX_BATCH", GroupCommit.Settings.DEFAULT.maxBatch())));
    }

    public Config withPort(int newPort) {
        return with(host, newPort, dataDir);
    }

    public Config withHost(String newHost) {
        return with(newHost, port, dataDir);
    }

    public Config withDataDir(Path newDataDir) {
        return with(host, port, newDataDir);
    }

    /** This configuration with single transfers gathered into shared batches as {@code settings} say. */
    public Config withGroupCommit(GroupCommit.Settings settings) {
        return with(host, port, dataDir, settings);
    }

    /** This configuration where it listens and keeps its data changed; the rest stays. */
    private Config with(String newHost, int newPort, Path newDataDir) {
        return with(newHost, newPort, newDataDir, groupCommit);
    }

    private Config with(String newHost, int newPort, Path newDataDir, GroupCommit.Settings newGroupCommit) {
        return new Config(
                newHost,
                newPort,
                newDataDir,
                dbUrl,
                dbUser,
                dbPassword,
                dbReadUrl,
                zone,
                maxRequestBytes,
                requestsPerMinutePerToken,
                statementTimeout,
                safeguards,
                newGroupCommit);
    }

    @Override
    public String toString() {
        // Keep the database password out of logs and error messages.
        return "Config[host=" + host + ", port=" + port + ", dataDir=" + dataDir + ", dbUrl=" + dbUrl + ", dbUser="
                + dbUser + ", dbPassword=" + dbPassword.map(secret -> "***") + ", dbReadUrl=" + dbReadUrl + ", zone="
                + zone + "]";
    }

    /** True when an external PostgreSQL server is configured instead of the embedded one. */
    public boolean externalDatabase() {
        return dbUrl.isPresent();
    }

    public DatabaseSettings databaseSettings() {
        DatabaseSettings.PoolSettings pool =
                DatabaseSettings.PoolSettings.defaults().withStatementTimeout(statementTimeout);
        if (dbUrl.isPresent()) {
            return new DatabaseSettings.External(
                    dbUrl.get(),
                    dbUser.orElse("corridor"),
                    dbPassword.orElse(""),
                    pool,
                    safeguards.databaseSuperuserAllowed(),
                    dbReadUrl);
        }
        return new DatabaseSettings.Embedded(dataDir, true, pool);
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    static int intSetting(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("CONFIG_INVALID", name + " is not a whole number: " + value);
        }
    }

    /** A duration written as {@code 5s}, {@code 500ms}, {@code 2m}, {@code 12h}, {@code 7d} or a plain number of seconds. */
    /** The longest statement timeout accepted: past it a stuck request would hold a connection for too long. */
    static final Duration MAX_STATEMENT_TIMEOUT = Duration.ofMinutes(10);

    private static Duration statementTimeoutSetting(Map<String, String> env) {
        Duration timeout = durationSetting(env, "CORRIDOR_STATEMENT_TIMEOUT", DEFAULT_STATEMENT_TIMEOUT);
        if (timeout.compareTo(MAX_STATEMENT_TIMEOUT) > 0) {
            throw new InvalidInputException(
                    "CONFIG_INVALID",
                    "CORRIDOR_STATEMENT_TIMEOUT is at most " + MAX_STATEMENT_TIMEOUT.toMinutes() + " minutes: "
                            + env.get("CORRIDOR_STATEMENT_TIMEOUT"));
        }
        return timeout;
    }

    static Duration durationSetting(Map<String, String> env, String name, Duration fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Matcher matcher = DURATION.matcher(value.trim());
        if (!matcher.matches()) {
            throw new InvalidInputException(
                    "CONFIG_INVALID", name + " is not a duration such as 5s, 500ms, 2m, 12h or 7d: " + value);
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        Duration duration = switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofSeconds(amount);
        };
        if (duration.isZero()) {
            throw new InvalidInputException("CONFIG_INVALID", name + " must be longer than zero: " + value);
        }
        return duration;
    }

    private static ZoneId zoneSetting(String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new InvalidInputException("CONFIG_INVALID", "CORRIDOR_ZONE is not a time zone: " + value);
        }
    }
}
