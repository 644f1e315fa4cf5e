package org.corridor.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that a scenario sets to the moment of each step and that runs on from there in real time.
 * The demo replays the worked scenario of docs/domain.md, dated 2024, through the real services: every record, audit entry
 * and hold carries the scenario's time, and the dashboard afterwards shows the channel as of the
 * scenario's last day. Only the demo uses it; a served Corridor runs on the system clock.
 */
public final class ScenarioClock extends Clock {

    private record Anchor(Instant scenario, long realNanos) {}

    private final AtomicReference<Anchor> anchor;
    private final ZoneId zone;

    public ScenarioClock(Instant start) {
        this(new AtomicReference<>(new Anchor(start, System.nanoTime())), ZoneOffset.UTC);
    }

    private ScenarioClock(AtomicReference<Anchor> anchor, ZoneId zone) {
        this.anchor = anchor;
        this.zone = zone;
    }

    /**
     * Moves the clock forward to {@code instant}; it runs on from there. A moment already passed
     * leaves the clock where it is, because time in the records must never run backwards.
     */
    public void advanceTo(Instant instant) {
        anchor.updateAndGet(current -> {
            Instant now = current.scenario().plus(Duration.ofNanos(System.nanoTime() - current.realNanos()));
            return instant.isAfter(now) ? new Anchor(instant, System.nanoTime()) : current;
        });
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same scenario time seen in another zone; setting either moves both. */
    @Override
    public Clock withZone(ZoneId other) {
        return new ScenarioClock(anchor, other);
    }

    @Override
    public Instant instant() {
        Anchor current = anchor.get();
        return current.scenario().plus(Duration.ofNanos(System.nanoTime() - current.realNanos()));
    }
}
