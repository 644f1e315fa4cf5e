package org.corridor.http;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditLog;
import org.corridor.audit.CanonicalJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refused requests in the audit trail, bounded whatever the attacker sends: per source address and
 * minute, the first {@value #DETAILED_PER_MINUTE} refusals are an {@code ACCESS_REFUSED} entry each
 * (the path cut to {@value #MAX_PATH} characters), and the rest are counted and written as one
 * {@code ACCESS_REFUSED_COUNTED} entry per source and minute once the minute is over. A flood
 * from one address thus adds at most eleven entries a minute, each of a bounded size; before issue
 * 16 every refusal was an entry holding the whole path (1,000 requests grew the trail by 9 MB).
 * Thread-safe; a daemon thread writes the counts.
 */
final class RefusalLog implements AutoCloseable {

    static final int DETAILED_PER_MINUTE = 10;
    static final int MAX_PATH = 200;

    /** Sources tracked in one minute; beyond, further sources share one count. */
    static final int MAX_SOURCES = 10_000;

    static final String OTHER_SOURCES = "other";

    private static final Logger LOG = LoggerFactory.getLogger(RefusalLog.class);

    private record Key(String source, long minute) {}

    /** What one source was refused in one minute beyond its detailed entries. */
    private static final class Tally {
        int detailed;
        int counted;
        final Map<String, Integer> codes = new TreeMap<>();
    }

    private final AuditLog audit;
    private final LongSupplier minuteNow;
    private final ConcurrentHashMap<Key, Tally> tallies = new ConcurrentHashMap<>();
    private final Thread writer;
    private volatile boolean closed;

    RefusalLog(AuditLog audit) {
        this(audit, () -> TimeUnit.MILLISECONDS.toMinutes(System.currentTimeMillis()), true);
    }

    RefusalLog(AuditLog audit, LongSupplier minuteNow, boolean background) {
        this.audit = audit;
        this.minuteNow = minuteNow;
        this.writer = new Thread(this::writeEveryFewSeconds, "corridor-refusal-counts");
        this.writer.setDaemon(true);
        if (background) {
            writer.start();
        }
    }

    /**
     * Records one refusal: an entry of its own while the source has had fewer than {@value
     * #DETAILED_PER_MINUTE} this minute, else a count.
     */
    void refused(
            Actor actor,
            String route,
            String method,
            String path,
            String source,
            int status,
            String code,
            String reason) {
        long minute = minuteNow.getAsLong();
        Key key = new Key(source, minute);
        if (!tallies.containsKey(key) && tallies.size() >= MAX_SOURCES) {
            key = new Key(OTHER_SOURCES, minute);
        }
        boolean detailed;
        Tally tally = tallies.computeIfAbsent(key, k -> new Tally());
        synchronized (tally) {
            detailed = tally.detailed < DETAILED_PER_MINUTE;
            if (detailed) {
                tally.detailed++;
            } else {
                tally.counted++;
                tally.codes.merge(status + " " + code + " " + reason, 1, Integer::sum);
            }
        }
        if (detailed) {
            audit.appendAlone(AuditEvent.of(
                    actor,
                    "ACCESS_REFUSED",
                    "route:" + route,
                    CanonicalJson.fields("method", method, "path", cut(path), "remote", source),
                    CanonicalJson.fields("status", status, "code", code, "reason", reason)));
        }
    }

    /** Counts a refusal that gets no entry of its own (an address over its limit). */
    void counted(String source, int status, String code) {
        long minute = minuteNow.getAsLong();
        Key key = new Key(source, minute);
        if (!tallies.containsKey(key) && tallies.size() >= MAX_SOURCES) {
            key = new Key(OTHER_SOURCES, minute);
        }
        Tally tally = tallies.computeIfAbsent(key, k -> new Tally());
        synchronized (tally) {
            tally.counted++;
            tally.codes.merge(status + " " + code, 1, Integer::sum);
        }
    }

    /** Writes the counts of every minute that is over (or of every minute, when closing). */
    void writeCounts(boolean all) {
        long current = minuteNow.getAsLong();
        for (Key key : tallies.keySet()) {
            if (!all && key.minute() >= current) {
                continue;
            }
            Tally tally = tallies.remove(key);
            if (tally == null || tally.counted == 0) {
                continue;
            }
            synchronized (tally) {
                audit.appendAlone(AuditEvent.of(
                        Actor.SYSTEM,
                        "ACCESS_REFUSED_COUNTED",
                        "source:" + key.source(),
                        CanonicalJson.fields(
                                "source",
                                key.source(),
                                "minute_starting",
                                java.time.Instant.ofEpochSecond(TimeUnit.MINUTES.toSeconds(key.minute()))
                                        .toString()),
                        CanonicalJson.fields(
                                "refused",
                                tally.detailed + tally.counted,
                                "recorded_one_by_one",
                                tally.detailed,
                                "counted_only",
                                tally.counted,
                                "by_status_and_code",
                                Map.copyOf(tally.codes))));
            }
        }
    }

    private void writeEveryFewSeconds() {
        while (!closed) {
            try {
                Thread.sleep(5_000);
                writeCounts(false);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The database may be away; the counts stay and are written at the next turn.
                LOG.warn("refusal counts not written yet: {}", e.getMessage());
            }
        }
    }

    static String cut(String path) {
        return path.length() <= MAX_PATH ? path : path.substring(0, MAX_PATH) + "...(" + path.length() + " chars)";
    }

    @Override
    public void close() {
        closed = true;
        writer.interrupt();
        try {
            writer.join(5_000);
            writeCounts(true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("refusal counts of the last minute not written: {}", e.getMessage());
        }
    }
}
