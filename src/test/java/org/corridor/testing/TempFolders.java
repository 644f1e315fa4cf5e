package org.corridor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Temporary folders that the test run deletes when its JVM exits. Each test JVM's embedded
 * PostgreSQL grows to one or two gigabytes; left behind, a few hundred runs filled the machine's
 * disk and the next CI run failed for want of space.
 */
public final class TempFolders {

    private record Kept(Path folder, Runnable before) {}

    private static final List<Kept> KEPT = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TempFolders::deleteAll, "delete-temp-folders"));
    }

    private TempFolders() {}

    /** A new temporary folder, deleted when the JVM exits. */
    public static Path create(String prefix) {
        return create(prefix, () -> {});
    }

    /**
     * A new temporary folder, deleted when the JVM exits after {@code before} has run (for example
     * stopping the database server that writes in it: shutdown hooks run at the same time, so the
     * stop and the delete must be one hook).
     */
    public static synchronized Path create(String prefix, Runnable before) {
        try {
            Path folder = Files.createTempDirectory(prefix);
            KEPT.add(new Kept(folder, before));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets what runs before {@code folder} is deleted, once it has something to stop. */
    public static synchronized void beforeDeleting(Path folder, Runnable before) {
        KEPT.replaceAll(kept -> kept.folder().equals(folder) ? new Kept(folder, before) : kept);
    }

    private static synchronized void deleteAll() {
        for (Kept kept : KEPT) {
            try {
                kept.before().run();
            } catch (RuntimeException e) {
                System.err.println("before deleting " + kept.folder() + ": " + e.getMessage());
            }
            delete(kept.folder());
        }
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("cannot delete " + folder + ": " + e.getMessage());
        }
    }
}
