package org.corridor.release;

import java.util.Map;
import java.util.Objects;
import org.corridor.screening.Party;
import org.corridor.screening.Screener;
import org.corridor.screening.ScreeningOutcome;

/**
 * How releases screen a party's name against the sanctions lists: a port, so that the database-backed
 * screening facade can take the place of an in-memory {@link Screener} without releases changing.
 * Implementations must be thread-safe.
 */
public interface PartyScreening {

    PartyCheck screen(Party party);

    /**
     * The outcome of screening one party and the list versions it was screened against.
     *
     * @param listVersions list name to version, recorded with every decision that used them
     */
    record PartyCheck(ScreeningOutcome outcome, Map<String, String> listVersions) {
        public PartyCheck {
            Objects.requireNonNull(outcome, "outcome");
            listVersions = Map.copyOf(listVersions);
        }
    }

    /** Screens with a real in-memory screener over lists of the given versions. */
    static PartyScreening over(Screener screener, Map<String, String> versions) {
        Map<String, String> copy = Map.copyOf(versions);
        return party -> new PartyCheck(screener.screen(party), copy);
    }
}
