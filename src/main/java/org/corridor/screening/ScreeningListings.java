package org.corridor.screening;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.corridor.ownership.Listing;
import org.corridor.ownership.ListingLookup;
import org.corridor.ownership.ListingRef;
import org.corridor.ownership.PartyKind;
import org.corridor.ownership.PartyRef;

/**
 * The listing port of ownership and vessels over the active sanctions lists. Confirmed identities
 * ({@link #listingsFor}, {@link #byImo}) come only from an exact identifier: a vessel party's IMO
 * number against the IMO numbers the lists publish. Name resemblance ({@link #byName}) gives
 * screening hits, which callers treat as candidates for review, never as a designation. With no
 * list active it knows of nobody; screening parties directly refuses in that state instead.
 * Thread-safe.
 */
public final class ScreeningListings implements ListingLookup {

    private static final Pattern IMO = Pattern.compile("[0-9]{7}");
    private static final Pattern VESSEL_ID = Pattern.compile("imo-([0-9]{7})");

    private final Screening screening;

    public ScreeningListings(Screening screening) {
        this.screening = screening;
    }

    @Override
    public List<Listing> listingsFor(PartyRef party) {
        var vessel = VESSEL_ID.matcher(party.id());
        if (!vessel.matches()) {
            return List.of();
        }
        return screening.byImo(vessel.group(1)).stream()
                .map(ScreeningListings::confirmed)
                .toList();
    }

    @Override
    public Optional<Listing> byImo(String imo) {
        if (imo == null || !IMO.matcher(imo.strip()).matches()) {
            return Optional.empty();
        }
        return screening.byImo(imo.strip()).stream().findFirst().map(ScreeningListings::confirmed);
    }

    @Override
    public List<Listing> byName(String name, PartyKind kind) {
        if (name == null || name.isBlank() || !screening.hasLists()) {
            return List.of();
        }
        Party party = Party.named(name.strip()).withType(type(kind));
        List<Listing> found = new ArrayList<>();
        for (Hit hit : screening.screen(party).outcome().hits()) {
            found.add(new Listing(
                    ref(hit.entity()),
                    hit.entityName(),
                    hit.programmes(),
                    BigDecimal.valueOf(hit.score())
                            .setScale(4, RoundingMode.HALF_UP)
                            .min(BigDecimal.ONE)));
        }
        return found;
    }

    private static EntityType type(PartyKind kind) {
        return switch (kind) {
            case PERSON -> EntityType.PERSON;
            case ENTITY -> EntityType.ORGANISATION;
            case VESSEL -> EntityType.VESSEL;
        };
    }

    private static Listing confirmed(ListedEntity entity) {
        return new Listing(ref(entity), entity.primaryName(), entity.programmes(), BigDecimal.ONE);
    }

    private static ListingRef ref(ListedEntity entity) {
        return new ListingRef(entity.list().name(), entity.id());
    }
}
