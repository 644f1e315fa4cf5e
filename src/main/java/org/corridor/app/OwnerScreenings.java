package org.corridor.app;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corridor.ConflictException;
import org.corridor.audit.Hashing;
import org.corridor.ownership.ListingRef;
import org.corridor.ownership.OwnerMatch;
import org.corridor.ownership.OwnerScreening;
import org.corridor.ownership.PartyRef;
import org.corridor.screening.Hit;
import org.corridor.screening.Identifier;
import org.corridor.screening.IdentifierType;
import org.corridor.screening.Party;
import org.corridor.screening.Screener;
import org.corridor.screening.Screening;
import org.corridor.screening.ScreeningOutcome;
import org.corridor.screening.ScreeningResult;

/**
 * Screening's public face as ownership's owner screening (issue 23): an owner is screened by name,
 * with no type (so an entity recorded as a person is still matched), and by its IMO number when
 * it is a ship; every hit at or above the screening threshold is returned with its explanation.
 */
final class OwnerScreenings {

    /** A hit this close, or on the very name, is an exact or near-exact match: never ignored. */
    static final double NEAR_EXACT = 0.95;

    private static final Pattern VESSEL_ID = Pattern.compile("imo-([0-9]{7})");

    private OwnerScreenings() {}

    /** Against the active lists; nobody matches while no list is active. */
    static OwnerScreening over(Screening screening) {
        return owner -> {
            ScreeningResult result;
            try {
                result = screening.screen(party(owner));
            } catch (ConflictException noActiveLists) {
                // Nothing to screen against yet; the first list version re-screens every owner.
                return OwnerScreening.Result.NONE;
            }
            Map<String, String> versions = new TreeMap<>();
            result.listVersions().forEach((list, version) -> versions.put(list.name(), version));
            return new OwnerScreening.Result(matches(owner, result.outcome()), versions);
        };
    }

    /** Against the entries a new list version changed only, as releases re-screen their parties (FR-21). */
    static OwnerScreening overChanged(Screener changed, Map<String, String> versions) {
        return owner -> new OwnerScreening.Result(matches(owner, changed.screen(party(owner))), versions);
    }

    private static Party party(PartyRef owner) {
        Party party = Party.named(owner.name());
        Matcher vessel = VESSEL_ID.matcher(owner.id());
        return vessel.matches() ? party.withIdentifier(Identifier.of(IdentifierType.IMO, vessel.group(1))) : party;
    }

    private static List<OwnerMatch> matches(PartyRef owner, ScreeningOutcome outcome) {
        List<OwnerMatch> matches = new ArrayList<>();
        for (Hit hit : outcome.hits()) {
            boolean exact =
                    hit.score() >= NEAR_EXACT || fold(hit.matchedName().text()).equals(fold(owner.name()));
            matches.add(new OwnerMatch(
                    new ListingRef(hit.list().name(), hit.entityId()),
                    hit.entityName(),
                    hit.programmes(),
                    BigDecimal.valueOf(hit.score())
                            .setScale(4, RoundingMode.HALF_EVEN)
                            .min(BigDecimal.ONE),
                    exact,
                    hit.why(),
                    Hashing.sha256Hex(hit.entity().toString())));
        }
        return matches;
    }

    private static String fold(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
    }
}
