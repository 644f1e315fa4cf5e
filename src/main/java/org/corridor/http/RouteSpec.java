package org.corridor.http;

import java.util.List;
import java.util.Optional;
import org.corridor.identity.Permission;

/**
 * One registered route as documentation and access rule: what it needs, what it takes and gives.
 * The OpenAPI description and the role-matrix test are both generated from these.
 *
 * @param access who may call it
 * @param requestBody the JSON body type, if any
 * @param responseBody the JSON response type, if any (a list when {@code responseIsList})
 */
public record RouteSpec(
        String method,
        String path,
        Access access,
        String summary,
        String tag,
        Optional<Class<?>> requestBody,
        Optional<Class<?>> responseBody,
        boolean responseIsList,
        int successStatus,
        String responseContentType,
        List<QueryParameter> queryParameters) {

    /** Who may call a route. */
    public sealed interface Access {

        /** Anyone, without a token: only health, metrics and enrolment. */
        record Public() implements Access {}

        /** A signed-in user holding the permission. */
        record Requires(Permission permission) implements Access {}
    }

    public record QueryParameter(String name, String description, boolean required) {}

    public Optional<Permission> permission() {
        return access instanceof Access.Requires requires ? Optional.of(requires.permission()) : Optional.empty();
    }
}
