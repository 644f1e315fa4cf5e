package org.corridor.http;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.corridor.app.Corridor;
import org.corridor.app.TimedWork;
import org.corridor.authorisation.AuthorisationRoutes;
import org.corridor.authorisation.EligibilityRoutes;
import org.corridor.db.Notifications;
import org.corridor.identity.UserRoutes;
import org.corridor.ledger.LedgerRoutes;
import org.corridor.ownership.OwnershipRoutes;
import org.corridor.payments.StatementRoutes;
import org.corridor.release.PaymentMessageRoutes;
import org.corridor.release.ReleaseRoutes;
import org.corridor.report.AuditTrailRoutes;
import org.corridor.report.ReportRoutes;
import org.corridor.screening.EntityMatching;
import org.corridor.screening.ListNotice;
import org.corridor.screening.ScreeningRoutes;
import org.corridor.screening.YenteRoutes;
import org.corridor.settlement.ContractRoutes;
import org.corridor.settlement.MovementRoutes;
import org.corridor.settlement.RestrictedAccountRoutes;
import org.corridor.vessel.VesselRoutes;
import org.corridor.web.Dashboard;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: assembles every feature's routes behind one guard and one problem mapper.
 * Binds to loopback unless told otherwise.
 */
public final class HttpServer implements AutoCloseable {

    public static final String VERSION = "0.1.0";

    private static final java.time.Duration HOLD_EXPIRY_PERIOD = java.time.Duration.ofSeconds(10);

    /** How long a stopping server lets in-flight requests finish. */
    static final java.time.Duration DRAIN = java.time.Duration.ofSeconds(10);

    private final Javalin app;
    private final List<RouteSpec> routes;
    private final JvmGcMetrics gcMetrics;
    private final TimedWork timedWork;
    private final RefusalLog refusals;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private final AutoCloseable checkpoints;

    /** What this server hears from the others on its database: the lists' notices. */
    private final Notifications lists;

    private HttpServer(
            Javalin app,
            List<RouteSpec> routes,
            JvmGcMetrics gcMetrics,
            TimedWork timedWork,
            RefusalLog refusals,
            AutoCloseable checkpoints,
            Notifications lists) {
        this.app = app;
        this.routes = routes;
        this.gcMetrics = gcMetrics;
        this.timedWork = timedWork;
        this.refusals = refusals;
        this.checkpoints = checkpoints;
        this.lists = lists;
    }

    /** Starts a server for {@code corridor} on {@code host:port} (port 0 picks a free one). */
    public static HttpServer start(Corridor corridor, String host, int port) {
        var registry = corridor.metrics();
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        JvmGcMetrics gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);

        RefusalLog refusals = new RefusalLog(corridor.audit());
        Guard guard = new Guard(
                corridor.users(),
                refusals,
                new RateLimiter(corridor.config().requestsPerMinutePerToken()),
                new RateLimiter(corridor.config().safeguards().unauthenticatedPerMinute()));
        Metrics metrics = new Metrics(registry);
        AtomicReference<List<RouteSpec>> registered = new AtomicReference<>(List.of());
        List<Routes> features = new ArrayList<>();
        features.add(new SystemRoutes(
                corridor.database(),
                registry,
                registered::get,
                VERSION,
                () -> corridor.screening().notices().stream()
                        .map(ListNotice::line)
                        .toList()));
        features.add(new UserRoutes(corridor.users()));
        features.add(new AuditTrailRoutes(corridor.audit(), corridor.zone()));
        features.add(new AuthorisationRoutes(corridor.authorisations()));
        features.add(new EligibilityRoutes(corridor.eligibility()));
        features.add(new OwnershipRoutes(corridor.ownership()));
        features.add(new VesselRoutes(corridor.vessels()));
        features.add(new ReleaseRoutes(corridor.releases()));
        features.add(new PaymentMessageRoutes(corridor.paymentMessages()));
        features.add(new StatementRoutes(corridor.statements()));
        features.add(new LedgerRoutes(
                corridor.ledger(), corridor.zone(), corridor.settlement().accounts()::accountId));
        features.add(new RestrictedAccountRoutes(corridor.settlement()));
        features.add(new ContractRoutes(corridor.settlement()));
        features.add(new MovementRoutes(corridor.settlement()));
        features.add(new ScreeningRoutes(corridor.screening()));
        features.add(new YenteRoutes(new EntityMatching(corridor.screening())));
        features.add(new ReportRoutes(corridor.reports()));

        Javalin app = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(JsonSupport.mapper(), false));
            config.http.maxRequestSize = corridor.config().maxRequestBytes();
            config.http.defaultContentType = "application/json";
            config.http.prefer405over404 = true;
            config.jetty.host = host;
            config.jetty.port = port;
            config.startup.showJavalinBanner = false;
            config.jetty.modifyServer(HttpServer::harden);
            config.jetty.modifyHttpConfiguration(HttpServer::harden);
            config.requestLogger.http(metrics::record);
            Dashboard.configure(config);
            Problems.register(config.routes, () -> corridor.database().available());
            Api api = new Api(config.routes, guard);
            features.forEach(feature -> feature.register(api));
            registered.set(api.registered());
        });
        app.start();
        // Of several servers on one database, the one holding the timed work's lock runs it; each
        // reloads the sanctions lists at once when another imports (issue 21).
        Notifications lists = Notifications.listen(
                corridor.database().pool(), "corridor_lists", corridor.screening()::listsChangedElsewhere);
        // Entries a stopped server committed but did not chain are chained before new ones.
        corridor.audit().chainPending();
        // The ledger voids expired holds by itself while the server runs; releases execute on their
        // value date, and ask again for holds refused for funds or a cap.
        TimedWork timedWork = TimedWork.start(corridor, HOLD_EXPIRY_PERIOD);
        // The head of the audit chain is signed outside the database now and at every interval.
        AutoCloseable checkpoints = corridor.audit()
                .checkpoints()
                .schedule(corridor.config().safeguards().checkpointInterval());
        return new HttpServer(app, registered.get(), gcMetrics, timedWork, refusals, checkpoints, lists);
    }

    /**
     * Jetty itself: in-flight requests drain for up to {@link #DRAIN} when the server stops, and its
     * own refusals are problem details.
     */
    private static void harden(Server server) {
        server.setStopTimeout(DRAIN.toMillis());
        server.setErrorHandler(new ProblemErrorHandler());
        server.setHandler(new GracefulHandler());
    }

    private static void harden(HttpConfiguration http) {
        // Jetty keeps the header fields of a connection's earlier requests and matched them ignoring
        // case: on one keep-alive connection a token differing only in case from the previous
        // request's was read as the previous one.
        http.setHeaderCacheCaseSensitive(true);
        http.setSendServerVersion(false);
        http.addCustomizer((request, responseHeaders) -> {
            responseHeaders.put(ProblemErrorHandler.NOSNIFF);
            return request;
        });
    }

    public int port() {
        return app.port();
    }

    /** Writes the counted refusals now, the current minute's too (for tests and orderly stops). */
    void writeRefusalCounts() {
        refusals.writeCounts(true);
    }

    /** Every registered route, for the OpenAPI description and the role-matrix test. */
    public List<RouteSpec> routes() {
        return routes;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        timedWork.close();
        lists.close();
        app.stop();
        refusals.close();
        try {
            checkpoints.close(); // signs the head once more, after the last request
        } catch (Exception e) {
            LoggerFactory.getLogger(HttpServer.class).warn("last audit checkpoint not signed: {}", e.getMessage());
        }
        gcMetrics.close();
    }
}
