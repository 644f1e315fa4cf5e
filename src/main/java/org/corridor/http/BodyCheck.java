package org.corridor.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.corridor.money.Money;

/**
 * Every fault of a JSON body at once, found by walking it against the record it must become (the
 * same records the OpenAPI schemas are generated from): missing and unknown fields, wrong types,
 * values outside an enum, malformed UUIDs, dates and amounts. Jackson stops at the first fault; this
 * runs only after it did, so that the client learns of all of them in one answer.
 */
final class BodyCheck {

    /** Enough to fix a body in one round trip, not so many that a hostile body makes a huge answer. */
    static final int MAX_ERRORS = 50;

    private static final PropertyNamingStrategies.NamingBase SNAKE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    /** Whether a record type holds, at any depth, a text field with a closed set of values. */
    private static final ClassValue<Boolean> HAS_CLOSED_SETS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return reachesClosedSet(type, new HashSet<>());
        }
    };

    private final List<Map<String, String>> errors = new ArrayList<>();
    private final List<Map<String, String>> closedSetFaults = new ArrayList<>();

    private BodyCheck() {}

    /** The faults of {@code body} as {@code {field, code, detail}}, in document order. */
    static List<Map<String, String>> errors(JsonNode body, Class<?> type) {
        BodyCheck check = new BodyCheck();
        check.value("", body, type);
        return List.copyOf(check.errors);
    }

    /**
     * The values outside their closed set in a body Jackson read (it takes any text for such a
     * field): openapi-fields.properties names the enum of each, so the document and this check agree.
     */
    static List<Map<String, String>> closedSetFaults(String body, Class<?> type)
            throws com.fasterxml.jackson.core.JsonProcessingException {
        if (!HAS_CLOSED_SETS.get(type)) {
            return List.of();
        }
        BodyCheck check = new BodyCheck();
        check.value("", JsonSupport.mapper().readTree(body), type);
        return List.copyOf(check.closedSetFaults);
    }

    private static boolean reachesClosedSet(Type type, Set<Class<?>> seen) {
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                if (reachesClosedSet(argument, seen)) {
                    return true;
                }
            }
            return false;
        }
        if (!(type instanceof Class<?> cls) || !cls.isRecord() || !seen.add(cls)) {
            return false;
        }
        for (RecordComponent component : cls.getRecordComponents()) {
            if (JsonSchemas.closedSet(JsonSchemas.componentName(cls), SNAKE.translate(component.getName()))
                            .isPresent()
                    || reachesClosedSet(component.getGenericType(), seen)) {
                return true;
            }
        }
        return false;
    }

    private void value(String field, JsonNode node, Type type) {
        if (errors.size() >= MAX_ERRORS) {
            return;
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (raw == Optional.class) {
                if (!node.isNull()) {
                    value(field, node, arguments[0]);
                }
            } else if (Collection.class.isAssignableFrom(raw)) {
                if (expect(field, node, node.isArray(), "an array")) {
                    for (int i = 0; i < node.size(); i++) {
                        value(field + "[" + i + "]", node.get(i), arguments[0]);
                    }
                }
            } else if (Map.class.isAssignableFrom(raw)) {
                if (expect(field, node, node.isObject(), "an object")) {
                    node.properties()
                            .forEach(entry -> value(join(field, entry.getKey()), entry.getValue(), arguments[1]));
                }
            }
            return;
        }
        if (type instanceof Class<?> cls) {
            scalar(field, node, cls);
        }
    }

    private void scalar(String field, JsonNode node, Class<?> cls) {
        if (cls == String.class) {
            expect(field, node, node.isTextual(), "a string");
        } else if (cls == int.class || cls == Integer.class || cls == long.class || cls == Long.class) {
            expect(
                    field,
                    node,
                    node.isIntegralNumber()
                            || (node.isTextual() && node.asText().matches("-?[0-9]{1,18}")),
                    "a whole number");
        } else if (cls == boolean.class || cls == Boolean.class) {
            expect(field, node, node.isBoolean(), "true or false");
        } else if (cls == UUID.class) {
            if (expect(field, node, node.isTextual(), "a UUID")) {
                parses(
                        field,
                        node,
                        "a UUID such as 3f2b8c1e-0d4a-4e57-9a61-2c5d7e8f9a10",
                        () -> UUID.fromString(node.asText()));
            }
        } else if (cls == LocalDate.class) {
            if (expect(field, node, node.isTextual(), "a YYYY-MM-DD date")) {
                parses(field, node, "a YYYY-MM-DD date", () -> LocalDate.parse(node.asText()));
            }
        } else if (cls == Instant.class || cls == OffsetDateTime.class) {
            if (expect(field, node, node.isTextual(), "an ISO-8601 instant")) {
                parses(
                        field,
                        node,
                        "an ISO-8601 instant such as 2024-07-10T09:00:00Z",
                        () -> OffsetDateTime.parse(node.asText()));
            }
        } else if (cls == Money.class) {
            if (expect(field, node, node.isObject(), "an amount such as {\"amount\":\"1.00\",\"currency\":\"EUR\"}")) {
                expect(
                        join(field, "amount"),
                        node.path("amount"),
                        node.path("amount").isTextual(),
                        "a decimal string");
                expect(
                        join(field, "currency"),
                        node.path("currency"),
                        node.path("currency").isTextual(),
                        "an ISO 4217 code");
            }
        } else if (cls.isEnum()) {
            List<String> names = JsonSchemas.names(cls);
            if (expect(field, node, node.isTextual(), "one of " + names) && !names.contains(node.asText())) {
                add(field, "VALUE_INVALID", "must be one of " + names);
            }
        } else if (cls.isRecord()) {
            record(field, node, cls);
        }
        // Anything else (free-form JSON, sealed shapes, numbers as strings) is left to Jackson.
    }

    private void record(String field, JsonNode node, Class<?> record) {
        if (!expect(field, node, node.isObject(), "an object")) {
            return;
        }
        Set<String> known = new HashSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            String name = SNAKE.translate(component.getName());
            known.add(name);
            JsonNode child = node.get(name);
            if (child == null || child.isNull()) {
                if (component.getType() != Optional.class) {
                    add(join(field, name), "FIELD_MISSING", "is required");
                }
            } else {
                value(join(field, name), child, component.getGenericType());
                JsonSchemas.closedSet(JsonSchemas.componentName(record), name)
                        .ifPresent(values -> closedSet(join(field, name), child, values));
            }
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                add(join(field, name), "FIELD_UNKNOWN", "is not a field of this body");
            }
        });
    }

    /** A text, or each text of a list, that must be one of {@code values} (case and spaces aside). */
    private void closedSet(String field, JsonNode node, List<String> values) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                closedSet(field + "[" + i + "]", node.get(i), values);
            }
        } else if (node.isTextual()
                && values.stream()
                        .noneMatch(value -> value.equalsIgnoreCase(node.asText().strip()))) {
            Map<String, String> fault = fault(field, "VALUE_INVALID", "must be one of " + values);
            if (closedSetFaults.size() < MAX_ERRORS) {
                closedSetFaults.add(fault);
            }
            add(fault);
        }
    }

    private boolean expect(String field, JsonNode node, boolean holds, String what) {
        if (!holds) {
            add(
                    field,
                    node.isMissingNode() ? "FIELD_MISSING" : "TYPE_INVALID",
                    (node.isMissingNode() ? "is required: " : "must be ") + what);
        }
        return holds;
    }

    private void parses(String field, JsonNode node, String what, Runnable parse) {
        try {
            parse.run();
        } catch (IllegalArgumentException | DateTimeException e) {
            add(field, "VALUE_INVALID", "must be " + what);
        }
    }

    private void add(String field, String code, String detail) {
        add(fault(field, code, detail));
    }

    private void add(Map<String, String> fault) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(fault);
        }
    }

    /** One fault as the problem's {@code errors} list it; query and path parameters too. */
    static Map<String, String> fault(String field, String code, String detail) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field.isEmpty() ? "body" : field);
        error.put("code", code);
        error.put("detail", detail);
        return error;
    }

    private static String join(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }
}
