package org.corridor.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on a PostgreSQL channel (LISTEN/NOTIFY) on a connection of its own and runs an action
 * when another session notifies it, and again after its connection came back (a notification may
 * have been missed meanwhile). For caches of what another server may change (issue 21). One daemon
 * thread; close it to stop.
 */
public final class Notifications implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);
    private static final int WAIT_MILLIS = 1_000;

    private final Thread thread;

    private Notifications(Thread thread) {
        this.thread = thread;
    }

    /** Runs {@code action} on every notification of {@code channel} (a plain identifier). */
    public static Notifications listen(DataSource pool, String channel, Runnable action) {
        if (!channel.matches("[a-z_]{1,63}")) {
            throw new IllegalArgumentException("not a channel name: " + channel);
        }
        Thread thread = new Thread(() -> run(pool, channel, action), "db-listen-" + channel);
        thread.setDaemon(true);
        thread.start();
        return new Notifications(thread);
    }

    private static void run(DataSource pool, String channel, Runnable action) {
        boolean reconnected = false;
        while (!Thread.currentThread().isInterrupted()) {
            try (Connection connection = pool.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + channel);
                }
                if (reconnected) {
                    act(action);
                }
                PGConnection listening = connection.unwrap(PGConnection.class);
                while (!Thread.currentThread().isInterrupted()) {
                    PGNotification[] received = listening.getNotifications(WAIT_MILLIS);
                    if (received != null && received.length > 0) {
                        act(action);
                    }
                }
            } catch (SQLException e) {
                LOG.warn("listening on {} stopped ({}); listening again shortly", channel, e.getMessage());
                reconnected = true;
                try {
                    Thread.sleep(WAIT_MILLIS);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private static void act(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("a notification's action failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
