package org.corridor.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.corridor.identity.Role;
import org.corridor.testing.ApiClient;
import org.corridor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hostile requests of issue 16 against the real server: each failed on the code before it (a
 * 500, an HTML page, a body read as JSON whatever its type, a token read as another).
 */
class HostileTrafficTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void on_one_keep_alive_connection_a_token_differing_only_in_case_is_refused_and_the_real_one_accepted()
            throws IOException {
        String token = server.token(Role.AUDITOR);
        String variant = caseVariant(token);
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            assertThat(exchange(socket, "GET", "/api/v1/me", token, "", "").status())
                    .isEqualTo(200);
            assertThat(exchange(socket, "GET", "/api/v1/me", variant, "", "").status())
                    .isEqualTo(401);
            assertThat(exchange(socket, "GET", "/api/v1/me", token, "", "").status())
                    .isEqualTo(200);
        }
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            assertThat(exchange(socket, "GET", "/api/v1/me", variant, "", "").status())
                    .isEqualTo(401);
            assertThat(exchange(socket, "GET", "/api/v1/me", token, "", "").status())
                    .isEqualTo(200);
        }
    }

    @Test
    void jettys_own_refusals_are_problem_details_without_html() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(
                    "GET /api/v1/me HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Raw response = Raw.read(socket.getInputStream());
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.header("content-type")).startsWith("application/problem+json");
            assertThat(response.header("x-content-type-options")).isEqualTo("nosniff");
            assertThat(response.body()).contains("\"status\":400").doesNotContain("<html");
        }
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            Raw response = exchange(socket, "GET", "/api/v1/%zz", "", "", "");
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.header("content-type")).startsWith("application/problem+json");
        }
    }

    @Test
    void every_answer_says_nosniff() throws Exception {
        ApiClient auditor = server.as(Role.AUDITOR);
        for (String path : new String[] {"/health", "/metrics", "/", "/app.js", "/api/v1/me", "/api/v1/nothing"}) {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                                    .header("Authorization", "Bearer " + server.token(Role.AUDITOR))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.headers().firstValue("X-Content-Type-Options"))
                    .as(path + " answered " + response.statusCode())
                    .contains("nosniff");
        }
        assertThat(auditor.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void a_body_that_is_not_json_is_refused_with_415() throws Exception {
        String transfer = "{\"transfers\":[]}";
        for (String type : new String[] {"text/plain", "application/xml", "application/x-www-form-urlencoded"}) {
            HttpResponse<String> response = post("/api/v1/transfers", Role.OPERATOR, type, transfer);
            assertThat(response.statusCode()).as(type).isEqualTo(415);
            assertThat(response.body()).contains("UNSUPPORTED_MEDIA_TYPE");
        }
        assertThat(post("/api/v1/transfers", Role.OPERATOR, "application/json; charset=utf-8", transfer)
                        .statusCode())
                .isNotEqualTo(415);
    }

    @Test
    void a_nul_or_other_control_character_in_text_is_refused_with_422_naming_the_field() throws Exception {
        String account = "{\"id\":\"" + UUID.randomUUID()
                + "\",\"currency\":\"EUR\",\"code\":\"SETTLEMENT\",\"holder\":\"Acme\\u0000Ltd\",\"flags\":[]}";
        HttpResponse<String> holder = post("/api/v1/accounts", Role.OPERATOR, "application/json", account);
        assertThat(holder.statusCode()).as(holder.body()).isEqualTo(422);
        assertThat(holder.body()).contains("CONTROL_CHARACTER").contains("holder");

        HttpResponse<String> screening = post(
                "/api/v1/screening/parties", Role.COMPLIANCE_ANALYST, "application/json", "{\"name\":\"Ali\\u0007\"}");
        assertThat(screening.statusCode()).as(screening.body()).isEqualTo(422);
        assertThat(screening.body()).contains("name");

        ApiClient operator = server.as(Role.OPERATOR);
        ApiClient.Response query = operator.get("/api/v1/transfers?reference_key=invoice&reference_value=a%00b");
        assertThat(query.status()).as(query.body()).isIn(422, 404);
        assertThat(query.status()).isNotEqualTo(500);
    }

    @Test
    void dates_outside_1900_to_2200_are_refused_with_422() {
        ApiClient auditor = server.as(Role.AUDITOR);
        // %2B is the plus sign itself; a bare + in a query string may arrive as a space.
        for (String path : new String[] {
            "/api/v1/idle-funds?as_of=%2B999999999-12-31",
            "/api/v1/alerts?as_of=%2B999999999-12-31",
            "/api/v1/alerts?as_of=%2B100000-12-31",
            "/api/v1/retention?as_of=%2B999999999-12-31",
            "/api/v1/alerts?as_of=1899-12-31",
            "/api/v1/alerts?as_of=2201-01-01"
        }) {
            ApiClient.Response response = auditor.get(path);
            assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(422);
            assertThat(response.json().path("code").asText()).isEqualTo("DATE_OUT_OF_RANGE");
        }
        for (String path :
                new String[] {"/api/v1/idle-funds?as_of=+999999999-12-31", "/api/v1/alerts?as_of=+100000-12-31"}) {
            assertThat(auditor.get(path).status()).as(path).isEqualTo(422);
        }
        assertThat(auditor.get("/api/v1/alerts?as_of=2200-12-31").status()).isEqualTo(200);
    }

    private static HttpResponse<String> post(String path, Role role, String contentType, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                                .timeout(Duration.ofSeconds(60))
                                .header("Authorization", "Bearer " + server.token(role))
                                .header("Content-Type", contentType)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** The token with the case of its first letter after the prefix turned over. */
    private static String caseVariant(String token) {
        for (int i = 4; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isLetter(c)) {
                char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
                return token.substring(0, i) + flipped + token.substring(i + 1);
            }
        }
        throw new IllegalStateException("a token without letters");
    }

    /** One request and its response on an open keep-alive connection. */
    static Raw exchange(Socket socket, String method, String path, String token, String contentType, String body)
            throws IOException {
        StringBuilder request = new StringBuilder()
                .append(method)
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n");
        if (!token.isEmpty()) {
            request.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        if (!contentType.isEmpty()) {
            request.append("Content-Type: ").append(contentType).append("\r\n");
        }
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        request.append("Content-Length: ").append(content.length).append("\r\n\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(content);
        out.flush();
        return Raw.read(socket.getInputStream());
    }

    /** A response read off the wire: status line, headers (lower-cased names) and a sized body. */
    record Raw(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.getOrDefault(name, "");
        }

        static Raw read(InputStream in) throws IOException {
            String statusLine = line(in);
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.put(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
            byte[] body;
            if (headers.containsKey("content-length")) {
                body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
                for (int size = Integer.parseInt(line(in).trim(), 16);
                        size > 0;
                        size = Integer.parseInt(line(in).trim(), 16)) {
                    all.write(in.readNBytes(size));
                    line(in);
                }
                line(in);
                body = all.toByteArray();
            } else {
                body = in.readAllBytes();
            }
            return new Raw(status, headers, new String(body, StandardCharsets.UTF_8));
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }
}
