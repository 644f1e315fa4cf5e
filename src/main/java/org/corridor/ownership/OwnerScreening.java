package org.corridor.ownership;

import java.util.List;
import java.util.Map;

/**
 * How ownership screens the owners and controllers of its graph against the active lists. The
 * screening feature provides it (wired in the composition root), since ownership may not use it
 * directly; every match it returns is above the screening threshold, or exact.
 */
@FunctionalInterface
public interface OwnerScreening {

    /** No list is active: nobody matches. */
    OwnerScreening NONE = owner -> Result.NONE;

    /** The matches of one owner, by name and by identifiers where the data gives them. */
    Result screen(PartyRef owner);

    /** An owner's matches and the list versions they were found under. */
    record Result(List<OwnerMatch> matches, Map<String, String> listVersions) {
        public static final Result NONE = new Result(List.of(), Map.of());

        public Result {
            matches = List.copyOf(matches);
            listVersions = Map.copyOf(listVersions);
        }
    }
}
