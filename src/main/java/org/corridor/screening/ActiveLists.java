package org.corridor.screening;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The active versions and their entities; the screener over them is built (or opened from the
 * index folder) on first need (the IMO lookup of vessels does not need the name index). Immutable but for that screener, which is
 * built once under the instance's lock; thread-safe.
 */
final class ActiveLists {
    private final Map<SanctionsList, ListVersion> versions;
    private final Map<SanctionsList, ListSnapshot> snapshots;
    private final Map<SanctionsList, String> labels;
    private final Map<String, List<ListedEntity>> byImo;
    private final Optional<Path> indexFolder;
    private volatile Screener screener;

    /** @param indexFolder where the name index is kept on disk; empty to build it in memory */
    ActiveLists(
            Map<SanctionsList, ListVersion> versions,
            Map<SanctionsList, ListSnapshot> snapshots,
            Optional<Path> indexFolder) {
        this.indexFolder = indexFolder;
        this.versions = Map.copyOf(versions);
        this.snapshots = Map.copyOf(snapshots);
        Map<SanctionsList, String> names = new EnumMap<>(SanctionsList.class);
        versions.forEach((list, version) -> names.put(list, version.label()));
        this.labels = Map.copyOf(names);
        Map<String, List<ListedEntity>> imo = new LinkedHashMap<>();
        for (SanctionsList list : SanctionsList.values()) {
            ListSnapshot snapshot = snapshots.get(list);
            if (snapshot == null) {
                continue;
            }
            for (ListedEntity entity : snapshot.entities()) {
                for (Identifier identifier : entity.identifiers()) {
                    if (identifier.type() == IdentifierType.IMO) {
                        List<ListedEntity> found =
                                imo.computeIfAbsent(identifier.normalisedValue(), key -> new ArrayList<>());
                        if (!found.contains(entity)) {
                            found.add(entity);
                        }
                    }
                }
            }
        }
        imo.replaceAll((number, entities) -> List.copyOf(entities));
        this.byImo = Map.copyOf(imo);
    }

    Map<SanctionsList, ListVersion> versions() {
        return versions;
    }

    Map<SanctionsList, ListSnapshot> snapshots() {
        return snapshots;
    }

    Map<SanctionsList, String> labels() {
        return labels;
    }

    Map<String, List<ListedEntity>> byImo() {
        return byImo;
    }

    Map<SanctionsList, Long> ids() {
        Map<SanctionsList, Long> ids = new EnumMap<>(SanctionsList.class);
        versions.forEach((list, version) -> ids.put(list, version.id()));
        return ids;
    }

    /** The snapshot held for this version, or null when this set holds another version of its list. */
    ListSnapshot snapshotOf(ListVersion version) {
        ListVersion held = versions.get(version.list());
        return held != null && held.id() == version.id() ? snapshots.get(version.list()) : null;
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
                    List<ListSnapshot> ordered = new ArrayList<>();
                    for (SanctionsList list : SanctionsList.values()) {
                        Optional.ofNullable(snapshots.get(list)).ifPresent(ordered::add);
                    }
                    built = indexFolder
                            .map(folder -> Screener.ofSnapshots(ordered, folder))
                            .orElseGet(() -> Screener.ofSnapshots(ordered));
                    screener = built;
                }
            }
        }
        return built;
    }
}
