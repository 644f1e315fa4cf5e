package org.corridor.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The demo's way into Corridor: its public HTTP API, one signed-in user per role. Every call that
 * does not answer as the scenario expects stops the demo with the status and the problem's detail.
 */
final class DemoClient {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json;
    private final String baseUrl;
    private final Map<DemoUser, String> tokens = new EnumMap<>(DemoUser.class);

    DemoClient(String baseUrl, ObjectMapper json) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.json = json;
    }

    void signIn(DemoUser who, String token) {
        tokens.put(who, token);
    }

    /** A JSON body from alternating names and values; values are serialised by Jackson. */
    static Map<String, Object> body(Object... namesAndValues) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
    }

    static Map<String, Object> money(String amount, String currency) {
        return body("amount", amount, "currency", currency);
    }

    JsonNode get(DemoUser who, String path) {
        return send(who, HttpRequest.newBuilder(uri(path)).GET(), path, 200);
    }

    String getText(DemoUser who, String path) {
        HttpResponse<String> response =
                exchange(who, HttpRequest.newBuilder(uri(path)).GET());
        expect(response, path, 200);
        return response.body();
    }

    byte[] getBytes(DemoUser who, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        request.header("Authorization", "Bearer " + token(who));
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "GET " + path + " answered " + response.statusCode() + ": " + new String(response.body()));
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** POSTs a JSON body and expects one of the given statuses (201 or 200 by default). */
    JsonNode post(DemoUser who, String path, Object body, int... expected) {
        return send(
                who,
                HttpRequest.newBuilder(uri(path)).POST(publisher(body)).header("Content-Type", "application/json"),
                "POST " + path,
                expected.length == 0 ? new int[] {201, 200} : expected);
    }

    /** POSTs a text body (a CSV file) and expects 201 or 200. */
    JsonNode postText(DemoUser who, String path, String text, String contentType) {
        return send(
                who,
                HttpRequest.newBuilder(uri(path))
                        .POST(HttpRequest.BodyPublishers.ofString(text))
                        .header("Content-Type", contentType),
                "POST " + path,
                201,
                200);
    }

    JsonNode put(DemoUser who, String path, Object body) {
        return send(
                who,
                HttpRequest.newBuilder(uri(path)).PUT(publisher(body)).header("Content-Type", "application/json"),
                "PUT " + path,
                200,
                201);
    }

    private JsonNode send(DemoUser who, HttpRequest.Builder request, String what, int... expected) {
        HttpResponse<String> response = exchange(who, request);
        expect(response, what, expected);
        try {
            return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(what + " answered with a body that is not JSON", e);
        }
    }

    /** Exchanges an enrolment code for a token: the one call made before anyone is signed in. */
    String enrol(String code) {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/enrolments"))
                .POST(publisher(body("code", code)))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            expect(response, "POST /api/v1/enrolments", 201);
            return json.readTree(response.body()).get("token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + baseUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The status and parsed body, whatever the status: for steps where a refusal is the expected answer. */
    record Answer(int status, JsonNode body) {}

    Answer attempt(DemoUser who, String path, Object body) {
        HttpResponse<String> response = exchange(
                who,
                HttpRequest.newBuilder(uri(path)).POST(publisher(body)).header("Content-Type", "application/json"));
        try {
            return new Answer(
                    response.statusCode(),
                    response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("POST " + path + " answered with a body that is not JSON", e);
        }
    }

    private HttpResponse<String> exchange(DemoUser who, HttpRequest.Builder request) {
        request.header("Authorization", "Bearer " + token(who)).timeout(Duration.ofMinutes(2));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + baseUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void expect(HttpResponse<String> response, String what, int... expected) {
        for (int status : expected) {
            if (response.statusCode() == status) {
                return;
            }
        }
        String body = response.body().replaceAll("\\s+", " ");
        throw new IllegalStateException(what + " answered " + response.statusCode() + ": "
                + (body.length() > 400 ? body.substring(0, 400) + "..." : body));
    }

    private String token(DemoUser who) {
        String token = tokens.get(who);
        if (token == null) {
            throw new IllegalStateException("the demo has no signed-in " + who);
        }
        return token;
    }

    private HttpRequest.BodyPublisher publisher(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise a demo request", e);
        }
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }
}
