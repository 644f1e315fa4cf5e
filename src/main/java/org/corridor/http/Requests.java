package org.corridor.http;

import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.corridor.InputLimits;
import org.corridor.InvalidInputException;

/**
 * Reading request parts with clear refusals: bodies, path and query parameters. A bad value is a
 * 422 naming the parameter, never a 500.
 */
public final class Requests {

    private Requests() {}

    /** Reads the JSON body; malformed or wrongly shaped bodies become 400 problem details. */
    public static <T> T body(Context ctx, Class<T> type) {
        requireJson(ctx);
        String body = ctx.body();
        if (body.isBlank()) {
            throw new InvalidInputException("BODY_MISSING", "a JSON body is required");
        }
        try {
            T value = JsonSupport.mapper().readValue(body, type);
            if (value == null) {
                throw new InvalidInputException("BODY_MISSING", "a JSON body is required");
            }
            refuseValuesOutsideTheirSets(body, type);
            return value;
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            throw new BodyUnreadable(e, everyFault(body, type));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BodyUnreadable(e, List.of());
        }
    }

    /**
     * Refuses a body sent as anything but JSON ({@code application/json} or a {@code +json} type):
     * text or XML was once parsed as JSON whatever it said it was.
     *
     * @throws UnsupportedMediaType answered 415
     */
    static void requireJson(Context ctx) {
        String method = ctx.method().name();
        if (!method.equals("POST") && !method.equals("PUT") && !method.equals("PATCH")) {
            return;
        }
        String declared = ctx.header("Content-Type");
        String media = declared == null ? "" : declared.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json"))) {
            return;
        }
        if (declared == null && ctx.contentLength() <= 0) {
            return; // no body at all: the handler says what is missing
        }
        throw new UnsupportedMediaType(media.isEmpty() ? "none" : abbreviate(media));
    }

    public static UUID uuidPath(Context ctx, String name) {
        return uuid(name, ctx.pathParam(name));
    }

    public static UUID uuid(String name, String value) {
        if (!isUuid(value)) {
            throw new InvalidInputException("ID_MALFORMED", name + " is not a UUID: " + abbreviate(value));
        }
        return UUID.fromString(value);
    }

    /** A UUID in its canonical form (any case): what every UUID parameter and field takes. */
    static boolean isUuid(String value) {
        try {
            return value != null && UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A query parameter, trimmed; blank is absent. A control character in it is a 422 naming it. */
    public static Optional<String> query(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(InputLimits.text(name, value.trim()));
    }

    public static int intQuery(Context ctx, String name, int fallback, int min, int max) {
        Optional<String> value = query(ctx, name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed < min || parsed > max) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(
                    "PARAMETER_INVALID", name + " must be a whole number from " + min + " to " + max);
        }
    }

    public static long longQuery(Context ctx, String name, long fallback) {
        Optional<String> value = query(ctx, name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.get());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("PARAMETER_INVALID", name + " must be a whole number");
        }
    }

    /**
     * An instant given as ISO-8601 ({@code 2024-07-10T09:00:00Z}) or as a business date
     * ({@code 2024-07-10}, meaning its start in the channel's zone).
     */
    public static Optional<Instant> instantQuery(Context ctx, String name, ZoneId zone) {
        return query(ctx, name).map(value -> parseInstant(name, value, zone));
    }

    public static Instant parseInstant(String name, String value, ZoneId zone) {
        InputLimits.text(name, value);
        try {
            if (value.length() == 10) {
                return InputLimits.date(name, LocalDate.parse(value))
                        .atStartOfDay(zone)
                        .toInstant();
            }
            return InputLimits.instant(name, Instant.parse(value));
        } catch (DateTimeException e) {
            throw new InvalidInputException(
                    "PARAMETER_INVALID",
                    name + " must be an ISO-8601 instant or a YYYY-MM-DD date: " + abbreviate(value));
        }
    }

    public static Optional<LocalDate> dateQuery(Context ctx, String name) {
        return query(ctx, name).map(value -> {
            try {
                return InputLimits.date(name, LocalDate.parse(value));
            } catch (DateTimeException e) {
                throw new InvalidInputException(
                        "PARAMETER_INVALID", name + " must be a YYYY-MM-DD date: " + abbreviate(value));
            }
        });
    }

    /** A text field of a closed set (an enum in the OpenAPI description) holding any other value. */
    private static void refuseValuesOutsideTheirSets(String body, Class<?> type)
            throws com.fasterxml.jackson.core.JsonProcessingException {
        List<Map<String, String>> faults = BodyCheck.closedSetFaults(body, type);
        if (faults.isEmpty()) {
            return;
        }
        Map<String, String> first = faults.get(0);
        String detail = first.get("field") + " " + first.get("detail")
                + (faults.size() == 1 ? "" : " (" + faults.size() + " faults in all, each listed in errors)");
        throw new InvalidInputException("VALUE_INVALID", detail, Map.of("errors", faults));
    }

    /** Every fault of a body Jackson refused, so that one answer lists them all. */
    private static List<Map<String, String>> everyFault(String body, Class<?> type) {
        try {
            return BodyCheck.errors(JsonSupport.mapper().readTree(body), type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            return List.of(); // Jackson's own answer stands
        }
    }

    static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }

    /** A body that is not JSON; answered 415 UNSUPPORTED_MEDIA_TYPE. */
    static final class UnsupportedMediaType extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnsupportedMediaType(String given) {
            super("the body must be JSON (Content-Type: application/json), not " + given, null, false, false);
        }
    }

    /** A body Jackson could not read; mapped like any JSON failure. */
    static final class BodyUnreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient List<Map<String, String>> errors;

        BodyUnreadable(com.fasterxml.jackson.core.JsonProcessingException cause, List<Map<String, String>> errors) {
            super(cause.getOriginalMessage(), cause, false, false);
            this.errors = List.copyOf(errors);
        }

        /** Every fault found in the body, {@code {field, code, detail}}; empty when none was found. */
        List<Map<String, String>> errors() {
            return errors == null ? List.of() : errors;
        }
    }
}
