package org.corridor.app;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.corridor.InvalidInputException;
import org.corridor.screening.ListPolicy;
import org.corridor.screening.SanctionsList;

/**
 * The settings of Corridor's defences (issue 16): who the external database may be, where the
 * audit trail's signing key and checkpoints live, how many unauthenticated requests an address may
 * send, and how far a sanctions list may shrink or age before someone must look.
 *
 * @param databaseSuperuserAllowed run on an external server as a superuser (refused unless set)
 * @param auditKey the Ed25519 key that signs checkpoints; empty for {@code DATA_DIR/audit-signing.key}
 * @param auditCheckpoints the append-only checkpoint file; empty for {@code DATA_DIR/audit-checkpoints.jsonl}
 * @param checkpointInterval how often a running server signs the head of the chain
 * @param unauthenticatedPerMinute requests a minute per address that carry no valid token
 * @param lists the list-shrink and list-age limits
 * @param screeningIndex where the screening name index is kept ({@code CORRIDOR_SCREENING_INDEX}):
 *     empty for {@code DATA_DIR/screening-index}, {@code memory} to build it in memory in each process
 */
public record Safeguards(
        boolean databaseSuperuserAllowed,
        Optional<Path> auditKey,
        Optional<Path> auditCheckpoints,
        Duration checkpointInterval,
        int unauthenticatedPerMinute,
        ListPolicy lists,
        Optional<String> screeningIndex) {

    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofMinutes(1);
    public static final int DEFAULT_UNAUTHENTICATED_PER_MINUTE = 300;

    static Safeguards fromEnvironment(Map<String, String> env) {
        return new Safeguards(
                Boolean.parseBoolean(
                        env.getOrDefault("CORRIDOR_DB_ALLOW_SUPERUSER", "false").trim()),
                path(env, "CORRIDOR_AUDIT_KEY"),
                path(env, "CORRIDOR_AUDIT_CHECKPOINTS"),
                Config.durationSetting(env, "CORRIDOR_AUDIT_CHECKPOINT_INTERVAL", DEFAULT_CHECKPOINT_INTERVAL),
                Config.intSetting(
                        env, "CORRIDOR_UNAUTHENTICATED_RATE_LIMIT_PER_MINUTE", DEFAULT_UNAUTHENTICATED_PER_MINUTE),
                listPolicy(env),
                Optional.ofNullable(env.get("CORRIDOR_SCREENING_INDEX"))
                        .map(String::strip)
                        .filter(value -> !value.isEmpty()));
    }

    /** The screening index's folder: as configured, or in the data folder; empty to keep it in memory. */
    public Optional<Path> screeningIndexIn(Path dataDir) {
        if (screeningIndex.filter(value -> value.equalsIgnoreCase("memory")).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(screeningIndex.map(Path::of).orElse(dataDir.resolve("screening-index")));
    }

    /** The key file: as configured, or in the data folder. */
    public Path auditKeyIn(Path dataDir) {
        return auditKey.orElse(dataDir.resolve("audit-signing.key"));
    }

    /** The checkpoint file: as configured, or in the data folder. */
    public Path auditCheckpointsIn(Path dataDir) {
        return auditCheckpoints.orElse(dataDir.resolve("audit-checkpoints.jsonl"));
    }

    private static Optional<Path> path(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value.trim()));
    }

    /**
     * {@code CORRIDOR_LISTS_MAX_SHRINK} (a share such as 0.05 or 5%), {@code CORRIDOR_LISTS_MAX_AGE}
     * for every list, and {@code CORRIDOR_LISTS_MAX_AGE_<LIST>} (such as {@code _OFAC_SDN}) for one.
     */
    private static ListPolicy listPolicy(Map<String, String> env) {
        BigDecimal shrink = share(env.get("CORRIDOR_LISTS_MAX_SHRINK"), ListPolicy.DEFAULT_MAX_SHRINK);
        Duration every = Config.durationSetting(env, "CORRIDOR_LISTS_MAX_AGE", ListPolicy.DEFAULT_MAX_AGE);
        Map<SanctionsList, Duration> ages = new EnumMap<>(SanctionsList.class);
        for (SanctionsList list : SanctionsList.values()) {
            ages.put(list, Config.durationSetting(env, "CORRIDOR_LISTS_MAX_AGE_" + list.name(), every));
        }
        return new ListPolicy(shrink, ages);
    }

    private static BigDecimal share(String value, BigDecimal fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String text = value.trim().toLowerCase(Locale.ROOT);
        try {
            BigDecimal share = text.endsWith("%")
                    ? new BigDecimal(text.substring(0, text.length() - 1).trim()).movePointLeft(2)
                    : new BigDecimal(text);
            if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
                throw new NumberFormatException();
            }
            return share;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(
                    "CONFIG_INVALID", "CORRIDOR_LISTS_MAX_SHRINK is a share from 0 to 1 (or 0% to 100%): " + value);
        }
    }
}
