package org.corridor.screening;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
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
    private static final String TABLES = "tables.bin";
    private static final int MAGIC = 0x43534958;
    /** Index folders kept: the one in use and a few recent ones (other processes may use them). */
    private static final int KEPT_FOLDERS = 4;
    /** Entities analysed per task while building. */
    private static final int BUILD_CHUNK = 512;

    /** What a screener is made of. */
    record Parts(NameAnalyser analyser, ListedNames names, NameIndex index, GluedWords glued) {}

    private record Tables(
            TokenFrequencies frequencies,
            GluedWords glued,
            long[] references,
            Map<Integer, NameIndex.IndexedName> analysed) {

        Parts parts(List<ListedEntity> entities, NameIndex index, int keptAtMost) {
            NameAnalyser analyser = new NameAnalyser(frequencies);
            return new Parts(
                    analyser, new ListedNames(entities, analyser, references, analysed, keptAtMost), index, glued);
        }
    }

    private ScreeningIndex() {}

    /** Builds the index in memory; every analysed name is kept. */
    static Parts inMemory(List<ListedEntity> entities) {
        Directory directory = new ByteBuffersDirectory();
        Tables tables = write(entities, directory, Map.of(), true);
        return tables.parts(entities, new NameIndex(directory), Integer.MAX_VALUE);
    }

    /**
     * Opens the index of these snapshots' entities under {@code root}, building it first when no
     * process has. A folder that cannot be read is built again; a root that cannot be written
     * leaves the index in memory.
     */
    static Parts onDisk(Path root, List<ListSnapshot> snapshots, List<ListedEntity> entities) {
        String key = key(snapshots, entities);
        Path folder = root.resolve(key.substring(0, 32));
        try {
            if (!Files.isDirectory(folder)) {
                build(root, folder, key, entities);
            }
            try {
                return open(folder, key, entities);
            } catch (IOException | RuntimeException unreadable) {
                LOG.warn("screening index {} cannot be read ({}); building it again", folder, unreadable.toString());
                delete(folder);
                build(root, folder, key, entities);
                return open(folder, key, entities);
            }
        } catch (IOException e) {
            LOG.warn("screening index cannot be kept in {} ({}); building it in memory", root, e.toString());
            return inMemory(entities);
        }
    }

    /** The folder an index of these snapshots is kept in under {@code root}. */
    static Path folder(Path root, List<ListSnapshot> snapshots) {
        List<ListedEntity> entities = new ArrayList<>();
        snapshots.forEach(snapshot -> entities.addAll(snapshot.entities()));
        return root.resolve(key(snapshots, entities).substring(0, 32));
    }

    private static Parts open(Path folder, String key, List<ListedEntity> entities) throws IOException {
        NameIndex index = new NameIndex(new MMapDirectory(folder.resolve(LUCENE)));
        Map<String, String> metadata = index.metadata();
        if (!key.equals(metadata.get("key"))
                || !String.valueOf(NameIndex.LAYOUT_VERSION).equals(metadata.get("layout"))) {
            throw new IOException("index metadata " + metadata + " is not that of this build and these lists");
        }
        Tables tables = readTables(folder.resolve(TABLES), key);
        Files.setLastModifiedTime(folder, FileTime.fromMillis(System.currentTimeMillis()));
        Parts parts = tables.parts(entities, index, ListedNames.KEPT_FROM_DISK);
        parts.names().keepAllInBackground();
        return parts;
    }

    private static void build(Path root, Path folder, String key, List<ListedEntity> entities) throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(root);
        Path building = root.resolve(".building-" + UUID.randomUUID());
        try {
            Files.createDirectories(building);
            Tables tables;
            try (Directory directory = new MMapDirectory(building.resolve(LUCENE))) {
                tables = write(
                        entities,
                        directory,
                        Map.of("key", key, "layout", String.valueOf(NameIndex.LAYOUT_VERSION)),
                        false);
            }
            writeTables(building.resolve(TABLES), key, tables);
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
    private static Tables write(
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
        return new Tables(frequencies, GluedWords.ofCounts(words), Arrays.copyOf(references[0], count[0]), analysed);
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
     * What identifies an index: the layout of its documents, the lists' versions, and every
     * entity's key and names in order (the references point into them).
     */
    private static String key(List<ListSnapshot> snapshots, List<ListedEntity> entities) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        update(digest, "layout " + NameIndex.LAYOUT_VERSION);
        update(digest, NameIndex.layoutSample());
        for (ListSnapshot snapshot : snapshots) {
            update(
                    digest,
                    snapshot.list() + " " + snapshot.sourceSha256() + " "
                            + snapshot.entities().size());
        }
        for (ListedEntity entity : entities) {
            update(digest, entity.key() + " " + entity.type());
            for (ListedName name : entity.names()) {
                update(digest, name.text());
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static void writeTables(Path file, String key, Tables tables) throws IOException {
        try (DataOutputStream out =
                new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(NameIndex.LAYOUT_VERSION);
            out.writeUTF(key);
            out.writeInt(tables.references().length);
            for (long reference : tables.references()) {
                out.writeLong(reference);
            }
            out.writeInt(tables.frequencies().names());
            writeCounts(out, tables.frequencies().counts());
            writeCounts(out, tables.glued().counts());
        }
    }

    private static void writeCounts(DataOutputStream out, Map<String, Integer> counts) throws IOException {
        out.writeInt(counts.size());
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeInt(entry.getValue());
        }
    }

    private static Tables readTables(Path file, String key) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC
                    || in.readInt() != NameIndex.LAYOUT_VERSION
                    || !in.readUTF().equals(key)) {
                throw new IOException(file + " is not the tables of this index");
            }
            long[] references = new long[in.readInt()];
            for (int i = 0; i < references.length; i++) {
                references[i] = in.readLong();
            }
            int names = in.readInt();
            TokenFrequencies frequencies = TokenFrequencies.of(readCounts(in), names);
            GluedWords glued = GluedWords.ofCounts(readCounts(in));
            return new Tables(frequencies, glued, references, Map.of());
        }
    }

    private static Map<String, Integer> readCounts(DataInputStream in) throws IOException {
        int size = in.readInt();
        Map<String, Integer> counts = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            counts.put(in.readUTF(), in.readInt());
        }
        return counts;
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
