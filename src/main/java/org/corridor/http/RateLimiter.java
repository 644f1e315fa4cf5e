package org.corridor.http;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per caller: {@code perMinute} requests a minute on average, with bursts up to the
 * same number. Thread-safe; buckets of idle callers are dropped once the map grows large.
 */
final class RateLimiter {

    private static final int MAX_BUCKETS = 100_000;

    private final double capacity;
    private final double refillPerNano;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(int perMinute) {
        this.capacity = Math.max(1, perMinute);
        this.refillPerNano = capacity / 60e9;
    }

    /** Takes one request from the caller's bucket; returns 0 if allowed, else seconds to wait. */
    long acquire(String caller) {
        if (buckets.size() > MAX_BUCKETS) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(caller, key -> new Bucket(capacity, System.nanoTime()));
        synchronized (bucket) {
            long now = System.nanoTime();
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updatedNanos) * refillPerNano);
            bucket.updatedNanos = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / refillPerNano / 1e9));
        }
    }

    /** Seconds until the caller may send again, without taking anything: 0 if it may now. */
    long waitFor(String caller) {
        Bucket bucket = buckets.get(caller);
        if (bucket == null) {
            return 0;
        }
        synchronized (bucket) {
            double tokens =
                    Math.min(capacity, bucket.tokens + (System.nanoTime() - bucket.updatedNanos) * refillPerNano);
            return tokens >= 1 ? 0 : Math.max(1, (long) Math.ceil((1 - tokens) / refillPerNano / 1e9));
        }
    }

    private static final class Bucket {
        double tokens;
        long updatedNanos;

        Bucket(double tokens, long updatedNanos) {
            this.tokens = tokens;
            this.updatedNanos = updatedNanos;
        }
    }
}
