package org.corridor.ownership;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of the current ownership graph at one version: parties by dense index,
 * the ownership edges into each party (compressed rows, for walking owners quickly), control edges
 * and explicit designations. Thread-safe because it never changes; a newer version is a new
 * snapshot.
 */
final class OwnershipGraph {

    /** One current edge of the graph. {@code share} is empty for control. */
    record Edge(int owner, int owned, EdgeKind kind, Optional<SharePercent> share, String source, LocalDate asOf) {}

    private final long version;
    private final List<PartyRef> parties;
    private final Map<String, Integer> index;
    private final Edge[] ownershipEdges;
    private final long[] proportions;
    private final double[] fractions;
    private final int[] inStart;
    private final int[] inEdges;
    private final Map<Integer, List<Edge>> controlInto;
    private final Map<Integer, List<Listing>> designations;

    private OwnershipGraph(
            long version,
            List<PartyRef> parties,
            Map<String, Integer> index,
            List<Edge> ownership,
            Map<Integer, List<Edge>> controlInto,
            Map<Integer, List<Listing>> designations) {
        this.version = version;
        this.parties = List.copyOf(parties);
        this.index = Map.copyOf(index);
        this.controlInto = Map.copyOf(controlInto);
        this.designations = Map.copyOf(designations);
        int partyCount = parties.size();
        this.ownershipEdges = ownership.toArray(new Edge[0]);
        this.proportions = new long[ownershipEdges.length];
        this.fractions = new double[ownershipEdges.length];
        this.inStart = new int[partyCount + 1];
        this.inEdges = new int[ownershipEdges.length];
        for (Edge edge : ownershipEdges) {
            inStart[edge.owned() + 1]++;
        }
        for (int party = 0; party < partyCount; party++) {
            inStart[party + 1] += inStart[party];
        }
        int[] next = inStart.clone();
        for (int e = 0; e < ownershipEdges.length; e++) {
            proportions[e] = Proportion.of(ownershipEdges[e].share().orElseThrow());
            fractions[e] = Proportion.toDouble(proportions[e]);
            inEdges[next[ownershipEdges[e].owned()]++] = e;
        }
    }

    long version() {
        return version;
    }

    int size() {
        return parties.size();
    }

    int edgeCount() {
        return ownershipEdges.length;
    }

    Optional<Integer> indexOf(String partyId) {
        return Optional.ofNullable(index.get(partyId));
    }

    PartyRef party(int party) {
        return parties.get(party);
    }

    List<PartyRef> parties() {
        return parties;
    }

    /** The first and one-past-last positions of {@code party}'s owners in {@link #inEdge}. */
    int ownersFrom(int party) {
        return inStart[party];
    }

    int ownersTo(int party) {
        return inStart[party + 1];
    }

    /** The edge at a position of the owners' rows. */
    int inEdge(int position) {
        return inEdges[position];
    }

    Edge edge(int edge) {
        return ownershipEdges[edge];
    }

    /** An edge's share as an exact {@link Proportion}. */
    long proportion(int edge) {
        return proportions[edge];
    }

    /** An edge's share as a double, for ordering the path search only. */
    double fractionAsDouble(int edge) {
        return fractions[edge];
    }

    /** The hops of a path given by its edges, with each edge's evidence. */
    List<OwnershipPath.Hop> hops(int[] path) {
        List<OwnershipPath.Hop> hops = new ArrayList<>(path.length);
        for (int index : path) {
            Edge edge = ownershipEdges[index];
            hops.add(new OwnershipPath.Hop(
                    party(edge.owner()), party(edge.owned()), edge.share().orElseThrow(), edge.source(), edge.asOf()));
        }
        return hops;
    }

    List<Edge> controlInto(int party) {
        return controlInto.getOrDefault(party, List.of());
    }

    List<Listing> designations(int party) {
        return designations.getOrDefault(party, List.of());
    }

    Map<Integer, List<Listing>> allDesignations() {
        return designations;
    }

    static Builder builder(long version) {
        return new Builder(version);
    }

    /** Collects parties, current edges and designations; not thread-safe. */
    static final class Builder {
        private final long version;
        private final List<PartyRef> parties = new ArrayList<>();
        private final Map<String, Integer> index = new HashMap<>();
        private final List<Edge> ownership = new ArrayList<>();
        private final Map<Integer, List<Edge>> control = new HashMap<>();
        private final Map<Integer, List<Listing>> designations = new HashMap<>();

        private Builder(long version) {
            this.version = version;
        }

        Builder party(PartyRef party) {
            Integer existing = index.get(party.id());
            if (existing != null) {
                parties.set(existing, party);
            } else {
                index.put(party.id(), parties.size());
                parties.add(party);
            }
            return this;
        }

        /** Adds a current edge; ended edges, zero shares and self-ownership carry nothing and are left out. */
        Builder edge(
                String ownerId,
                String ownedId,
                EdgeKind kind,
                Optional<SharePercent> share,
                boolean ended,
                String source,
                LocalDate asOf) {
            if (ended || ownerId.equals(ownedId)) {
                return this;
            }
            int owner = require(ownerId);
            int owned = require(ownedId);
            Edge edge = new Edge(owner, owned, kind, share, source, asOf);
            if (kind == EdgeKind.CONTROL) {
                control.computeIfAbsent(owned, key -> new ArrayList<>()).add(edge);
            } else if (share.isPresent() && !share.get().isZero()) {
                ownership.add(edge);
            }
            return this;
        }

        Builder designation(String partyId, Listing listing) {
            designations
                    .computeIfAbsent(require(partyId), key -> new ArrayList<>())
                    .add(listing);
            return this;
        }

        private int require(String partyId) {
            Integer found = index.get(partyId);
            if (found == null) {
                throw new IllegalArgumentException("edge names an unknown party: " + partyId);
            }
            return found;
        }

        OwnershipGraph build() {
            Map<Integer, List<Edge>> controlCopy = new HashMap<>();
            control.forEach((party, edges) -> controlCopy.put(party, List.copyOf(edges)));
            Map<Integer, List<Listing>> designationCopy = new HashMap<>();
            designations.forEach((party, listings) -> designationCopy.put(party, List.copyOf(listings)));
            return new OwnershipGraph(version, parties, index, ownership, controlCopy, designationCopy);
        }
    }
}
