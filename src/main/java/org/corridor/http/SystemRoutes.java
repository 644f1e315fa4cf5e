package org.corridor.http;

import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.corridor.db.Database;
import org.corridor.identity.Permission;
import org.corridor.identity.User;

/** Health, metrics, the OpenAPI description and "who am I". */
final class SystemRoutes implements Routes {

    /**
     * The answer of {@code GET /health}. {@code warnings} name what needs a person without making
     * the server unready: stale or sample sanctions lists, a list version in quarantine (issue 16).
     */
    record Health(String status, String database, List<String> warnings) {}

    /**
     * The answer of {@code GET /api/v1/me}: {@code role} is every role joined with '+', as the audit
     * trail records it; an agent's holders are those it acts for.
     */
    record Me(String name, String role, List<String> roles, Set<Permission> permissions, List<String> holders) {}

    private final Database database;
    private final PrometheusMeterRegistry metrics;
    private final Supplier<List<RouteSpec>> routes;
    private final String version;
    private final Supplier<List<String>> warnings;

    SystemRoutes(
            Database database,
            PrometheusMeterRegistry metrics,
            Supplier<List<RouteSpec>> routes,
            String version,
            Supplier<List<String>> warnings) {
        this.database = database;
        this.metrics = metrics;
        this.routes = routes;
        this.version = version;
        this.warnings = warnings;
    }

    @Override
    public void register(Api api) {
        api.get("/health")
                .open()
                .tag("system")
                .summary("Liveness and database readiness; 503 when the database is not reachable")
                .response(Health.class)
                .handle(this::health);
        api.get("/metrics")
                .open()
                .tag("system")
                .summary("Prometheus metrics: requests per route, pool and JVM figures")
                .produces("text/plain")
                .handle(this::metrics);
        api.get("/api/v1/openapi.json")
                .requires(Permission.SELF_READ)
                .tag("system")
                .summary("This description")
                .handle(ctx -> ctx.json(OpenApi.describe(routes.get(), version)));
        api.get("/api/v1/me")
                .requires(Permission.SELF_READ)
                .tag("system")
                .summary("The signed-in user, its roles, permissions and (for an agent) holders")
                .response(Me.class)
                .handle(this::me);
    }

    private void health(Context ctx) {
        boolean ready = database.isReady();
        ctx.status(ready ? 200 : 503);
        if (!ready) {
            ctx.header("Retry-After", Integer.toString(Problems.RETRY_AFTER_SECONDS));
        }
        ctx.json(new Health(ready ? "UP" : "DOWN", ready ? "UP" : "DOWN", ready ? warnings() : List.of()));
    }

    /** The warnings, or none when they cannot be read: health answers whatever the lists' state. */
    private List<String> warnings() {
        try {
            return warnings.get();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8");
        ctx.result(metrics.scrape());
    }

    private void me(Context ctx) {
        User user = Api.user(ctx);
        ctx.json(new Me(
                user.name(),
                user.roleNames(),
                user.roles().stream().map(Enum::name).toList(),
                user.permissions(),
                List.copyOf(user.holders())));
    }
}
