package org.corridor.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deleting a data folder safely: never one a live Corridor serves. */
public final class DataFolders {

    private DataFolders() {}

    /**
     * Deletes the folder and everything in it, after refusing a folder a live Corridor serves and
     * stopping a database server left behind by a dead one.
     */
    public static void wipe(Path dir) {
        EmbeddedPostgresServer.stopIfOrphaned(dir);
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete " + path + ": " + e.getMessage(), e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
