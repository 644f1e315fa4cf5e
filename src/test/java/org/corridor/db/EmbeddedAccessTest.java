package org.corridor.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.corridor.testing.ExternalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL admits only Corridor: its role needs the password kept in the data
 * folder, over loopback or the socket in the data folder, and nothing trusts a local client.
 * Before issue 16 a superuser connection with no password succeeded.
 */
class EmbeddedAccessTest {

    @TempDir
    static Path dataDir;

    private static EmbeddedPostgresServer server;

    @BeforeAll
    static void start() {
        server = EmbeddedPostgresServer.start(dataDir, false);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_superuser_connection_without_the_secret_is_refused() {
        for (String password : new String[] {"", "postgres", "wrong"}) {
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", password)
                            .close())
                    .isInstanceOf(SQLException.class)
                    // 28P01: wrong password; 08004: the server asked for a password and none was given.
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("28P01", "08004"));
        }
    }

    @Test
    void the_secret_from_the_data_folder_connects() throws Exception {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", secret());
                Statement statement = connection.createStatement();
                ResultSet listen = statement.executeQuery("show listen_addresses")) {
            listen.next();
            assertThat(listen.getString(1)).as("loopback only").isEqualTo("127.0.0.1");
        }
    }

    @Test
    void the_secret_is_readable_by_its_owner_only_and_the_socket_lives_in_a_private_folder() throws Exception {
        Path secret = dataDir.resolve(EmbeddedAccess.SECRET_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
                .isEqualTo("rw-------");
        Path socketFolder = dataDir.resolve(EmbeddedAccess.SOCKET_FOLDER);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socketFolder)))
                .isEqualTo("rwx------");
        assertThat(socketFolder.resolve(".s.PGSQL." + server.port())).exists();
        assertThat(Path.of("/tmp/.s.PGSQL." + server.port())).doesNotExist();
    }

    @Test
    void no_line_of_the_servers_access_file_trusts_a_client() throws Exception {
        List<String> lines = Files.readAllLines(dataDir.resolve("pg/pg_hba.conf")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
        assertThat(lines)
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).endsWith("scram-sha-256").doesNotContain("trust"));
    }

    @Test
    void psql_on_the_socket_without_the_password_is_refused() throws Exception {
        Optional<Path> bin = ExternalPostgres.binaries();
        if (bin.isEmpty()) {
            return; // Debian's psql is not installed; the TCP tests above still hold
        }
        List<String> command = new ArrayList<>(List.of(
                bin.get().resolve("psql").toString(),
                "-h",
                dataDir.resolve(EmbeddedAccess.SOCKET_FOLDER).toString(),
                "-p",
                Integer.toString(server.port()),
                "-U",
                "postgres",
                "-w",
                "-c",
                "select 1",
                "postgres"));
        Process psql = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(psql.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(psql.getInputStream().readAllBytes());
        assertThat(psql.exitValue()).as(output).isNotZero();
        assertThat(output).contains("password");
    }

    @Test
    void an_older_folder_that_trusted_local_clients_is_closed_at_its_next_start(@TempDir Path older) throws Exception {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(older, false)) {
            assertThat(first.owned()).isTrue();
        }
        // What an older version left: trust for every local client, a role without a password.
        Files.writeString(
                older.resolve("pg/pg_hba.conf"),
                "local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n");
        Files.delete(older.resolve(EmbeddedAccess.SECRET_FILE));
        try (EmbeddedPostgresServer reopened = EmbeddedPostgresServer.start(older, false)) {
            assertThatThrownBy(() -> DriverManager.getConnection(reopened.jdbcUrl("postgres"), "postgres", "")
                            .close())
                    .isInstanceOf(SQLException.class);
            try (Connection connection =
                    DriverManager.getConnection(reopened.jdbcUrl("postgres"), "postgres", reopened.password())) {
                assertThat(connection.isValid(5)).isTrue();
            }
            assertThat(Files.readString(older.resolve("pg/pg_hba.conf"))).doesNotContain("trust");
        }
    }

    private static String secret() throws Exception {
        return Files.readString(dataDir.resolve(EmbeddedAccess.SECRET_FILE)).strip();
    }
}
