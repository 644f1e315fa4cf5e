package org.corridor.ownership;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The listing port over the explicit designations in the graph data: a party is listed when the
 * data designates it (an owner row with {@code owner_listing}); a vessel when its party {@code
 * imo-NNNNNNN} is designated. {@link #byName} finds only designated parties whose names are equal
 * after folding case, accents and punctuation: a stand-in until the screening engine, with its
 * fuzzy matcher, is wired to the port. Thread-safe; always answers from the newest graph.
 */
final class DesignatedListings implements ListingLookup {

    private final Supplier<OwnershipGraph> graph;

    DesignatedListings(Supplier<OwnershipGraph> graph) {
        this.graph = graph;
    }

    @Override
    public List<Listing> listingsFor(PartyRef party) {
        OwnershipGraph current = graph.get();
        return current.indexOf(party.id()).map(current::designations).orElse(List.of());
    }

    @Override
    public Optional<Listing> byImo(String imo) {
        if (imo == null || !imo.matches("[0-9]{7}")) {
            return Optional.empty();
        }
        OwnershipGraph current = graph.get();
        return current.indexOf(PartyRef.vesselId(imo))
                .map(current::designations)
                .flatMap(listings -> listings.stream().findFirst());
    }

    @Override
    public List<Listing> byName(String name, PartyKind kind) {
        String wanted = fold(name);
        if (wanted.isEmpty()) {
            return List.of();
        }
        OwnershipGraph current = graph.get();
        List<Listing> found = new ArrayList<>();
        for (Map.Entry<Integer, List<Listing>> designated :
                current.allDesignations().entrySet()) {
            PartyRef party = current.party(designated.getKey());
            if (party.kind() == kind && fold(party.name()).equals(wanted)) {
                found.addAll(designated.getValue());
            }
        }
        return found;
    }

    /** Lowercase letters and digits separated by single spaces, accents removed. */
    static String fold(String name) {
        if (name == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return decomposed
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
    }
}
