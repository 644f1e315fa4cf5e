package org.corridor.screening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The name index of a set of listed entities and the tables screening needs beside it: the token
 * frequencies that weigh words, the vocabulary that splits glued words, and a reference per
 * indexed name. Built in memory, or once per set of list versions in a folder of the data folder
 * (one sub-folder per set, named by a digest of the versions, the entities' names and the index
 * layout) and opened memory-mapped by every later process: the operating system's page cache holds
 * the index, the heap only the references. Both ways run the same build, so they answer the same.
 */
final class ScreeningIndex {

    private static final Logger LOG = LoggerFactory.getLogger(ScreeningIndex.class);

    private static final String LUCENE = "lucene";
    /**
     * The layout of an index folder beside its Lucene documents ({@link NameIndex#LAYOUT_VERSION}):
     * 2 added the listed entities ({@link EntityFile}) and the IMO table, so opening reads no entity
     * from the database.
     */
    static final int FOLDER_LAYOUT = 2;
    /** Index folders kept: the one in use and a few recent ones (other processes may use them). */
    private static final int KEPT_FOLDERS = 4;
    /** Entities analysed per task while building. */
    private static final int BUILD_CHUNK = 512;

    /** What a screener is made of: its entities (in memory or read from the folder) and index. */
    record Parts(
            List<ListedEntity> entities,
            NameAnalyser analyser,
            ListedNames names,
            NameIndex index,
            GluedWords glued,
            Map<String, List<Integer>> imo) {

        static Parts of(List<ListedEntity> entities, IndexTables tables, NameIndex index, int keptAtMost) {
            NameAnalyser analyser = new NameAnalyser(tables.frequencies());
            return new Parts(
                    entities,
                    analyser,
                    new ListedNames(entities, analyser, tables.references(), tables.analysed(), keptAtMost),
                    index,
                    tables.glued(),
                    tables.imo());
        }

        /** The listed entities with this normalised IMO number, in list order. */
        List<ListedEntity> byImo(String imo) {
            return imo().getOrDefault(imo, List.of()).stream()
                    .map(entities::get)
                    .toList();
        }
    }

    private ScreeningIndex() {}

    /** The terms of the layout sample, worked out once per process (its analysis starts ICU). */
    private static final class Layout {
        static final String SAMPLE = NameIndex.layoutSample();
    }

    /**
     * Starts, on a background thread, what every process opening an index pays first: loading
     * the transliterators and the analysis of the layout sample. Called before the database is
     * started, the two overlap.
     */
    static void warmUpInBackground() {
        Thread thread = new Thread(() -> Layout.SAMPLE.length(), "screening-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** Builds the index in memory; every analysed name is kept. */
    static Parts inMemory(List<ListedEntity> entities) {
        Directory directory = new ByteBuffersDirectory();
        IndexTables tables = write(entities, directory, Map.of(), true);
        return Parts.of(entities, tables, new NameIndex(directory), Integer.MAX_VALUE);
    }

    /**
     * Opens the index of these snapshots' entities under {@code root}, building it first when no
     * process has. A folder that cannot be read is built again; a root that cannot be written
     * leaves the index in memory.
     */
    static Parts onDisk(Path root, List<ListSnapshot> snapshots) {
        return onDisk(root, describe(snapshots), () -> entitiesOf(snapshots));
    }

    /**
     * Opens the index of the list versions {@code versions} describes (one line each, which must
     * change whenever a version's entities do) under {@code root}: from its folder, reading no
     * entity, when a process has built it; otherwise built from {@code entities} first.
     */
    static Parts onDisk(Path root, List<String> versions, Supplier<List<ListedEntity>> entities) {
        String key = key(versions);
        Path folder = root.resolve(key.substring(0, 32));
        try {
            if (Files.isDirectory(folder)) {
                try {
                    return open(folder, key);
                } catch (IOException | RuntimeException unreadable) {
                    LOG.warn(
                            "screening index {} cannot be read ({}); building it again", folder, unreadable.toString());
                    delete(folder);
                }
            }
            build(root, folder, key, entities.get());
            return open(folder, key);
        } catch (IOException e) {
            LOG.warn("screening index cannot be kept in {} ({}); building it in memory", root, e.toString());
            return inMemory(entities.get());
        }
    }

    /** The folder an index of these snapshots is kept in under {@code root}. */
    static Path folder(Path root, List<ListSnapshot> snapshots) {
        return root.resolve(key(describe(snapshots)).substring(0, 32));
    }

    private static List<ListedEntity> entitiesOf(List<ListSnapshot> snapshots) {
        List<ListedEntity> entities = new ArrayList<>();
        snapshots.forEach(snapshot -> entities.addAll(snapshot.entities()));
        return entities;
    }

    private static Parts open(Path folder, String key) throws IOException {
        NameIndex index = new NameIndex(new MMapDirectory(folder.resolve(LUCENE)));
        Map<String, String> metadata = index.metadata();
        if (!key.equals(metadata.get("key"))
                || !String.valueOf(NameIndex.LAYOUT_VERSION).equals(metadata.get("layout"))) {
            throw new IOException("index metadata " + metadata + " is not that of this build and these lists");
        }
        IndexTables tables = IndexTables.read(folder.resolve(IndexTables.NAME), FOLDER_LAYOUT, key);
        EntityFile entities = EntityFile.open(folder.resolve(EntityFile.NAME));
        if (tables.references().length > 0
                && ListedNames.entityOf(tables.references()[tables.references().length - 1]) >= entities.size()) {
            throw new IOException(folder + ": its names refer to more entities than it holds");
        }
        Files.setLastModifiedTime(folder, FileTime.fromMillis(System.currentTimeMillis()));
        Parts parts = Parts.of(entities, tables, index, ListedNames.KEPT_FROM_DISK);
        parts.names().keepAllInBackground();
        return parts;
    }

    private static void build(Path root, Path folder, String key, List<ListedEntity> entities) throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(root);
        Path building = root.resolve(".building-" + UUID.randomUUID());
        try {
            Files.createDirectories(building);
            IndexTables tables;
            try (Directory directory = new MMapDirectory(building.resolve(LUCENE))) {
                tables = write(
                        entities,
                        directory,
                        Map.of("key", key, "layout", String.valueOf(NameIndex.LAYOUT_VERSION)),
                        false);
            }
            tables.write(building.resolve(IndexTables.NAME), FOLDER_LAYOUT, key);
            EntityFile.write(building.resolve(EntityFile.NAME), entities);
            try {
                Files.move(building, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException other) {
                // Another process built the same index meanwhile; theirs is as good as ours.
                LOG.debug("screening index {} built by another process", folder);
            }
        } finally {
            delete(building);
        }
        LOG.info(
                "screening index of {} entities built in {} ms: {}",
                entities.size(),
                (System.nanoTime() - started) / 1_000_000,
                folder);
        forgetOld(root, folder);
    }

    /**
     * Analyses every listed name (on every core), writes its document, and counts what the tables
     * need. Ordinals follow the entities, their names and the sides of each name, so any build
     * over the same entities numbers the names alike.
     */
    private static IndexTables write(
            List<ListedEntity> entities, Directory directory, Map<String, String> metadata, boolean keep) {
        TokenFrequencies frequencies = TokenFrequencies.of(entities);
        NameAnalyser analyser = new NameAnalyser(frequencies);
        Map<String, Integer> words = new HashMap<>();
        Map<Integer, NameIndex.IndexedName> analysed = new HashMap<>();
        long[][] references = {new long[Math.max(16, entities.size() * 2)]};
        int[] count = {0};
        try (NameIndex.Writer writer = new NameIndex.Writer(directory)) {
            int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
            OrderedBatch.<Integer, List<Indexed>>of(threads, BUILD_CHUNK)
                    .run(
                            IntStream.range(0, entities.size()).iterator(),
                            entity -> analyse(entity, entities.get(entity), analyser),
                            names -> {
                                for (Indexed indexed : names) {
                                    NameIndex.IndexedName name = indexed.name();
                                    int ordinal = count[0]++;
                                    if (ordinal == references[0].length) {
                                        references[0] = Arrays.copyOf(references[0], ordinal * 2);
                                    }
                                    references[0][ordinal] = indexed.reference();
                                    GluedWords.count(name.analysed(), words);
                                    if (keep) {
                                        analysed.put(ordinal, name);
                                    }
                                    add(writer, ordinal, name, entities.get(name.entity()));
                                }
                            },
                            done -> {});
            writer.commit(metadata);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the name index failed", e);
        }
        return new IndexTables(
                frequencies,
                GluedWords.ofCounts(words),
                Arrays.copyOf(references[0], count[0]),
                analysed,
                IndexTables.imoOf(entities));
    }

    private static void add(NameIndex.Writer writer, int ordinal, NameIndex.IndexedName name, ListedEntity entity) {
        try {
            writer.add(ordinal, name, entity);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the name index failed", e);
        }
    }

    /** One indexed name and its reference. */
    private record Indexed(NameIndex.IndexedName name, long reference) {}

    /** The entity's names as indexed: each side of a name written A/B, those with words left. */
    private static List<Indexed> analyse(int ordinal, ListedEntity entity, NameAnalyser analyser) {
        List<Indexed> names = new ArrayList<>();
        List<ListedName> listed = entity.names();
        for (int position = 0; position < listed.size(); position++) {
            ListedName name = listed.get(position);
            List<String> alternatives = NameMatcher.alternatives(name.text());
            for (int side = 0; side < alternatives.size() && side <= ListedNames.MOST_ALTERNATIVES; side++) {
                AnalysedName analysed = analyser.analyse(alternatives.get(side), entity.type());
                if (!analysed.isEmpty()) {
                    boolean latin = hasLatin(analysed);
                    names.add(new Indexed(
                            new NameIndex.IndexedName(ordinal, name, analysed, latin),
                            ListedNames.reference(ordinal, position, side, latin)));
                }
            }
        }
        return names;
    }

    private static boolean hasLatin(AnalysedName name) {
        for (NameToken token : name.tokens()) {
            if (token.isContent()
                    && (token.origin() == TokenOrigin.LATIN || token.origin() == TokenOrigin.CONFUSABLE)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One line per snapshot that changes whenever its entities do: its list, source digest, size
     * and a digest of every entity's key, type and names (the references point into them).
     */
    static List<String> describe(List<ListSnapshot> snapshots) {
        List<String> lines = new ArrayList<>();
        for (ListSnapshot snapshot : snapshots) {
            MessageDigest digest = sha256();
            for (ListedEntity entity : snapshot.entities()) {
                update(digest, entity.key() + " " + entity.type());
                for (ListedName name : entity.names()) {
                    update(digest, name.text());
                }
            }
            lines.add(snapshot.list() + " " + snapshot.sourceSha256() + " "
                    + snapshot.entities().size() + " names " + HexFormat.of().formatHex(digest.digest()));
        }
        return lines;
    }

    /** What identifies an index: the layout of its folder and documents and its list versions. */
    private static String key(List<String> versions) {
        MessageDigest digest = sha256();
        update(digest, "layout " + NameIndex.LAYOUT_VERSION + " folder " + FOLDER_LAYOUT);
        update(digest, Layout.SAMPLE);
        versions.forEach(version -> update(digest, version));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    /** Removes all but the most recently used index folders. */
    private static void forgetOld(Path root, Path current) {
        try (Stream<Path> children = Files.list(root)) {
            List<Path> folders = children.filter(Files::isDirectory)
                    .filter(folder -> !folder.getFileName().toString().startsWith("."))
                    .filter(folder -> !folder.equals(current))
                    .sorted(Comparator.comparing(ScreeningIndex::lastUsed).reversed())
                    .toList();
            folders.stream().skip(KEPT_FOLDERS - 1L).forEach(ScreeningIndex::delete);
        } catch (IOException e) {
            LOG.warn("old screening indexes in {} not removed: {}", root, e.toString());
        }
    }

    private static FileTime lastUsed(Path folder) {
        try {
            return Files.getLastModifiedTime(folder);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("screening index folder {} not removed: {}", folder, e.toString());
        }
    }
}
