package org.corridor.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.Map;

/**
 * Serves the dashboard's static files from the classpath folder {@code /web}. The files hold no
 * data; a strict content security policy keeps the page from loading anything from elsewhere.
 */
public final class Dashboard {

    /** Only this origin: the page may load nothing from anywhere else, nor be framed. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private Dashboard() {}

    public static void configure(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/web";
            files.location = Location.CLASSPATH;
            files.headers = Map.of(
                    "Content-Security-Policy", CONTENT_SECURITY_POLICY,
                    "X-Content-Type-Options", "nosniff",
                    "X-Frame-Options", "DENY",
                    "Referrer-Policy", "no-referrer",
                    "Cache-Control", "no-cache");
        });
    }
}
