package org.corridor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.corridor.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo deletes only a folder it created itself (known by the marker file it writes there); any
 * other non-empty folder is refused, {@code --yes} or not, and left byte-for-byte as it was.
 */
class DemoFolderTest {

    @TempDir
    Path root;

    @Test
    void the_demo_refuses_a_folder_it_did_not_create_with_yes_and_leaves_it_byte_for_byte() throws Exception {
        Path folder = someonesFolder();
        Map<String, String> before = contents(folder);

        Cli.Run run = Cli.run("demo", "--yes", "--no-serve", "--data-dir", folder.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .startsWith("corridor: ")
                .contains(folder.toAbsolutePath().toString())
                .contains("did not create");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(contents(folder)).isEqualTo(before);
    }

    @Test
    void the_demo_refuses_a_folder_it_did_not_create_without_yes_too() throws Exception {
        Path folder = someonesFolder();
        Map<String, String> before = contents(folder);

        Cli.Run run = Cli.run("demo", "--no-serve", "--data-dir", folder.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(folder.toAbsolutePath().toString());
        assertThat(contents(folder)).isEqualTo(before);
    }

    @Test
    void the_demo_refuses_a_file_given_as_its_folder() throws Exception {
        Path file = Files.writeString(root.resolve("notes.txt"), "keep me");

        Cli.Run run = Cli.run("demo", "--yes", "--no-serve", "--data-dir", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(file.toAbsolutePath().toString());
        assertThat(Files.readString(file)).isEqualTo("keep me");
    }

    /** A folder with someone's own file and something that looks like a real Corridor data folder. */
    private Path someonesFolder() throws IOException {
        Path folder = Files.createDirectories(root.resolve("mine"));
        Files.writeString(folder.resolve("important.txt"), "quarterly figures, the only copy\n");
        Path pg = Files.createDirectories(folder.resolve("corridor-data").resolve("pg"));
        Files.write(pg.resolve("PG_VERSION"), "16\n".getBytes());
        Files.write(pg.resolve("data.bin"), new byte[] {0, 1, 2, (byte) 255});
        return folder;
    }

    /** Every file under the folder by relative path, with the SHA-256 of its bytes. */
    private static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.toList()) {
                String key = folder.relativize(path).toString();
                files.put(key, Files.isDirectory(path) ? "dir" : sha256(Files.readAllBytes(path)));
            }
        }
        return files;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
