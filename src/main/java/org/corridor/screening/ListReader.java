package org.corridor.screening;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Reads published list files into {@link ListSnapshot}s. Files may be gzip-compressed (a {@code .gz}
 * name). Malformed files raise {@link ListFormatException} naming the file and line.
 */
public final class ListReader {

    private ListReader() {}

    /**
     * Reads one list source. An OFAC folder can hold the SDN files, the non-SDN {@code cons_*}
     * files or both, so the result may hold two snapshots; every other format gives one.
     *
     * @throws ListFormatException when a file is malformed or the path does not fit the format
     */
    public static List<ListSnapshot> read(ListFormat format, Path path) {
        return switch (format) {
            case OFAC_CSV -> readOfacFolder(path);
            case UN_XML -> List.of(UnXmlParser.parse(path.toString(), opener(requireFile(path))));
            case UK_CSV -> List.of(UkCsvParser.parse(path.toString(), opener(requireFile(path))));
            case EU_CSV -> List.of(EuCsvParser.parse(path.toString(), opener(requireFile(path))));
            case FTM_JSON -> List.of(FtmParser.parse(path.toString(), opener(requireFile(path))));
        };
    }

    /** Reads an OFAC legacy CSV folder: sdn.csv and/or cons_prim.csv with their companions. */
    public static List<ListSnapshot> readOfacFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new ListFormatException(
                    folder.toString(), "ofac-csv expects a folder holding sdn.csv or cons_prim.csv");
        }
        List<ListSnapshot> snapshots = new ArrayList<>();
        find(folder, "sdn.csv")
                .ifPresent(primary -> snapshots.add(OfacCsvParser.parse(
                        SanctionsList.OFAC_SDN,
                        new OfacCsvParser.Files(
                                primary.toString(),
                                opener(primary),
                                find(folder, "add.csv").map(ListReader::opener),
                                find(folder, "alt.csv").map(ListReader::opener),
                                find(folder, "sdn_comments.csv").map(ListReader::opener)))));
        find(folder, "cons_prim.csv")
                .ifPresent(primary -> snapshots.add(OfacCsvParser.parse(
                        SanctionsList.OFAC_NON_SDN,
                        new OfacCsvParser.Files(
                                primary.toString(),
                                opener(primary),
                                find(folder, "cons_add.csv").map(ListReader::opener),
                                find(folder, "cons_alt.csv").map(ListReader::opener),
                                find(folder, "cons_comments.csv").map(ListReader::opener)))));
        if (snapshots.isEmpty()) {
            throw new ListFormatException(folder.toString(), "folder holds neither sdn.csv nor cons_prim.csv");
        }
        return snapshots;
    }

    /** The file, or its gzip-compressed twin with a {@code .gz} suffix. */
    private static Optional<Path> find(Path folder, String name) {
        Path plain = folder.resolve(name);
        if (Files.isRegularFile(plain)) {
            return Optional.of(plain);
        }
        Path compressed = folder.resolve(name + ".gz");
        return Files.isRegularFile(compressed) ? Optional.of(compressed) : Optional.empty();
    }

    private static Path requireFile(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new ListFormatException(path.toString(), "no such file");
        }
        return path;
    }

    static StreamOpener opener(Path path) {
        return () -> decompressIfNeeded(path.getFileName().toString(), Files.newInputStream(path));
    }

    static InputStream decompressIfNeeded(String name, InputStream in) throws IOException {
        return name.endsWith(".gz") ? new GZIPInputStream(in, 64 * 1024) : in;
    }
}
