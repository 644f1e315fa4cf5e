package org.corridor.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may connect to the embedded PostgreSQL server: only Corridor's own role, with a password
 * generated once into the data folder (mode 0600), over loopback TCP or the Unix socket in a folder
 * of the data folder (mode 0700). The server's {@code pg_hba.conf} is rewritten at every start to
 * exactly these two lines, so no {@code trust} line survives, whatever an older version or a person
 * left there. Reading the secret needs the same file-system rights as reading the data files
 * themselves, which is the boundary the embedded mode can offer.
 */
final class EmbeddedAccess {

    /** The secret's file in the data folder. */
    static final String SECRET_FILE = "database.secret";

    /** The folder of the server's Unix socket, in the data folder. */
    static final String SOCKET_FOLDER = "socket";

    /** The first line of the {@code pg_hba.conf} Corridor writes; its absence marks an older folder. */
    static final String HBA_MARKER = "# Written by Corridor at every start";

    /** sun_path of a Unix socket holds 107 characters; the file name takes up to 17 of them. */
    private static final int MAX_SOCKET_FOLDER_LENGTH = 107 - ".s.PGSQL.65535".length() - 2;

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedAccess.class);

    private EmbeddedAccess() {}

    /** The password of the embedded server's role, created (0600) when the folder has none yet. */
    static String secret(Path dataDir) {
        Path file = dataDir.resolve(SECRET_FILE);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            ownerOnly(file, OWNER_ONLY_FILE);
            String secret = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (secret.isEmpty()) {
                throw new IllegalStateException(file + " is empty; delete it only together with the pg folder");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the database secret " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes a new secret under a temporary name, then moves it in place unless another process won. */
    private static void create(Path file) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path temporary = Files.createTempFile(
                file.getParent(), ".secret", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        try {
            Files.writeString(temporary, secret + "\n", StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException e) {
                // Another process created it first: its secret stands.
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * The folder for the server's Unix socket (created with mode 0700), or empty when its path is too
     * long for a socket address or would not survive PostgreSQL's option parsing; then the server
     * listens on loopback TCP only.
     */
    static Optional<Path> socketFolder(Path dataDir) {
        Path folder = dataDir.toAbsolutePath().normalize().resolve(SOCKET_FOLDER);
        String text = folder.toString();
        if (text.length() > MAX_SOCKET_FOLDER_LENGTH || !text.matches("[A-Za-z0-9/._+-]+")) {
            LOG.warn("no Unix socket for the embedded PostgreSQL: the path {} is too long or unusual", text);
            return Optional.empty();
        }
        try {
            if (!Files.exists(folder)) {
                Files.createDirectories(folder);
                // Set, not just asked for: the umask may have widened it.
                Files.setPosixFilePermissions(folder, OWNER_ONLY_FOLDER);
            }
            ownerOnly(folder, OWNER_ONLY_FOLDER);
            return Optional.of(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the socket folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** True when the server's {@code pg_hba.conf} is Corridor's own (a folder set up by this version). */
    static boolean hbaIsCorridors(Path pgData) {
        try {
            Path hba = pgData.resolve("pg_hba.conf");
            return Files.exists(hba) && Files.readString(hba).startsWith(HBA_MARKER);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Replaces {@code pg_hba.conf} with Corridor's two lines: its role, by password (SCRAM), over the
     * socket or loopback. Written to a temporary file and moved, so the server never reads half.
     */
    static void writeHba(Path pgData) {
        String hba = HBA_MARKER + " (docs/reliability.md): only Corridor's role, with the password\n"
                + "# in the data folder, over the socket in the data folder or loopback. Anything else is refused.\n"
                + "local   all   " + EmbeddedPostgresServer.USER + "                scram-sha-256\n"
                + "host    all   " + EmbeddedPostgresServer.USER + "   127.0.0.1/32  scram-sha-256\n";
        try {
            Path temporary = Files.createTempFile(
                    pgData, ".pg_hba", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            Files.writeString(temporary, hba, StandardCharsets.US_ASCII);
            Files.move(
                    temporary,
                    pgData.resolve("pg_hba.conf"),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + pgData.resolve("pg_hba.conf") + ": " + e.getMessage(), e);
        }
    }

    private static void ownerOnly(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (!Files.getPosixFilePermissions(path).equals(permissions)) {
            LOG.warn("tightening the permissions of {} to {}", path, PosixFilePermissions.toString(permissions));
            Files.setPosixFilePermissions(path, permissions);
        }
    }
}
