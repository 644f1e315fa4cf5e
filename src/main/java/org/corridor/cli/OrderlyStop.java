package org.corridor.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.corridor.app.Corridor;
import org.corridor.http.HttpServer;

/**
 * Stops a serving process in order when it is told to (SIGTERM, Ctrl-C, the end of the program):
 * the HTTP server stops taking requests and lets those in flight finish, then the database closes,
 * then the embedded PostgreSQL stops. Nothing is printed but one line: no stack trace.
 */
final class OrderlyStop {

    private final Corridor corridor;
    private final HttpServer server;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook;

    private OrderlyStop(Corridor corridor, HttpServer server) {
        this.corridor = corridor;
        this.server = server;
        this.hook = new Thread(this::stop, "corridor-shutdown");
    }

    /** Stops {@code server} and {@code corridor} in order when the JVM stops. */
    static OrderlyStop onShutdown(Corridor corridor, HttpServer server) {
        OrderlyStop stop = new OrderlyStop(corridor, server);
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    /** True once the process was told to stop. */
    boolean stopping() {
        return stopping.get();
    }

    /** Blocks until the process is told to stop and has stopped. */
    void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** Stops now, when the program ends by itself, and forgets the hook. */
    void stopNow() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is stopping already; the hook finds everything stopped
        }
    }

    private void stop() {
        if (stopping.compareAndSet(false, true)) {
            try {
                server.close();
            } finally {
                corridor.close();
                stopped.countDown();
            }
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
