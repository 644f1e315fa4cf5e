package org.corridor.screening;

import java.util.List;
import java.util.Map;

/** The outcomes of screening many parties, in input order, all against the same list versions. */
public record ScreeningBatch(List<ScreeningOutcome> outcomes, Map<SanctionsList, String> listVersions) {

    public ScreeningBatch {
        outcomes = List.copyOf(outcomes);
        listVersions = Map.copyOf(listVersions);
    }
}
