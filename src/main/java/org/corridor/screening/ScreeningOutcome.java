package org.corridor.screening;

import java.util.List;

/** The result of screening one party: clear, or potential matches for a reviewer. */
public sealed interface ScreeningOutcome permits ScreeningOutcome.Clear, ScreeningOutcome.PotentialMatch {

    /** Hits at or above the threshold, best first; empty when clear. */
    List<Hit> hits();

    /** No listed entity scored at or above the threshold. */
    record Clear() implements ScreeningOutcome {
        @Override
        public List<Hit> hits() {
            return List.of();
        }
    }

    /** At least one listed entity scored at or above the threshold. */
    record PotentialMatch(List<Hit> hits) implements ScreeningOutcome {
        public PotentialMatch {
            hits = List.copyOf(hits);
            if (hits.isEmpty()) {
                throw new IllegalArgumentException("a potential match needs at least one hit");
            }
        }
    }

    static ScreeningOutcome of(List<Hit> hits) {
        return hits.isEmpty() ? new Clear() : new PotentialMatch(hits);
    }
}
