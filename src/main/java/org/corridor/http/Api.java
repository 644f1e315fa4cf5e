package org.corridor.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.corridor.audit.Actor;
import org.corridor.identity.Permission;
import org.corridor.identity.User;

/**
 * Registers routes with their access rule and documentation, in one fluent call per route:
 * {@code api.post("/api/v1/x").requires(P).summary("...").request(R.class).response(S.class).handle(h)}.
 * Every handler is wrapped by authentication, the permission check and the rate limit, so a route
 * cannot be registered without them.
 */
public final class Api {

    private static final String USER_ATTRIBUTE = "corridor.user";

    private final RoutesConfig routes;
    private final Guard guard;
    private final List<RouteSpec> registered = new ArrayList<>();

    Api(RoutesConfig routes, Guard guard) {
        this.routes = routes;
        this.guard = guard;
    }

    public Route get(String path) {
        return new Route("GET", path);
    }

    public Route post(String path) {
        return new Route("POST", path);
    }

    public Route put(String path) {
        return new Route("PUT", path);
    }

    public Route delete(String path) {
        return new Route("DELETE", path);
    }

    List<RouteSpec> registered() {
        return List.copyOf(registered);
    }

    /** The signed-in user of a request that passed its guard. */
    public static User user(Context ctx) {
        User user = ctx.attribute(USER_ATTRIBUTE);
        if (user == null) {
            throw new IllegalStateException("no signed-in user on a guarded route");
        }
        return user;
    }

    /** The signed-in user as the actor the audit trail records. */
    public static Actor actor(Context ctx) {
        return user(ctx).actor();
    }

    static void signIn(Context ctx, User user) {
        ctx.attribute(USER_ATTRIBUTE, user);
    }

    /** A route being described; nothing is registered until {@link #handle}. */
    public final class Route {
        private final String method;
        private final String path;
        private RouteSpec.Access access;
        private String summary = "";
        private String tag = "";
        private Optional<Class<?>> requestBody = Optional.empty();
        private Optional<Class<?>> responseBody = Optional.empty();
        private boolean responseIsList;
        private int successStatus = 200;
        private String responseContentType = "application/json";
        private final List<RouteSpec.QueryParameter> queryParameters = new ArrayList<>();

        private Route(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Route requires(Permission permission) {
            this.access = new RouteSpec.Access.Requires(permission);
            return this;
        }

        /**
         * Open to anyone without a token. Only health, metrics and enrolment (whose caller has no
         * token yet, and proves who they are with a code) are.
         */
        public Route open() {
            this.access = new RouteSpec.Access.Public();
            return this;
        }

        public Route summary(String text) {
            this.summary = text;
            return this;
        }

        public Route tag(String name) {
            this.tag = name;
            return this;
        }

        public Route request(Class<?> type) {
            this.requestBody = Optional.of(type);
            return this;
        }

        public Route response(Class<?> type) {
            this.responseBody = Optional.of(type);
            return this;
        }

        public Route responseList(Class<?> type) {
            this.responseBody = Optional.of(type);
            this.responseIsList = true;
            return this;
        }

        public Route status(int status) {
            this.successStatus = status;
            return this;
        }

        public Route produces(String contentType) {
            this.responseContentType = contentType;
            return this;
        }

        public Route query(String name, String description) {
            queryParameters.add(new RouteSpec.QueryParameter(name, description, false));
            return this;
        }

        public Route requiredQuery(String name, String description) {
            queryParameters.add(new RouteSpec.QueryParameter(name, description, true));
            return this;
        }

        public void handle(Handler handler) {
            if (access == null) {
                throw new IllegalStateException(method + " " + path + " registered without an access rule");
            }
            RouteSpec spec = new RouteSpec(
                    method,
                    path,
                    access,
                    summary,
                    tag,
                    requestBody,
                    responseBody,
                    responseIsList,
                    successStatus,
                    responseContentType,
                    List.copyOf(queryParameters));
            registered.add(spec);
            Handler guarded = ctx -> {
                guard.check(ctx, spec);
                Parameters.check(ctx, spec);
                if (spec.requestBody().isPresent()) {
                    Requests.requireJson(ctx);
                }
                handler.handle(ctx);
            };
            switch (method) {
                case "GET" -> routes.get(path, guarded);
                case "POST" -> routes.post(path, guarded);
                case "PUT" -> routes.put(path, guarded);
                case "DELETE" -> routes.delete(path, guarded);
                default -> throw new IllegalArgumentException("unsupported method " + method);
            }
        }
    }
}
