package org.corridor.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.testing.Cli.run;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.corridor.testing.Cli.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code corridor lists import|update|show} and {@code screen names} over the database, run in
 * process on a durable embedded database of the test's own; {@code update} downloads from a local
 * HTTP server that serves the small fixture files, a broken file, a 500 and a truncated body.
 */
class ListsCliTest {

    private static final List<String> OFAC_FILES = List.of(
            "SDN.CSV",
            "ADD.CSV",
            "ALT.CSV",
            "SDN_COMMENTS.CSV",
            "CONS_PRIM.CSV",
            "CONS_ADD.CSV",
            "CONS_ALT.CSV",
            "CONS_COMMENTS.CSV");

    @TempDir
    Path dir;

    private HttpServer http;
    private String base;
    private HalfBodyServer truncated;
    private HalfBodyServer stalled;

    private Run corridor(String... args) {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--data-dir";
        all[args.length + 1] = dir.resolve("data").toString();
        return run(all);
    }

    /** The one line that says why a command failed (progress lines aside). */
    private static String reason(Run run) {
        List<String> lines =
                run.err().lines().filter(line -> line.startsWith("corridor:")).toList();
        assertThat(lines).as(run.err()).hasSize(1);
        return lines.get(0);
    }

    @BeforeEach
    void startServer() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        for (String name : OFAC_FILES) {
            serve(
                    "/good/ofac/" + name,
                    Files.readAllBytes(Fixtures.resource("ofac-small/" + name.toLowerCase(java.util.Locale.ROOT))));
        }
        serve("/good/un/consolidated.xml", Files.readAllBytes(Fixtures.resource("un-small.xml")));
        serve("/good/uk/ConList.csv", Files.readAllBytes(Fixtures.resource("uk-small.csv")));
        serve("/good/eu/csvFullSanctionsList_1_1.csv", Files.readAllBytes(Fixtures.resource("eu-small.csv")));
        serve(
                "/broken/consolidated.xml",
                "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DA".getBytes(StandardCharsets.UTF_8));
        http.createContext("/error/consolidated.xml", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        http.start();
        base = "http://127.0.0.1:" + http.getAddress().getPort();
        byte[] un = Files.readAllBytes(Fixtures.resource("un-small.xml"));
        truncated = new HalfBodyServer(un, false);
        stalled = new HalfBodyServer(un, true);
    }

    /**
     * Answers every request with a Content-Length of the whole file but only half of it, then
     * closes the connection ({@code stall} false) or holds it open without a byte more.
     */
    static final class HalfBodyServer implements AutoCloseable {
        private final java.net.ServerSocket socket;
        private final Thread thread;

        HalfBodyServer(byte[] content, boolean stall) throws IOException {
            socket = new java.net.ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (java.net.Socket client = socket.accept()) {
                        java.io.InputStream in = client.getInputStream();
                        int matched = 0;
                        while (matched < 4) { // read up to the blank line that ends the request head
                            int b = in.read();
                            if (b < 0) {
                                break;
                            }
                            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
                        }
                        OutputStream out = client.getOutputStream();
                        out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + content.length + "\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        out.write(content, 0, content.length / 2);
                        out.flush();
                        if (stall) {
                            Thread.sleep(30_000);
                        }
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/consolidated.xml";
        }

        @Override
        public void close() throws IOException {
            socket.close();
            thread.interrupt();
        }
    }

    private void serve(String path, byte[] content) {
        http.createContext(path, (HttpExchange exchange) -> {
            exchange.getResponseHeaders().add("Last-Modified", "Mon, 02 Mar 2026 06:00:00 GMT");
            exchange.sendResponseHeaders(200, content.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(content);
            }
        });
    }

    @AfterEach
    void stopServer() throws IOException {
        http.stop(0);
        truncated.close();
        stalled.close();
    }

    @Test
    void import_show_and_a_malformed_file_that_imports_nothing() throws IOException {
        Run empty = corridor("lists", "show");
        assertThat(empty.exitCode()).as(empty.err()).isZero();
        assertThat(empty.out()).contains("UN           no active version");

        Run un = corridor(
                "lists",
                "import",
                "--source",
                "un",
                Fixtures.resource("un-small.xml").toString());
        assertThat(un.exitCode()).as(un.err()).isZero();
        assertThat(un.out())
                .startsWith("imported UN           version 1  published 2026-02-27  sha256 ")
                .contains("4 entities  delta +4 -0 ~0");
        Run sdnOnly = corridor(
                "lists",
                "import",
                "--source",
                "ofac",
                "--published",
                "2021-07-07",
                Fixtures.resource("ofac-small/sdn.csv").toString());
        assertThat(sdnOnly.exitCode()).as(sdnOnly.err()).isZero();
        assertThat(sdnOnly.out())
                .contains("imported OFAC_SDN")
                .contains("published 2021-07-07")
                .contains("6 entities");
        assertThat(sdnOnly.out()).doesNotContain("OFAC_NON_SDN");

        Run again = corridor(
                "lists",
                "import",
                "--source",
                "un",
                Fixtures.resource("un-small.xml").toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).startsWith("unchanged UN           version 1");

        Path broken = Files.writeString(dir.resolve("un-broken.xml"), "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>");
        Run malformed = corridor("lists", "import", "--source", "un", broken.toString());
        assertThat(malformed.exitCode()).isEqualTo(1);
        assertThat(malformed
                        .err()
                        .strip()
                        .lines()
                        .filter(line -> line.startsWith("corridor:"))
                        .toList())
                .singleElement()
                .asString()
                .contains("un-broken.xml")
                .contains("nothing imported");

        Run show = corridor("lists", "show");
        assertThat(show.exitCode()).as(show.err()).isZero();
        List<String> lines = show.out().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("OFAC_SDN     version 2  published 2021-07-07");
        assertThat(lines.get(1)).startsWith("OFAC_NON_SDN no active version");
        assertThat(lines.get(2))
                .startsWith("UN           version 1  published 2026-02-27")
                .contains("delta +4 -0 ~0");
        // Issue 16: a list older than its maximum age (7 days by default) says so on its own line.
        assertThat(lines.get(2)).contains("! LIST_STALE: version 2026-02-27/").contains("days old");

        Path input = Files.writeString(
                dir.resolve("in.csv"), "id,name,nationality\n1,Saddam Hussein al-Tikriti,Iraq\n2,Jane Ordinary,\n");
        Path output = dir.resolve("out.jsonl");
        Run screened = corridor("screen", "names", "--input", input.toString(), "--output", output.toString());
        assertThat(screened.exitCode()).as(screened.err()).isZero();
        List<String> results = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(results).hasSize(2);
        assertThat(results.get(0)).startsWith("{\"id\":\"1\",\"hits\":[{\"list\":\"UN\",\"entity_id\":\"6908048\"");
        assertThat(results.get(1)).isEqualTo("{\"id\":\"2\",\"hits\":[]}");

        Run ftm = corridor(
                "lists",
                "import",
                "--source",
                "ftm",
                Fixtures.resource("opensanctions-small.ftm.json.gz").toString());
        assertThat(ftm.exitCode()).as(ftm.err()).isZero();
        assertThat(ftm.out())
                .startsWith("imported OPENSANCTIONS version ")
                .contains("published 2026-03-04")
                .contains("3 entities");
        assertThat(corridor("lists", "show").out().lines())
                .hasSize(6)
                .last()
                .asString()
                .startsWith("OPENSANCTIONS");
    }

    @Test
    void update_downloads_every_source_and_a_failed_download_or_broken_file_replaces_nothing() {
        Run updated = corridor("lists", "update", "--base-url", base + "/good", "--timeout", "20");
        assertThat(updated.exitCode()).as(updated.err()).isZero();
        assertThat(updated.out().lines().filter(line -> line.startsWith("imported ")))
                .hasSize(5);
        assertThat(updated.out()).contains("imported OFAC_SDN     version").contains("published 2026-03-02");
        String shown = corridor("lists", "show").out();
        assertThat(shown).doesNotContain("no active version");

        Run error = corridor("lists", "update", "--source", "un", "--url", "un=" + base + "/error/consolidated.xml");
        assertThat(error.exitCode()).isEqualTo(1);
        assertThat(reason(error))
                .isEqualTo("corridor: lists update: un: HTTP 500 from " + base
                        + "/error/consolidated.xml; nothing imported, active versions unchanged");

        Run cut = corridor("lists", "update", "--source", "un", "--timeout", "20", "--url", "un=" + truncated.url());
        assertThat(cut.exitCode()).isEqualTo(1);
        assertThat(reason(cut)).startsWith("corridor: lists update: un: ").contains(truncated.url());

        Run stall = corridor("lists", "update", "--source", "un", "--timeout", "2", "--url", "un=" + stalled.url());
        assertThat(stall.exitCode()).isEqualTo(1);
        assertThat(reason(stall))
                .isEqualTo("corridor: lists update: un: timed out after 2 s: " + stalled.url()
                        + "; nothing imported, active versions unchanged");

        Run broken = corridor("lists", "update", "--source", "un", "--url", "un=" + base + "/broken/consolidated.xml");
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(reason(broken))
                .startsWith("corridor: lists update: un: malformed file: ")
                .doesNotContain("\n");

        Run missing = corridor("lists", "update", "--source", "ofac", "--url", "ofac=" + base + "/nothing-here/");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(reason(missing)).contains("HTTP 404");

        assertThat(corridor("lists", "show").out()).isEqualTo(shown);

        Run same = corridor("lists", "update", "--source", "un", "--base-url", base + "/good");
        assertThat(same.exitCode()).as(same.err()).isZero();
        assertThat(same.out()).startsWith("unchanged UN");
    }

    @Test
    void screen_names_without_lists_in_the_database_imports_the_shipped_snapshot_first() throws IOException {
        Path input = Files.writeString(dir.resolve("in.csv"), "id,name,birth_date\na1,Ghasem Soleymani,1957-03-11\n");
        Path output = dir.resolve("out.jsonl");

        Run screened = corridor("screen", "names", "--input", input.toString(), "--output", output.toString());

        assertThat(screened.exitCode()).as(screened.err()).isZero();
        assertThat(screened.err()).contains("importing the snapshot shipped with Corridor");
        assertThat(Files.readString(output)).contains("\"entity_id\":\"10481\"");
        Run show = corridor("lists", "show");
        assertThat(show.out()).doesNotContain("no active version").contains("14,965 entities");
        Run shippedAgain = corridor("lists", "import", "--shipped");
        assertThat(shippedAgain.exitCode()).as(shippedAgain.err()).isZero();
        assertThat(shippedAgain.out()).isEqualTo("imported 0 shipped lists\n");
    }

    @Test
    void a_shrunken_file_is_quarantined_and_the_console_cannot_confirm_it() throws IOException {
        String full = Files.readString(Fixtures.resource("un-small.xml"), StandardCharsets.UTF_8);
        int from = full.indexOf("<INDIVIDUAL>");
        String shrunk = full.substring(0, from) + full.substring(full.indexOf("</INDIVIDUAL>", from) + 13);
        Path smaller = Files.writeString(dir.resolve("un-smaller.xml"), shrunk);
        assertThat(corridor(
                                "lists",
                                "import",
                                "--source",
                                "un",
                                Fixtures.resource("un-small.xml").toString())
                        .exitCode())
                .isZero();

        Run held = corridor("lists", "import", "--source", "un", smaller.toString());

        assertThat(held.exitCode()).isEqualTo(1);
        assertThat(held.out()).contains("quarantined UN").contains("drops 1 of the 4 entities of active version 1");
        assertThat(reason(held)).contains("LIST_QUARANTINED").contains("lists confirm 2");
        Run show = corridor("lists", "show");
        assertThat(show.out()).contains("UN           version 1 ").contains("quarantined (not used for screening");
        // The console names nobody (its user name is whatever the OS says): a decision needs a token.
        Run console = corridor("lists", "confirm", "2");
        assertThat(console.exitCode()).isEqualTo(1);
        assertThat(reason(console)).contains("UNAUTHENTICATED");
    }
}
