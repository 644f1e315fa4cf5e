package org.corridor.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corridor.identity.Role;
import org.corridor.identity.RoleMatrix;

/**
 * The OpenAPI 3.1 description, generated from the registered routes so that it cannot drift from
 * them. Each operation names the permission it needs and the roles that hold it.
 */
final class OpenApi {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private OpenApi() {}

    static ObjectNode describe(List<RouteSpec> routes, String version) {
        JsonSchemas schemas = new JsonSchemas();
        ObjectNode root = JSON.objectNode();
        root.put("openapi", "3.1.0");
        root.putObject("info")
                .put("title", "Corridor API")
                .put("version", version)
                .put(
                        "description",
                        "Restricted-funds payment channel. Every call but health and metrics needs "
                                + "'Authorization: Bearer TOKEN'. Errors are RFC 9457 problem details.");
        root.putArray("security").addObject().putArray("bearer");
        ObjectNode paths = root.putObject("paths");
        for (RouteSpec route : routes) {
            ObjectNode pathItem =
                    paths.has(route.path()) ? (ObjectNode) paths.get(route.path()) : paths.putObject(route.path());
            pathItem.set(route.method().toLowerCase(Locale.ROOT), operation(route, schemas));
        }
        ObjectNode components = root.putObject("components");
        components
                .putObject("securitySchemes")
                .putObject("bearer")
                .put("type", "http")
                .put("scheme", "bearer");
        ObjectNode componentSchemas = components.putObject("schemas");
        componentSchemas.set("Problem", problemSchema());
        schemas.components().forEach(componentSchemas::set);
        return root;
    }

    private static ObjectNode operation(RouteSpec route, JsonSchemas schemas) {
        ObjectNode operation = JSON.objectNode();
        operation.put("operationId", operationId(route));
        operation.put("summary", route.summary());
        if (!route.tag().isEmpty()) {
            operation.putArray("tags").add(route.tag());
        }
        if (route.access() instanceof RouteSpec.Access.Public) {
            operation.putArray("security"); // empty: no token needed
        } else {
            route.permission().ifPresent(permission -> {
                operation.put("x-required-permission", permission.name());
                ArrayNode roles = operation.putArray("x-roles");
                for (Role role : Role.values()) {
                    if (RoleMatrix.allows(role, permission)) {
                        roles.add(role.name());
                    }
                }
            });
        }
        ArrayNode parameters = JSON.arrayNode();
        Matcher matcher = PATH_PARAMETER.matcher(route.path());
        while (matcher.find()) {
            PathParameters.Rule rule = PathParameters.of(route.path(), matcher.group(1));
            ObjectNode schema = JSON.objectNode().put("type", "string");
            if (rule.uuid()) {
                schema.put("format", "uuid");
            }
            parameters
                    .addObject()
                    .put("name", matcher.group(1))
                    .put("in", "path")
                    .put("required", true)
                    .put("description", (rule.uuid() ? "must be a UUID: " : "") + rule.description())
                    .set("schema", schema);
        }
        for (RouteSpec.QueryParameter query : route.queryParameters()) {
            parameters
                    .addObject()
                    .put("name", query.name())
                    .put("in", "query")
                    .put("required", query.required())
                    .put("description", query.description())
                    .set("schema", Parameters.schema(route.path(), query.name()));
        }
        if (!parameters.isEmpty()) {
            operation.set("parameters", parameters);
        }
        route.requestBody().ifPresent(type -> {
            ObjectNode content = operation
                    .putObject("requestBody")
                    .put("required", true)
                    .putObject("content")
                    .putObject("application/json");
            content.set("schema", schemas.schemaOf(type));
            content.set("example", schemas.exampleOf(type));
        });
        ObjectNode responses = operation.putObject("responses");
        ObjectNode success =
                responses.putObject(Integer.toString(route.successStatus())).put("description", "success");
        route.responseBody().ifPresent(type -> {
            ObjectNode schema = schemas.schemaOf(type);
            if (route.responseIsList()) {
                schema = JSON.objectNode().put("type", "array").set("items", schema);
            }
            ObjectNode content = success.putObject("content").putObject(route.responseContentType());
            content.set("schema", schema);
            JsonNode example = schemas.exampleOf(type);
            content.set("example", route.responseIsList() ? JSON.arrayNode().add(example) : example);
        });
        if (route.responseBody().isEmpty() && !route.responseContentType().equals("application/json")) {
            success.putObject("content").putObject(route.responseContentType());
        }
        responses
                .putObject("default")
                .put("description", "a problem (RFC 9457)")
                .putObject("content")
                .putObject(ProblemDetail.MEDIA_TYPE)
                .set("schema", JSON.objectNode().put("$ref", "#/components/schemas/Problem"));
        return operation;
    }

    static String operationId(RouteSpec route) {
        StringBuilder id = new StringBuilder(route.method().toLowerCase(Locale.ROOT));
        for (String part : route.path().split("[/{}_-]+")) {
            if (part.isEmpty() || part.equals("api") || part.equals("v1")) {
                continue;
            }
            id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return id.toString();
    }

    private static ObjectNode problemSchema() {
        ObjectNode schema = JSON.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("type").put("type", "string").put("format", "uri");
        properties.putObject("title").put("type", "string");
        properties.putObject("status").put("type", "integer");
        properties.putObject("detail").put("type", "string");
        properties.putObject("instance").put("type", "string");
        properties.putObject("code").put("type", "string");
        ObjectNode fault = JSON.objectNode().put("type", "object");
        ObjectNode faultProperties = fault.putObject("properties");
        for (String name : List.of("field", "code", "detail")) {
            faultProperties.putObject(name).put("type", "string");
        }
        describe("ProblemError", faultProperties);
        properties.putObject("errors").put("type", "array").set("items", fault);
        describe("Problem", properties);
        schema.putArray("required").add("type").add("title").add("status").add("code");
        return schema;
    }

    private static void describe(String component, ObjectNode properties) {
        properties
                .properties()
                .forEach(property -> JsonSchemas.description(component, property.getKey())
                        .ifPresent(text -> ((ObjectNode) property.getValue()).put("description", text)));
    }
}
