package org.corridor.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corridor.InputLimits;
import org.corridor.InvalidInputException;
import org.corridor.identity.IdentityChange;
import org.corridor.ownership.OwnerHit;
import org.corridor.release.HitState;
import org.corridor.release.RequestState;

/**
 * What each query parameter of the API takes, for the OpenAPI description and for the check that
 * runs before every handler: every missing or malformed query or path parameter of a request is
 * named in one answer ({@code errors}), not one per round trip. The handlers read the same values
 * with {@link Requests}; a parameter no rule here names is text.
 */
final class Parameters {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    /** How a parameter's value is read. */
    enum Format {
        TEXT,
        DATE,
        INSTANT_OR_DATE,
        WHOLE_NUMBER,
        FRACTION
    }

    /**
     * A parameter named {@code name} of paths starting with {@code prefix} ("" for every path).
     *
     * @param closedSet the enum whose constants are the only values taken, if any
     */
    record Rule(String prefix, String name, Format format, Optional<Class<? extends Enum<?>>> closedSet) {
        Rule(String prefix, String name, Format format) {
            this(prefix, name, format, Optional.empty());
        }
    }

    private static final List<Rule> RULES = List.of(
            new Rule("/api/v1/audit", "from", Format.INSTANT_OR_DATE),
            new Rule("/api/v1/audit", "to", Format.INSTANT_OR_DATE),
            new Rule("/api/v1/accounts/", "from", Format.INSTANT_OR_DATE),
            new Rule("/api/v1/accounts/", "to", Format.INSTANT_OR_DATE),
            new Rule("/api/v1/accounts/", "at", Format.INSTANT_OR_DATE),
            new Rule("/api/v1/releases", "state", Format.TEXT, Optional.of(RequestState.class)),
            new Rule("/api/v1/hits", "state", Format.TEXT, Optional.of(HitState.class)),
            new Rule("/api/v1/identity-changes", "state", Format.TEXT, Optional.of(IdentityChange.State.class)),
            new Rule("/api/v1/ownership/hits", "state", Format.TEXT, Optional.of(OwnerHit.State.class)),
            new Rule("", "from", Format.DATE),
            new Rule("", "to", Format.DATE),
            new Rule("", "as_of", Format.DATE),
            new Rule("", "valid_on", Format.DATE),
            new Rule("", "on", Format.DATE),
            new Rule("", "limit", Format.WHOLE_NUMBER),
            new Rule("", "offset", Format.WHOLE_NUMBER),
            new Rule("", "after_seq", Format.WHOLE_NUMBER),
            new Rule("", "version", Format.WHOLE_NUMBER),
            new Rule("", "threshold", Format.FRACTION),
            new Rule("", "cutoff", Format.FRACTION));

    private Parameters() {}

    static Rule of(String path, String name) {
        for (Rule rule : RULES) {
            if (path.startsWith(rule.prefix()) && rule.name().equals(name)) {
                return rule;
            }
        }
        return new Rule("", name, Format.TEXT);
    }

    /** The schema of a query parameter in the OpenAPI description. */
    static ObjectNode schema(String path, String name) {
        Rule rule = of(path, name);
        ObjectNode schema = switch (rule.format()) {
            case DATE -> JSON.objectNode().put("type", "string").put("format", "date");
            case WHOLE_NUMBER -> JSON.objectNode().put("type", "integer").put("minimum", 0);
            case FRACTION ->
                JSON.objectNode().put("type", "number").put("minimum", 0).put("maximum", 1);
            case TEXT, INSTANT_OR_DATE -> JSON.objectNode().put("type", "string");
        };
        rule.closedSet().ifPresent(type -> {
            ArrayNode values = schema.putArray("enum");
            JsonSchemas.names(type).forEach(values::add);
        });
        return schema;
    }

    /**
     * Refuses a request whose query or path parameters are missing or malformed, naming every one
     * of them in {@code errors}. A path {@code id} is checked when it must be a UUID; parameters that
     * take names or references are left to their handler, which looks them up.
     */
    static void check(Context ctx, RouteSpec route) {
        List<Map<String, String>> faults = new ArrayList<>();
        Matcher matcher = PATH_PARAMETER.matcher(route.path());
        while (matcher.find()) {
            String name = matcher.group(1);
            if (name.equals("id") && PathParameters.of(route.path(), name).uuid()) {
                String value = ctx.pathParam(name);
                if (!Requests.isUuid(value)) {
                    faults.add(BodyCheck.fault(name, "ID_MALFORMED", "must be a UUID: " + Requests.abbreviate(value)));
                }
            }
        }
        for (RouteSpec.QueryParameter parameter : route.queryParameters()) {
            String value = ctx.queryParam(parameter.name());
            if (value == null || value.isBlank()) {
                if (parameter.required()) {
                    faults.add(BodyCheck.fault(
                            parameter.name(), "PARAMETER_MISSING", "is required: " + parameter.description()));
                }
            } else {
                fault(of(route.path(), parameter.name()), value.trim()).ifPresent(faults::add);
            }
        }
        if (!faults.isEmpty()) {
            throw refusal(faults);
        }
    }

    private static InvalidInputException refusal(List<Map<String, String>> faults) {
        if (faults.size() == 1) {
            Map<String, String> fault = faults.get(0);
            String code = fault.get("code").equals("PARAMETER_MISSING") ? "PARAMETER_INVALID" : fault.get("code");
            String detail = fault.get("code").equals("PARAMETER_MISSING")
                    ? "the query parameter " + fault.get("field") + " is required"
                    : fault.get("field") + " " + fault.get("detail");
            return new InvalidInputException(code, detail, Map.of("errors", faults));
        }
        boolean pathOnly = faults.stream().allMatch(fault -> fault.get("code").equals("ID_MALFORMED"));
        List<String> names = faults.stream().map(fault -> fault.get("field")).toList();
        return new InvalidInputException(
                pathOnly ? "ID_MALFORMED" : "PARAMETER_INVALID",
                "the parameters " + String.join(", ", names) + " are missing or malformed (" + faults.size()
                        + " faults in all, each listed in errors)",
                Map.of("errors", faults));
    }

    /** What is wrong with a given value, if anything, as a fault of {@code errors}. */
    private static Optional<Map<String, String>> fault(Rule rule, String value) {
        String name = rule.name();
        Optional<String> closed = rule.closedSet()
                .map(JsonSchemas::names)
                .filter(names -> names.stream().noneMatch(known -> known.equalsIgnoreCase(value)))
                .map(names -> "must be one of " + names);
        return switch (rule.format()) {
            case TEXT ->
                closed.isPresent()
                        ? closed.map(detail -> BodyCheck.fault(name, "PARAMETER_INVALID", detail))
                        : parses(name, value, "must be plain text", () -> {});
            case DATE ->
                parses(name, value, "must be a YYYY-MM-DD date", () -> InputLimits.date(name, LocalDate.parse(value)));
            case INSTANT_OR_DATE ->
                parses(
                        name,
                        value,
                        "must be an ISO-8601 instant or a YYYY-MM-DD date",
                        () -> Requests.parseInstant(name, value, ZoneOffset.UTC));
            case WHOLE_NUMBER ->
                parses(name, value, "must be a whole number from 0", () -> {
                    if (Long.parseLong(value) < 0) {
                        throw new NumberFormatException();
                    }
                });
            case FRACTION ->
                parses(name, value, "must be a number from 0 to 1", () -> {
                    double number = Double.parseDouble(value);
                    if (!(number >= 0 && number <= 1)) {
                        throw new NumberFormatException();
                    }
                });
        };
    }

    /**
     * Runs a parse: a value it cannot read is PARAMETER_INVALID, and a refusal of the input limits
     * (a control character, a date outside 1900 to 2200) keeps its own code and words.
     */
    private static Optional<Map<String, String>> parses(String name, String value, String what, Runnable parse) {
        try {
            InputLimits.text(name, value);
            parse.run();
            return Optional.empty();
        } catch (InvalidInputException e) {
            String detail = e.getMessage().startsWith(name + " ")
                    ? e.getMessage().substring(name.length() + 1)
                    : e.getMessage();
            return Optional.of(BodyCheck.fault(name, e.code(), detail));
        } catch (IllegalArgumentException | DateTimeException e) {
            return Optional.of(BodyCheck.fault(name, "PARAMETER_INVALID", what + ": " + Requests.abbreviate(value)));
        }
    }
}
