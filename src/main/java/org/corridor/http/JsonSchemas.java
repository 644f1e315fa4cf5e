package org.corridor.http;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.corridor.money.Currency;
import org.corridor.money.Money;

/**
 * JSON Schemas (OpenAPI 3.1 dialect) derived from the API's record types, with the same snake_case
 * names the JSON mapper writes. Records become named components referenced by {@code $ref}.
 */
final class JsonSchemas {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final PropertyNamingStrategies.NamingBase SNAKE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    /** Nested records deeper than this show as empty objects in examples (recursive shapes end). */
    private static final int MAX_EXAMPLE_DEPTH = 6;

    /** Example texts of the worked scenario for fields whose names say what they hold. */
    private static final Map<String, String> EXAMPLE_TEXT = Map.of(
            "currency", "EUR",
            "reference", "DR-2024-0412-A",
            "holder", "NIGC",
            "account", "NIGC-EUR-R",
            "name", "NIGC-EUR-R",
            "country", "OM",
            "amount", "4704000.00",
            "authorisation", "W-20",
            "rationale", "the purchaser is not the listed party: different registration and address");

    private static final Properties FIELD_DESCRIPTIONS = loadDescriptions();

    private final Map<String, ObjectNode> components = new TreeMap<>();

    ObjectNode schemaOf(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return JSON.objectNode().put("type", "array").set("items", schemaOf(arguments[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return JSON.objectNode().put("type", "object").set("additionalProperties", schemaOf(arguments[1]));
            }
            if (raw == Optional.class) {
                ObjectNode inner = schemaOf(arguments[0]);
                ArrayNode anyOf =
                        JSON.arrayNode().add(inner).add(JSON.objectNode().put("type", "null"));
                return JSON.objectNode().set("anyOf", anyOf);
            }
            return schemaOf(raw);
        }
        if (!(type instanceof Class<?> cls)) {
            return JSON.objectNode();
        }
        if (cls == String.class || cls == char.class || cls == Character.class) {
            return JSON.objectNode().put("type", "string");
        }
        if (cls == int.class || cls == Integer.class || cls == short.class || cls == Short.class) {
            return JSON.objectNode().put("type", "integer").put("format", "int32");
        }
        if (cls == long.class || cls == Long.class || cls == BigInteger.class) {
            return JSON.objectNode().put("type", "integer").put("format", "int64");
        }
        if (cls == boolean.class || cls == Boolean.class) {
            return JSON.objectNode().put("type", "boolean");
        }
        if (cls == double.class
                || cls == Double.class
                || cls == float.class
                || cls == Float.class
                || cls == BigDecimal.class) {
            return JSON.objectNode().put("type", "number");
        }
        if (cls == Instant.class || cls == OffsetDateTime.class) {
            return JSON.objectNode().put("type", "string").put("format", "date-time");
        }
        if (cls == LocalDate.class) {
            return JSON.objectNode().put("type", "string").put("format", "date");
        }
        if (cls == UUID.class) {
            return JSON.objectNode().put("type", "string").put("format", "uuid");
        }
        if (cls == Duration.class) {
            return JSON.objectNode().put("type", "string").put("format", "duration");
        }
        if (cls == Money.class) {
            return money();
        }
        if (cls == Currency.class) {
            return JSON.objectNode()
                    .put("type", "string")
                    .put("pattern", "^[A-Z]{3}$")
                    .put("description", "ISO 4217 currency code");
        }
        if (cls.isEnum()) {
            ObjectNode schema = JSON.objectNode().put("type", "string");
            withEnum(schema, names(cls));
            return schema;
        }
        if (cls.isArray()) {
            return JSON.objectNode().put("type", "array").set("items", schemaOf(cls.getComponentType()));
        }
        if (cls.isRecord()) {
            return reference(cls);
        }
        if (cls.isSealed() && cls.isInterface()) {
            ArrayNode oneOf = JSON.arrayNode();
            for (Class<?> permitted : cls.getPermittedSubclasses()) {
                oneOf.add(schemaOf(permitted));
            }
            return JSON.objectNode().set("oneOf", oneOf);
        }
        // Free-form values (JsonNode, Object, maps of anything).
        return JSON.objectNode();
    }

    /** The one money shape of the API (see MoneyJson), as a shared component. */
    private ObjectNode money() {
        if (!components.containsKey("Money")) {
            ObjectNode properties = JSON.objectNode();
            properties.set(
                    "amount",
                    JSON.objectNode()
                            .put("type", "string")
                            .put("pattern", "^-?[0-9]+(\\.[0-9]+)?$")
                            .put(
                                    "description",
                                    "decimal amount with at most the currency's ISO 4217 decimals (IQD 3, EUR 2)")
                            .put("example", "4704000.00"));
            properties.set(
                    "currency",
                    JSON.objectNode()
                            .put("type", "string")
                            .put("pattern", "^[A-Z]{3}$")
                            .put("description", "ISO 4217 currency code")
                            .put("example", "EUR"));
            ObjectNode schema = JSON.objectNode().put("type", "object");
            schema.set("properties", properties);
            schema.set("required", JSON.arrayNode().add("amount").add("currency"));
            components.put("Money", schema);
        }
        return JSON.objectNode().put("$ref", "#/components/schemas/Money");
    }

    private ObjectNode reference(Class<?> record) {
        String name = componentName(record);
        if (!components.containsKey(name)) {
            ObjectNode schema = JSON.objectNode().put("type", "object");
            components.put(name, schema); // placed first so that recursive records terminate
            ObjectNode properties = JSON.objectNode();
            ArrayNode required = JSON.arrayNode();
            for (RecordComponent component : record.getRecordComponents()) {
                String property = SNAKE.translate(component.getName());
                ObjectNode fieldSchema = schemaOf(component.getGenericType());
                description(name, property).ifPresent(text -> fieldSchema.put("description", text));
                closedSet(name, property).ifPresent(values -> withEnum(fieldSchema, values));
                properties.set(property, fieldSchema);
                if (component.getType() != Optional.class) {
                    required.add(property);
                }
            }
            schema.set("properties", properties);
            if (!required.isEmpty()) {
                schema.set("required", required);
            }
        }
        return JSON.objectNode().put("$ref", "#/components/schemas/" + name);
    }

    /**
     * An example of a body of {@code type}, built from the same record definitions as its schema:
     * every field present, values of the field's type (the scenario's figures where a name is known).
     */
    JsonNode exampleOf(Type type) {
        return example(type, "", 0);
    }

    private JsonNode example(Type type, String property, int depth) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return depth > MAX_EXAMPLE_DEPTH
                        ? JSON.arrayNode()
                        : JSON.arrayNode().add(example(arguments[0], property, depth + 1));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return JSON.objectNode().set("key", example(arguments[1], property, depth + 1));
            }
            return example(raw == Optional.class ? arguments[0] : raw, property, depth);
        }
        if (!(type instanceof Class<?> cls)) {
            return JSON.objectNode();
        }
        if (cls == Money.class) {
            return JSON.objectNode().put("amount", "4704000.00").put("currency", "EUR");
        }
        if (cls.isEnum()) {
            return JSON.textNode(names(cls).get(0));
        }
        if (cls.isRecord()) {
            ObjectNode example = JSON.objectNode();
            if (depth <= MAX_EXAMPLE_DEPTH) {
                for (RecordComponent component : cls.getRecordComponents()) {
                    String name = SNAKE.translate(component.getName());
                    JsonNode value = example(component.getGenericType(), name, depth + 1);
                    Optional<List<String>> closed = closedSet(componentName(cls), name);
                    example.set(name, closed.isEmpty() ? value : oneOf(value, closed.get()));
                }
            }
            return example;
        }
        if (cls.isSealed() && cls.isInterface() && cls.getPermittedSubclasses().length > 0) {
            return example(cls.getPermittedSubclasses()[0], property, depth);
        }
        ObjectNode schema = schemaOf(cls);
        String format = schema.path("format").asText();
        return switch (schema.path("type").asText()) {
            case "integer" -> JSON.numberNode(1);
            case "number" -> JSON.numberNode(1.5);
            case "boolean" -> JSON.booleanNode(false);
            case "string" -> JSON.textNode(exampleText(property, format));
            default -> JSON.objectNode();
        };
    }

    /** An example of a closed set's field: its first value, alone or in a list as the field is. */
    private static JsonNode oneOf(JsonNode example, List<String> values) {
        return example.isArray() ? JSON.arrayNode().add(values.get(0)) : JSON.textNode(values.get(0));
    }

    private static String exampleText(String property, String format) {
        return switch (format) {
            case "uuid" -> "3f2b8c1e-0d4a-4e57-9a61-2c5d7e8f9a10";
            case "date" -> "2024-07-17";
            case "date-time" -> "2024-07-17T09:00:00Z";
            case "duration" -> "PT1H";
            default -> EXAMPLE_TEXT.getOrDefault(property, property.isEmpty() ? "text" : property.replace('_', ' '));
        };
    }

    /** A field's description: the component's own line, else the field name's general one. */
    static Optional<String> description(String component, String property) {
        String specific = FIELD_DESCRIPTIONS.getProperty(component + "." + property);
        return Optional.ofNullable(specific != null ? specific : FIELD_DESCRIPTIONS.getProperty(property));
    }

    /**
     * The values of a closed set carried as text, from the Java enum its {@code .enum} line names:
     * the OpenAPI document shows them and {@link BodyCheck} refuses a request with any other value.
     */
    static Optional<List<String>> closedSet(String component, String property) {
        String type = FIELD_DESCRIPTIONS.getProperty(component + "." + property + ".enum");
        if (type == null) {
            return Optional.empty();
        }
        Class<?> named;
        try {
            named = Class.forName(type);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("openapi-fields.properties names no class " + type, e);
        }
        if (!named.isEnum()) {
            throw new IllegalStateException("openapi-fields.properties names " + type + ", which is not an enum");
        }
        return Optional.of(names(named));
    }

    /**
     * The texts of an enum's constants on the wire, in declaration order: what its {@code @JsonValue}
     * method answers where it has one (as Jackson writes and reads them), else the constants' names.
     */
    static List<String> names(Class<?> enumType) {
        Optional<Method> wire = Arrays.stream(enumType.getMethods())
                .filter(method -> method.isAnnotationPresent(JsonValue.class) && method.getParameterCount() == 0)
                .findFirst();
        return Arrays.stream(enumType.getEnumConstants())
                .map(constant -> wire.map(method -> wireText(method, constant)).orElse(((Enum<?>) constant).name()))
                .toList();
    }

    private static String wireText(Method method, Object constant) {
        try {
            return String.valueOf(method.invoke(constant));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the wire text of " + constant + " cannot be read", e);
        }
    }

    /** Sets the enum on a text field, on the items of a list of texts, or inside an optional. */
    private static void withEnum(ObjectNode schema, List<String> values) {
        if (schema.has("anyOf")) {
            withEnum((ObjectNode) schema.get("anyOf").get(0), values);
        } else if ("array".equals(schema.path("type").asText())) {
            withEnum((ObjectNode) schema.get("items"), values);
        } else {
            ArrayNode array = schema.putArray("enum");
            values.forEach(array::add);
        }
    }

    private static Properties loadDescriptions() {
        Properties descriptions = new Properties();
        try (InputStream in = JsonSchemas.class.getResourceAsStream("/openapi-fields.properties")) {
            if (in != null) {
                descriptions.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the API's field descriptions cannot be read", e);
        }
        return descriptions;
    }

    static String componentName(Class<?> type) {
        Class<?> enclosing = type.getEnclosingClass();
        return enclosing == null ? type.getSimpleName() : enclosing.getSimpleName() + type.getSimpleName();
    }

    Map<String, ObjectNode> components() {
        return components;
    }
}
