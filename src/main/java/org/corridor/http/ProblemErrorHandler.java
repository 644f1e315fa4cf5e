package org.corridor.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own answers (a request line or header it cannot parse, a URI it refuses, a request it
 * gives up on) as RFC 9457 problem details like every other answer, rather than Jetty's HTML page:
 * no server name, no stack, the reason cut to one short line.
 */
final class ProblemErrorHandler extends ErrorHandler {

    static final HttpField NOSNIFF = new HttpField("X-Content-Type-Options", "nosniff");

    ProblemErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        String path = request.getHttpURI() == null ? "" : request.getHttpURI().getPath();
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemDetail.MEDIA_TYPE);
        response.getHeaders().put(NOSNIFF);
        response.write(true, ByteBuffer.wrap(body(code, message, path)), callback);
    }

    private static byte[] body(int status, String reason, String path) {
        String code = switch (status) {
            case 400 -> "BAD_REQUEST";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 408 -> "REQUEST_TIMEOUT";
            case 413 -> "CONTENT_TOO_LARGE";
            case 414 -> "URI_TOO_LONG";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 431 -> "HEADERS_TOO_LARGE";
            case 503 -> "SERVICE_UNAVAILABLE";
            default -> "HTTP_" + status;
        };
        String detail = reason == null || reason.isBlank() ? "the request was refused" : oneLine(reason);
        ProblemDetail problem = ProblemDetail.of(status, code, detail, oneLine(path), Map.of());
        try {
            return JsonSupport.mapper().writeValueAsBytes(problem.body());
        } catch (JsonProcessingException e) {
            return ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("[\\p{Cntrl}]+", " ").strip();
        return flat.length() > 120 ? flat.substring(0, 120) + "..." : flat;
    }
}
