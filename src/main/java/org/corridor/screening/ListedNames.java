package org.corridor.screening;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The listed names of an index by ordinal (its documents' {@code ordinal}), each as a reference
 * to its entity, the name and the side of a name written {@code A/B}: eight bytes a name stay on
 * the heap. A name is analysed again when a query retrieves it, with the same analyser that
 * indexed it, so it is the same analysed name; the most recently retrieved are kept. An index
 * built in this process keeps every analysed name it already has. Thread-safe.
 */
final class ListedNames {

    /** Analysed names kept for an index opened from disk (about 2 KB each). */
    static final int KEPT_FROM_DISK = 65_536;

    private static final int NAME_BITS = 22;
    private static final int ALTERNATIVE_BITS = 9;
    /** The most sides of one name written A/B/C... that are indexed. */
    static final int MOST_ALTERNATIVES = (1 << ALTERNATIVE_BITS) - 1;

    private final List<ListedEntity> entities;
    private final NameAnalyser analyser;
    private final long[] references;
    /** By ordinal: an array, not a map, because every scored name is looked up here. */
    private final AtomicReferenceArray<NameIndex.IndexedName> kept;

    private final AtomicInteger keptCount = new AtomicInteger();
    private final int keptAtMost;

    ListedNames(
            List<ListedEntity> entities,
            NameAnalyser analyser,
            long[] references,
            Map<Integer, NameIndex.IndexedName> analysed,
            int keptAtMost) {
        this.entities = entities;
        this.analyser = analyser;
        this.references = references;
        this.kept = new AtomicReferenceArray<>(references.length);
        analysed.forEach(kept::set);
        keptCount.set(analysed.size());
        this.keptAtMost = keptAtMost;
    }

    /** The reference of one name: its entity, its place among the entity's names, its side, its script. */
    static long reference(int entity, int name, int alternative, boolean latin) {
        if (name >= 1 << NAME_BITS || alternative > MOST_ALTERNATIVES) {
            throw new IllegalArgumentException("entity " + entity + " has too many names to index");
        }
        return ((long) entity << 32)
                | ((long) name << (ALTERNATIVE_BITS + 1))
                | ((long) alternative << 1)
                | (latin ? 1 : 0);
    }

    int size() {
        return references.length;
    }

    long[] references() {
        return references;
    }

    int entity(int ordinal) {
        return entityOf(references[ordinal]);
    }

    /** The entity ordinal a reference points to. */
    static int entityOf(long reference) {
        return (int) (reference >>> 32);
    }

    /**
     * Analyses every name in the background when all of them fit in what is kept: a process that
     * opened the index then soon screens as fast as one that built it, and screenings meanwhile
     * analyse what they retrieve themselves. A larger index keeps only what queries retrieve.
     */
    void keepAllInBackground() {
        if (references.length > keptAtMost || keptCount.get() >= references.length) {
            return;
        }
        Thread thread = new Thread(
                () -> {
                    for (int ordinal = 0; ordinal < references.length; ordinal++) {
                        get(ordinal);
                    }
                },
                "screening-names");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Whether the name has Latin words (an original-script name has none). */
    boolean latin(int ordinal) {
        return (references[ordinal] & 1) == 1;
    }

    NameIndex.IndexedName get(int ordinal) {
        NameIndex.IndexedName name = kept.get(ordinal);
        if (name != null) {
            return name;
        }
        long reference = references[ordinal];
        int entityOrdinal = (int) (reference >>> 32);
        int position = (int) ((reference >>> (ALTERNATIVE_BITS + 1)) & ((1 << NAME_BITS) - 1));
        int alternative = (int) ((reference >>> 1) & MOST_ALTERNATIVES);
        ListedEntity entity = entities.get(entityOrdinal);
        ListedName listed = entity.names().get(position);
        String text = NameMatcher.alternatives(listed.text()).get(alternative);
        name = new NameIndex.IndexedName(
                entityOrdinal, listed, analyser.analyse(text, entity.type()), (reference & 1) == 1);
        if (kept.getAndSet(ordinal, name) == null && keptCount.incrementAndGet() > keptAtMost) {
            // The simplest bound; the names in use come back within a few queries.
            for (int i = 0; i < references.length; i++) {
                kept.set(i, null);
            }
            keptCount.set(0);
        }
        return name;
    }
}
