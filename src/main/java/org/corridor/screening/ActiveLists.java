package org.corridor.screening;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The active versions and, on first need, the screener over them. With an index folder the
 * screener is opened from the versions' folder, which holds the entities too, so a process that
 * finds the folder built reads no entity from the database; the entities are read (or taken from
 * the snapshots in hand after an import) only to build it. Immutable but for that screener, which
 * is built once under the instance's lock; thread-safe.
 */
final class ActiveLists {
    private final Map<SanctionsList, ListVersion> versions;
    private final Map<SanctionsList, String> digests;
    private final Map<SanctionsList, String> labels;
    private final Optional<Path> indexFolder;
    private final Function<ListVersion, ListSnapshot> loader;
    /** The snapshots in hand; let go once an index on disk holds their entities. */
    private final Map<SanctionsList, ListSnapshot> known;

    private volatile ScreeningIndex.Parts parts;
    private volatile Screener screener;

    /**
     * @param digests a digest of each version's stored entities ({@link SnapshotCodec#digest})
     * @param known the snapshots of some of these versions already in hand
     * @param loader reads a version's snapshot from the database, for those not in hand
     * @param indexFolder where the name index is kept on disk; empty to build it in memory
     */
    ActiveLists(
            Map<SanctionsList, ListVersion> versions,
            Map<SanctionsList, String> digests,
            Map<SanctionsList, ListSnapshot> known,
            Function<ListVersion, ListSnapshot> loader,
            Optional<Path> indexFolder) {
        // In list order, which the index's entity ordinals follow.
        Map<SanctionsList, ListVersion> ordered = new EnumMap<>(SanctionsList.class);
        ordered.putAll(versions);
        this.versions = Collections.unmodifiableMap(ordered);
        this.digests = Map.copyOf(digests);
        this.indexFolder = indexFolder;
        this.loader = loader;
        Map<SanctionsList, ListSnapshot> held = new EnumMap<>(SanctionsList.class);
        known.forEach((list, snapshot) -> {
            ListVersion version = versions.get(list);
            if (version != null && version.sha256().equals(snapshot.sourceSha256())) {
                held.put(list, snapshot);
            }
        });
        this.known = held;
        Map<SanctionsList, String> names = new EnumMap<>(SanctionsList.class);
        versions.forEach((list, version) -> names.put(list, version.label()));
        this.labels = Map.copyOf(names);
    }

    Map<SanctionsList, ListVersion> versions() {
        return versions;
    }

    Map<SanctionsList, String> labels() {
        return labels;
    }

    Map<SanctionsList, Long> ids() {
        Map<SanctionsList, Long> ids = new EnumMap<>(SanctionsList.class);
        versions.forEach((list, version) -> ids.put(list, version.id()));
        return ids;
    }

    /** The snapshots still in hand (a next set of versions reuses them rather than read them again). */
    synchronized Map<SanctionsList, ListSnapshot> known() {
        return Map.copyOf(known);
    }

    /** The active listed entities with this normalised IMO number, in list order. */
    List<ListedEntity> byImo(String imo) {
        screener();
        return parts.byImo(imo);
    }

    /** Every active listed entity, in list order (read from the index folder when it is on disk). */
    List<ListedEntity> entities() {
        screener();
        return parts.entities();
    }

    boolean isBuilt() {
        return screener != null;
    }

    Screener screener() {
        Screener built = screener;
        if (built == null) {
            synchronized (this) {
                built = screener;
                if (built == null) {
                    ScreeningIndex.Parts opened = indexFolder
                            .map(root -> ScreeningIndex.onDisk(root, describe(), this::allEntities))
                            .orElseGet(() -> ScreeningIndex.inMemory(allEntities()));
                    parts = opened;
                    built = Screener.over(opened);
                    screener = built;
                    if (indexFolder.isPresent()) {
                        known.clear(); // the folder holds them now
                    }
                }
            }
        }
        return built;
    }

    /** One line per active version, in list order: what names its index folder. */
    private List<String> describe() {
        List<String> lines = new ArrayList<>();
        versions.forEach((list, version) -> lines.add(list + " " + version.sha256() + " " + version.entityCount()
                + " stored " + digests.getOrDefault(list, "version " + version.id())));
        return lines;
    }

    private List<ListedEntity> allEntities() {
        List<ListedEntity> entities = new ArrayList<>();
        versions.forEach((list, version) -> entities.addAll(Optional.ofNullable(known.get(list))
                .orElseGet(() -> loader.apply(version))
                .entities()));
        return List.copyOf(entities);
    }
}
