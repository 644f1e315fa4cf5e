package org.corridor.ownership;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The port through which ownership and vessel screening learn who is listed. Corridor ships one
 * implementation over the explicit designations in the graph data ({@link Ownership#designations()});
 * the sanctions-screening engine provides another. Implementations must be thread-safe.
 *
 * <p>{@link #listingsFor} answers for confirmed identities only (an explicit designation, an exact
 * identifier, or a hit already dispositioned as a true match): the 50 Percent Rule treats every
 * party it returns as blocked. Unconfirmed name candidates belong in {@link #byName}, which callers
 * treat as hits for review.
 */
public interface ListingLookup {

    /** Nobody is listed. */
    ListingLookup NONE = confirmed(parties -> Map.of());

    /**
     * A lookup that knows confirmed listings only, answered in bulk by {@code listings} (keyed by party
     * id, parties with none left out): it names no vessel by IMO number and no candidate by name.
     */
    static ListingLookup confirmed(Function<Collection<PartyRef>, Map<String, List<Listing>>> listings) {
        return new ListingLookup() {
            @Override
            public List<Listing> listingsFor(PartyRef party) {
                return listings.apply(List.of(party)).getOrDefault(party.id(), List.of());
            }

            @Override
            public Map<String, List<Listing>> listingsForAll(Collection<PartyRef> parties) {
                return listings.apply(parties);
            }

            @Override
            public Optional<Listing> byImo(String imo) {
                return Optional.empty();
            }

            @Override
            public List<Listing> byName(String name, PartyKind kind) {
                return List.of();
            }
        };
    }

    /** The list entries that this party is (confirmed), or none. */
    List<Listing> listingsFor(PartyRef party);

    /** The list entry that names this IMO number exactly (seven digits), if any. */
    Optional<Listing> byImo(String imo);

    /** Candidate entries whose names resemble {@code name}, best first, each with its score. */
    List<Listing> byName(String name, PartyKind kind);

    /**
     * Listings for many parties at once, keyed by party id; parties with none are left out. The
     * ownership assessment asks for every upstream owner of a party in one call, so an implementation
     * that can answer in bulk should override this.
     */
    default Map<String, List<Listing>> listingsForAll(Collection<PartyRef> parties) {
        Map<String, List<Listing>> found = new LinkedHashMap<>();
        for (PartyRef party : parties) {
            List<Listing> listings = listingsFor(party);
            if (!listings.isEmpty()) {
                found.put(party.id(), listings);
            }
        }
        return found;
    }

    /** Both lookups' answers together, without repeating an entry that both report. */
    static ListingLookup allOf(List<ListingLookup> lookups) {
        List<ListingLookup> all = List.copyOf(lookups);
        return new ListingLookup() {
            @Override
            public List<Listing> listingsFor(PartyRef party) {
                List<Listing> found = new ArrayList<>();
                all.forEach(lookup -> found.addAll(lookup.listingsFor(party)));
                return distinct(found);
            }

            @Override
            public Map<String, List<Listing>> listingsForAll(Collection<PartyRef> parties) {
                Map<String, List<Listing>> found = new LinkedHashMap<>();
                for (ListingLookup lookup : all) {
                    lookup.listingsForAll(parties)
                            .forEach((id, listings) -> found.computeIfAbsent(id, key -> new ArrayList<>())
                                    .addAll(listings));
                }
                found.replaceAll((id, listings) -> distinct(listings));
                return found;
            }

            @Override
            public Optional<Listing> byImo(String imo) {
                return all.stream()
                        .map(lookup -> lookup.byImo(imo))
                        .flatMap(Optional::stream)
                        .findFirst();
            }

            @Override
            public List<Listing> byName(String name, PartyKind kind) {
                List<Listing> found = new ArrayList<>();
                all.forEach(lookup -> found.addAll(lookup.byName(name, kind)));
                found.sort((a, b) -> b.score().compareTo(a.score()));
                return distinct(found);
            }
        };
    }

    private static List<Listing> distinct(List<Listing> listings) {
        Map<ListingRef, Listing> byRef = new LinkedHashMap<>();
        listings.forEach(listing -> byRef.merge(
                listing.ref(), listing, (kept, other) -> kept.score().compareTo(other.score()) >= 0 ? kept : other));
        return List.copyOf(byRef.values());
    }
}
