package org.corridor.screening;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What screening needs beside the Lucene index, as {@code tables.bin} of an index folder: the
 * token frequencies that weigh words, the vocabulary that splits glued words, one reference per
 * indexed name ({@link ListedNames#reference}) and the entities by IMO number (so the vessel
 * lookup reads no entity it does not return).
 */
record IndexTables(
        TokenFrequencies frequencies,
        GluedWords glued,
        long[] references,
        Map<Integer, NameIndex.IndexedName> analysed,
        Map<String, List<Integer>> imo) {

    static final String NAME = "tables.bin";
    private static final int MAGIC = 0x43534958;

    /** The listed entities by normalised IMO number, as ordinals in list order. */
    static Map<String, List<Integer>> imoOf(List<ListedEntity> entities) {
        Map<String, List<Integer>> imo = new LinkedHashMap<>();
        for (int ordinal = 0; ordinal < entities.size(); ordinal++) {
            for (Identifier identifier : entities.get(ordinal).identifiers()) {
                if (identifier.type() == IdentifierType.IMO) {
                    List<Integer> found = imo.computeIfAbsent(identifier.normalisedValue(), key -> new ArrayList<>());
                    if (!found.contains(ordinal)) {
                        found.add(ordinal);
                    }
                }
            }
        }
        imo.replaceAll((number, ordinals) -> List.copyOf(ordinals));
        return Map.copyOf(imo);
    }

    void write(Path file, int layout, String key) throws IOException {
        try (DataOutputStream out =
                new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(layout);
            out.writeUTF(key);
            out.writeInt(references.length);
            for (long reference : references) {
                out.writeLong(reference);
            }
            out.writeInt(frequencies.names());
            writeCounts(out, frequencies.counts());
            writeCounts(out, glued.counts());
            out.writeInt(imo.size());
            for (Map.Entry<String, List<Integer>> entry : imo.entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeInt(entry.getValue().size());
                for (int ordinal : entry.getValue()) {
                    out.writeInt(ordinal);
                }
            }
        }
    }

    static IndexTables read(Path file, int layout, String key) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != layout || !in.readUTF().equals(key)) {
                throw new IOException(file + " is not the tables of this index");
            }
            long[] references = new long[in.readInt()];
            for (int i = 0; i < references.length; i++) {
                references[i] = in.readLong();
            }
            int names = in.readInt();
            TokenFrequencies frequencies = TokenFrequencies.of(readCounts(in), names);
            GluedWords glued = GluedWords.ofCounts(readCounts(in));
            int numbers = in.readInt();
            Map<String, List<Integer>> imo = new HashMap<>(numbers * 2);
            for (int i = 0; i < numbers; i++) {
                String number = in.readUTF();
                List<Integer> ordinals = new ArrayList<>();
                for (int j = in.readInt(); j > 0; j--) {
                    ordinals.add(in.readInt());
                }
                imo.put(number, List.copyOf(ordinals));
            }
            return new IndexTables(frequencies, glued, references, Map.of(), Map.copyOf(imo));
        }
    }

    private static void writeCounts(DataOutputStream out, Map<String, Integer> counts) throws IOException {
        out.writeInt(counts.size());
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeInt(entry.getValue());
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
}
