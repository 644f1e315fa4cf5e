package org.corridor.cli;

import java.util.concurrent.Callable;
import org.corridor.app.Config;
import org.corridor.app.Corridor;
import org.corridor.http.HttpServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Start the HTTP API (and the dashboard) on the configured database until stopped.")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--port", paramLabel = "P", description = "Port to listen on (default: $CORRIDOR_PORT or 8080).")
    Integer port;

    @Option(names = "--host", paramLabel = "H", description = "Address to bind (default: $CORRIDOR_HOST or 127.0.0.1).")
    String host;

    @Override
    public Integer call() throws InterruptedException {
        Config config = database.config();
        if (port != null) {
            config = config.withPort(port);
        }
        if (host != null) {
            config = config.withHost(host);
        }
        org.corridor.screening.Screening.warmUpInBackground();
        serve(Corridor.open(config), "Corridor");
        return 0;
    }

    /** Serves until the process is told to stop, then closes the server and the database in order. */
    static void serve(Corridor corridor, String name) throws InterruptedException {
        HttpServer server;
        try {
            server = HttpServer.start(
                    corridor, corridor.config().host(), corridor.config().port());
        } catch (RuntimeException e) {
            corridor.close();
            throw e;
        }
        corridor.screening().prepareInBackground();
        System.out.println(name + " listening on " + url(corridor, server) + " ("
                + corridor.database().description() + ")");
        System.out.flush();
        untilStopped(corridor, server);
    }

    /**
     * Blocks until the process is told to stop, then lets in-flight requests finish and closes the
     * server and the database in order.
     */
    static void untilStopped(Corridor corridor, HttpServer server) throws InterruptedException {
        OrderlyStop.onShutdown(corridor, server).awaitStopped();
    }

    static String url(Corridor corridor, HttpServer server) {
        String host = corridor.config().host();
        String shown = host.equals("0.0.0.0") ? "127.0.0.1" : host;
        return "http://" + shown + ":" + server.port() + "/";
    }
}
