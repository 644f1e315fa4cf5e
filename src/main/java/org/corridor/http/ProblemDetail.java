package org.corridor.http;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An RFC 9457 problem details body. {@code code} is Corridor's stable reason code; extra members
 * carry facts the client can act on, never internal detail.
 */
public record ProblemDetail(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String code,
        Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static ProblemDetail of(
            int status, String code, String detail, String instance, Map<String, Object> extensions) {
        return new ProblemDetail(
                "urn:corridor:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-'),
                titleFor(status),
                status,
                detail,
                instance,
                code,
                Map.copyOf(extensions));
    }

    /** The JSON members, standard ones first; extensions never override them. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", instance);
        body.put("code", code);
        extensions.forEach(body::putIfAbsent);
        return body;
    }

    static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}
