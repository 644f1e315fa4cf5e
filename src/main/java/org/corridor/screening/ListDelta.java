package org.corridor.screening;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed in one list between two versions: entities added, removed and changed (same id,
 * different content). Re-screening only needs to look at parties that could match the entities
 * in {@link #added()} and the {@code after} side of {@link #changed()}; parties cleared because of a
 * removed entity can be released.
 */
public record ListDelta(
        SanctionsList list, List<ListedEntity> added, List<ListedEntity> removed, List<Change> changed) {

    /** An entity whose content differs between the two versions. */
    public record Change(ListedEntity before, ListedEntity after) {
        public Change {
            if (!before.key().equals(after.key())) {
                throw new IllegalArgumentException("a change must keep the entity key");
            }
        }
    }

    public ListDelta {
        Objects.requireNonNull(list, "list");
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    /**
     * Compares two versions of the same list by entity id. The result lists keep the order of the
     * snapshots (added and changed in the newer one's order, removed in the older one's).
     */
    public static ListDelta between(ListSnapshot older, ListSnapshot newer) {
        if (older.list() != newer.list()) {
            throw new IllegalArgumentException(
                    "cannot compare different lists: " + older.list() + " and " + newer.list());
        }
        Map<String, ListedEntity> before = byId(older);
        Map<String, ListedEntity> after = byId(newer);
        List<ListedEntity> added = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        for (ListedEntity entity : after.values()) {
            ListedEntity previous = before.get(entity.id());
            if (previous == null) {
                added.add(entity);
            } else if (!previous.equals(entity)) {
                changed.add(new Change(previous, entity));
            }
        }
        List<ListedEntity> removed = new ArrayList<>();
        for (ListedEntity entity : before.values()) {
            if (!after.containsKey(entity.id())) {
                removed.add(entity);
            }
        }
        return new ListDelta(older.list(), added, removed, changed);
    }

    private static Map<String, ListedEntity> byId(ListSnapshot snapshot) {
        Map<String, ListedEntity> entities = new LinkedHashMap<>();
        for (ListedEntity entity : snapshot.entities()) {
            if (entities.putIfAbsent(entity.id(), entity) != null) {
                throw new IllegalArgumentException(
                        "list " + snapshot.list() + " has entity id " + entity.id() + " more than once");
            }
        }
        return entities;
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** The entities a party could newly match: added ones and the new content of changed ones. */
    public List<ListedEntity> entitiesToRescreen() {
        List<ListedEntity> entities = new ArrayList<>(added);
        for (Change change : changed) {
            entities.add(change.after());
        }
        return entities;
    }
}
