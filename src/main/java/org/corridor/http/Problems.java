package org.corridor.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.corridor.ConflictException;
import org.corridor.DomainException;
import org.corridor.ForbiddenException;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP responses: RFC 9457 problem details, with a stable
 * reason code. Unexpected failures are logged with an incident id and answered without internal
 * detail.
 */
public final class Problems {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    /** Seconds a client should wait before retrying when the database is unavailable. */
    static final int RETRY_AFTER_SECONDS = 2;

    private Problems() {}

    /**
     * @param databaseAvailable whether the database answers just now: while it does not, a failure
     *     that is not otherwise recognised is the database's absence (a connection closed under a
     *     request), answered 503 with Retry-After rather than 500
     */
    static void register(RoutesConfig routes, BooleanSupplier databaseAvailable) {
        routes.exception(
                Exception.class, (exception, ctx) -> respond(ctx, toProblem(exception, ctx, databaseAvailable)));
        // Javalin answers its own exceptions (no such route, body too large) unless told otherwise.
        routes.exception(HttpResponseException.class, (exception, ctx) -> respond(ctx, toProblem(exception, ctx)));
    }

    static ProblemDetail toProblem(Exception exception, Context ctx, BooleanSupplier databaseAvailable) {
        Optional<ProblemDetail> known = known(exception, ctx);
        if (known.isPresent()) {
            return known.get();
        }
        if (!databaseAvailable.getAsBoolean()) {
            LOG.warn("database unavailable on {} {}: {}", ctx.method(), ctx.path(), rootMessage(exception));
            return unavailable(ctx.path());
        }
        return incident(exception, ctx);
    }

    private static ProblemDetail unavailable(String instance) {
        return ProblemDetail.of(
                503,
                "DATABASE_UNAVAILABLE",
                "the database is not reachable just now; retry shortly",
                instance,
                Map.of("retry_after_seconds", RETRY_AFTER_SECONDS));
    }

    /** Writes a problem response. */
    public static void respond(Context ctx, ProblemDetail problem) {
        ctx.status(problem.status());
        if (problem.status() == 503 || problem.status() == 429) {
            Object retryAfter = problem.extensions().getOrDefault("retry_after_seconds", RETRY_AFTER_SECONDS);
            ctx.header("Retry-After", String.valueOf(retryAfter));
        }
        if (problem.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"corridor\"");
        }
        ctx.contentType(ProblemDetail.MEDIA_TYPE);
        try {
            ctx.result(JsonSupport.mapper().writeValueAsString(problem.body()));
        } catch (JsonProcessingException e) {
            ctx.result("{\"status\":" + problem.status() + "}");
        }
    }

    static ProblemDetail toProblem(Exception exception, Context ctx) {
        return known(exception, ctx).orElseGet(() -> incident(exception, ctx));
    }

    /** The problem of a failure Corridor recognises: a refusal, bad input, or the database's state. */
    private static Optional<ProblemDetail> known(Exception exception, Context ctx) {
        String instance = ctx.path();
        if (exception instanceof Guard.Refusal refusal) {
            return Optional.of(refusal.problem());
        }
        if (exception instanceof DomainException domain) {
            return Optional.of(
                    ProblemDetail.of(statusOf(domain), domain.code(), domain.getMessage(), instance, domain.details()));
        }
        if (exception instanceof HttpResponseException http) {
            return Optional.of(fromJavalin(http, instance));
        }
        if (exception instanceof Requests.UnsupportedMediaType unsupported) {
            return Optional.of(
                    ProblemDetail.of(415, "UNSUPPORTED_MEDIA_TYPE", unsupported.getMessage(), instance, Map.of()));
        }
        Optional<ProblemDetail> json = fromJson(exception, instance);
        if (json.isPresent() && exception instanceof Requests.BodyUnreadable unreadable) {
            return json.map(problem -> withEveryFault(problem, unreadable.errors()));
        }
        if (json.isPresent()) {
            return json;
        }
        return fromDatabase(exception, ctx);
    }

    /** A database that is away, a conflict that outlived its retries, a statement cancelled. */
    private static Optional<ProblemDetail> fromDatabase(Exception exception, Context ctx) {
        String instance = ctx.path();
        if (databaseUnavailable(exception)) {
            LOG.warn("database unavailable on {} {}: {}", ctx.method(), instance, rootMessage(exception));
            return Optional.of(unavailable(instance));
        }
        if (transactionConflict(exception)) {
            LOG.warn("transaction conflict on {} {} after retries: {}", ctx.method(), instance, rootMessage(exception));
            return Optional.of(ProblemDetail.of(
                    503,
                    "TRANSACTION_CONFLICT",
                    "the request collided with concurrent ones too often; nothing was changed, retry shortly",
                    instance,
                    Map.of("retry_after_seconds", 1)));
        }
        Optional<String> unstorable = sqlState(exception).filter(UNSTORABLE::containsKey);
        if (unstorable.isPresent()) {
            // A value that slipped past the edge's checks (a CSV file's NUL, a date PostgreSQL cannot hold).
            return Optional.of(ProblemDetail.of(
                    422,
                    UNSTORABLE.get(unstorable.get()),
                    "a value cannot be stored: " + rootMessage(exception),
                    instance,
                    Map.of()));
        }
        if (statementCancelled(exception)) {
            LOG.warn("statement cancelled on {} {}: {}", ctx.method(), instance, rootMessage(exception));
            return Optional.of(ProblemDetail.of(
                    503,
                    "STATEMENT_TIMEOUT",
                    "the request took too long and was cancelled; retry shortly",
                    instance,
                    Map.of("retry_after_seconds", RETRY_AFTER_SECONDS)));
        }
        return Optional.empty();
    }

    /**
     * Jackson's first fault, with every fault of the body listed in {@code errors}, so that a client
     * fixes the body in one round trip rather than one fault at a time.
     */
    static ProblemDetail withEveryFault(ProblemDetail problem, List<Map<String, String>> errors) {
        if (errors.isEmpty()) {
            return problem;
        }
        Map<String, Object> extensions = new java.util.HashMap<>(problem.extensions());
        extensions.put("errors", errors);
        String detail = errors.size() == 1
                ? problem.detail()
                : problem.detail() + " (" + errors.size() + " faults in all, each listed in errors)";
        return ProblemDetail.of(problem.status(), problem.code(), detail, problem.instance(), extensions);
    }

    private static ProblemDetail incident(Exception exception, Context ctx) {
        String instance = ctx.path();
        String incident = UUID.randomUUID().toString();
        LOG.error("incident {} on {} {}", incident, ctx.method(), instance, exception);
        return ProblemDetail.of(
                500, "INTERNAL_ERROR", "an unexpected error occurred", instance, Map.of("incident", incident));
    }

    static int statusOf(DomainException exception) {
        if (exception instanceof InvalidInputException) {
            return 422;
        }
        if (exception instanceof NotFoundException) {
            return 404;
        }
        if (exception instanceof ConflictException) {
            return 409;
        }
        if (exception instanceof ForbiddenException) {
            return 403;
        }
        return 400;
    }

    private static ProblemDetail fromJavalin(HttpResponseException exception, String instance) {
        int status = exception.getStatus();
        String code = switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 413 -> "CONTENT_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 429 -> "TOO_MANY_REQUESTS";
            default -> "HTTP_" + status;
        };
        String detail = switch (status) {
            case 404 -> "no such resource: " + instance;
            case 413 -> "the request body is larger than this server accepts";
            default -> exception.getMessage();
        };
        return ProblemDetail.of(status, code, detail, instance, Map.of());
    }

    /** Malformed JSON and wrongly shaped bodies, described by location and field, not by class names. */
    private static Optional<ProblemDetail> fromJson(Throwable exception, String instance) {
        Throwable cause = exception;
        while (cause != null && !(cause instanceof JsonProcessingException)) {
            if (cause instanceof DomainException domain) {
                return Optional.of(ProblemDetail.of(
                        statusOf(domain), domain.code(), domain.getMessage(), instance, domain.details()));
            }
            cause = cause.getCause();
        }
        if (cause == null) {
            return Optional.empty();
        }
        JsonProcessingException json = (JsonProcessingException) cause;
        // A DomainException thrown by a record's constructor arrives wrapped by Jackson.
        if (json.getCause() instanceof DomainException domain) {
            return Optional.of(
                    ProblemDetail.of(statusOf(domain), domain.code(), domain.getMessage(), instance, domain.details()));
        }
        String where = json.getLocation() == null
                ? ""
                : " at line " + json.getLocation().getLineNr() + ", column "
                        + json.getLocation().getColumnNr();
        if (json instanceof StreamConstraintsException) {
            return Optional.of(ProblemDetail.of(
                    400,
                    "JSON_LIMIT_EXCEEDED",
                    "the JSON exceeds a limit (depth, number or string length)" + where,
                    instance,
                    Map.of()));
        }
        if (json instanceof JsonParseException) {
            return Optional.of(ProblemDetail.of(
                    400,
                    "JSON_MALFORMED",
                    "malformed JSON" + where + ": " + firstLine(json.getOriginalMessage()),
                    instance,
                    Map.of()));
        }
        if (json instanceof JsonMappingException mapping) {
            String field = mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null
                            ? reference.getFieldName()
                            : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining("."));
            String detail;
            if (mapping instanceof UnrecognizedPropertyException unknown) {
                detail = "unknown field '" + unknown.getPropertyName() + "'";
            } else if (mapping instanceof InvalidFormatException invalid) {
                detail =
                        "field '" + field + "' has an invalid value: " + abbreviate(String.valueOf(invalid.getValue()));
            } else if (mapping instanceof MismatchedInputException) {
                detail = field.isEmpty()
                        ? "the body has the wrong shape"
                        : "field '" + field + "' is missing or has the wrong type";
            } else {
                detail = field.isEmpty() ? "the body cannot be read" : "field '" + field + "' cannot be read";
            }
            return Optional.of(ProblemDetail.of(
                    400,
                    "JSON_INVALID",
                    detail + where,
                    instance,
                    field.isEmpty() ? Map.of() : Map.of("field", field)));
        }
        return Optional.of(
                ProblemDetail.of(400, "JSON_INVALID", "the body cannot be read" + where, instance, Map.of()));
    }

    static boolean databaseUnavailable(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection exceptions; 57P01-57P03: the server is shutting down or starting.
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A serialization failure or deadlock that survived the transaction runner's retries. */
    static boolean transactionConflict(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATEs of values the database refuses to store, and the code the client is told. */
    private static final Map<String, String> UNSTORABLE = Map.of(
            "22021", "CONTROL_CHARACTER", // character not in repertoire: NUL in text
            "22P05", "CONTROL_CHARACTER", // untranslatable character
            "22008", "DATE_OUT_OF_RANGE", // datetime field overflow
            "22007", "DATE_OUT_OF_RANGE"); // invalid datetime format

    private static Optional<String> sqlState(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }

    static boolean statementCancelled(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "57014".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        // One line per event: PostgreSQL's messages carry "Where:" and "Detail:" lines.
        return root.getClass().getSimpleName() + ": " + firstLine(root.getMessage());
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return abbreviate(line);
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }
}
