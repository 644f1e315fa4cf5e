package org.corridor.ownership;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Builds a small graph in memory for assessing without a database; parties appear as they are named. */
final class TestGraph {

    static final LocalDate AS_OF = LocalDate.parse("2024-06-30");

    private final Map<String, PartyRef> parties = new LinkedHashMap<>();
    private final Map<String, String> listings = new LinkedHashMap<>();
    private final java.util.List<String[]> edges = new java.util.ArrayList<>();

    TestGraph listed(String name) {
        party(name);
        listings.put(id(name), "DEMO:" + id(name).toUpperCase(java.util.Locale.ROOT));
        return this;
    }

    /** Designates a party on a given list entry, such as {@code OFAC_SDN:1}, {@code EU:EU.1} or {@code UN:QDi.1}. */
    TestGraph listedOn(String name, String listing) {
        party(name);
        listings.put(id(name), listing);
        return this;
    }

    TestGraph owns(String owner, String percent, String owned) {
        party(owner);
        party(owned);
        edges.add(new String[] {id(owner), id(owned), EdgeKind.OWNERSHIP.name(), percent});
        return this;
    }

    TestGraph controls(String owner, String owned) {
        party(owner);
        party(owned);
        edges.add(new String[] {id(owner), id(owned), EdgeKind.CONTROL.name(), null});
        return this;
    }

    TestGraph party(String name) {
        parties.putIfAbsent(id(name), PartyRef.entity(id(name), name));
        return this;
    }

    OwnershipGraph build() {
        OwnershipGraph.Builder builder = OwnershipGraph.builder(1);
        parties.values().forEach(builder::party);
        for (String[] edge : edges) {
            builder.edge(
                    edge[0],
                    edge[1],
                    EdgeKind.valueOf(edge[2]),
                    Optional.ofNullable(edge[3]).map(SharePercent::parse),
                    false,
                    "test register " + AS_OF,
                    AS_OF);
        }
        listings.forEach((id, listing) -> builder.designation(
                id,
                Listing.designated(ListingRef.parse(listing), parties.get(id).name())));
        return builder.build();
    }

    OwnershipAssessment assess(String name) {
        return assess(name, OwnershipRules.DEFAULT);
    }

    OwnershipAssessment assess(String name, OwnershipRules rules) {
        return new OwnershipAssessor(ListingLookup.NONE, BlockedShares.DEFAULT_CYCLE_BUDGET)
                .assess(build(), rules, PartyRef.entity(id(name), name));
    }

    static String id(String name) {
        return DesignatedListings.fold(name).replace(' ', '-');
    }
}
