package org.corridor.ownership;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * One regime's ownership rule over the part of the graph upstream of a party (through ownership
 * and control): who is blocked, and the share that blocked persons hold directly in each party.
 *
 * <p>Only holdings of blocked persons count, in full; nothing is multiplied through a party that
 * is not blocked. A party becomes blocked when the holdings of its blocked owners reach the
 * regime's threshold (OFAC: 50% or more; EU and UK: more than 50%), and under the EU and UK rules
 * also when a blocked party controls it. Blocking only ever adds, so a worklist from the designated
 * parties reaches the one least fixed point in linear time, cycles included. The sums are of
 * four-decimal shares, so they are exact. Not thread-safe; one instance per query.
 */
final class RegimeShares {

    /** Why a party counts as blocked under the regime. */
    enum Cause {
        NONE,
        DESIGNATED,
        OWNERSHIP,
        CONTROL
    }

    private final OwnershipGraph graph;
    private final Regime regime;
    private final int[] localOf;
    private final int[] nodes;
    private final Cause[] cause;
    private final long[] share;

    private RegimeShares(OwnershipGraph graph, Regime regime, int[] localOf, int[] nodes) {
        this.graph = graph;
        this.regime = regime;
        this.localOf = localOf;
        this.nodes = nodes;
        this.cause = new Cause[nodes.length];
        this.share = new long[nodes.length];
        Arrays.fill(cause, Cause.NONE);
    }

    /** Applies {@code regime}'s rule upstream of {@code party}; {@code designated} takes graph indices. */
    static RegimeShares of(OwnershipGraph graph, int party, Regime regime, IntPredicate designated) {
        int[] localOf = new int[graph.size()];
        Arrays.fill(localOf, -1);
        RegimeShares shares = new RegimeShares(graph, regime, localOf, upstream(graph, party, localOf));
        shares.compute(designated);
        return shares;
    }

    /** Every party with a path of ownership or control edges to {@code party}, itself first; graph indices. */
    static int[] upstreamOf(OwnershipGraph graph, int party) {
        int[] localOf = new int[graph.size()];
        Arrays.fill(localOf, -1);
        return upstream(graph, party, localOf);
    }

    private static int[] upstream(OwnershipGraph graph, int party, int[] localOf) {
        int[] found = new int[16];
        int size = 0;
        localOf[party] = size;
        found[size++] = party;
        for (int next = 0; next < size; next++) {
            for (int owner : ownersAndControllers(graph, found[next])) {
                if (localOf[owner] < 0) {
                    if (size == found.length) {
                        found = Arrays.copyOf(found, size * 2);
                    }
                    localOf[owner] = size;
                    found[size++] = owner;
                }
            }
        }
        return Arrays.copyOf(found, size);
    }

    private static int[] ownersAndControllers(OwnershipGraph graph, int party) {
        List<OwnershipGraph.Edge> controls = graph.controlInto(party);
        int owners = graph.ownersTo(party) - graph.ownersFrom(party);
        int[] all = new int[owners + controls.size()];
        for (int i = 0; i < owners; i++) {
            all[i] = graph.edge(graph.inEdge(graph.ownersFrom(party) + i)).owner();
        }
        for (int i = 0; i < controls.size(); i++) {
            all[owners + i] = controls.get(i).owner();
        }
        return all;
    }

    private void compute(IntPredicate designated) {
        List<List<Integer>> held = outgoing();
        List<List<OwnershipGraph.Edge>> controls = controlsHeld();
        ArrayDeque<Integer> blockedQueue = new ArrayDeque<>();
        for (int local = 0; local < nodes.length; local++) {
            if (designated.test(nodes[local])) {
                cause[local] = Cause.DESIGNATED;
                blockedQueue.add(local);
            }
        }
        while (!blockedQueue.isEmpty()) {
            int holder = blockedQueue.poll();
            for (int edge : held.get(holder)) {
                OwnershipGraph.Edge out = graph.edge(edge);
                int owned = localOf[out.owned()];
                if (out.kind() == EdgeKind.OWNERSHIP) {
                    share[owned] += graph.proportion(edge);
                }
                if (cause[owned] == Cause.NONE && meets(share[owned])) {
                    cause[owned] = Cause.OWNERSHIP;
                    blockedQueue.add(owned);
                }
            }
            for (OwnershipGraph.Edge control : controls.get(holder)) {
                int owned = localOf[control.owned()];
                if (regime.controlBlocks() && cause[owned] == Cause.NONE) {
                    cause[owned] = Cause.CONTROL;
                    blockedQueue.add(owned);
                }
            }
        }
    }

    /** For each upstream party, its ownership edges to other upstream parties (edge indices). */
    private List<List<Integer>> outgoing() {
        List<List<Integer>> held = new ArrayList<>(nodes.length);
        for (int local = 0; local < nodes.length; local++) {
            held.add(new ArrayList<>(2));
        }
        for (int node : nodes) {
            for (int position = graph.ownersFrom(node); position < graph.ownersTo(node); position++) {
                int edge = graph.inEdge(position);
                held.get(localOf[graph.edge(edge).owner()]).add(edge);
            }
        }
        return held;
    }

    /** For each upstream party, the control edges it holds into other upstream parties. */
    private List<List<OwnershipGraph.Edge>> controlsHeld() {
        List<List<OwnershipGraph.Edge>> held = new ArrayList<>(nodes.length);
        for (int local = 0; local < nodes.length; local++) {
            held.add(new ArrayList<>(1));
        }
        for (int node : nodes) {
            for (OwnershipGraph.Edge control : graph.controlInto(node)) {
                held.get(localOf[control.owner()]).add(control);
            }
        }
        return held;
    }

    /** OFAC blocks at 50% or more; the EU and the UK at more than 50%. */
    private boolean meets(long value) {
        return regime == Regime.OFAC ? value >= Proportion.HALF : value > Proportion.HALF;
    }

    Cause cause(int party) {
        return cause[localOf[party]];
    }

    boolean blocked(int party) {
        return cause(party) != Cause.NONE;
    }

    /** The share the party's blocked direct owners hold, as a {@link Proportion}; exact. */
    long share(int party) {
        return share[localOf[party]];
    }

    /** The ownership edges into {@code party} held by blocked owners, largest first. */
    List<Integer> blockedHoldings(int party) {
        List<Integer> edges = new ArrayList<>();
        for (int position = graph.ownersFrom(party); position < graph.ownersTo(party); position++) {
            int edge = graph.inEdge(position);
            if (blocked(graph.edge(edge).owner())) {
                edges.add(edge);
            }
        }
        edges.sort((a, b) -> Long.compare(graph.proportion(b), graph.proportion(a)));
        return edges;
    }

    /**
     * The ownership edges into {@code party} held by owners that are not blocked but are controlled
     * by a blocked party: under OFAC control does not block, but what such an owner holds is reviewed.
     */
    List<Integer> controlledHoldings(int party) {
        List<Integer> edges = new ArrayList<>();
        for (int position = graph.ownersFrom(party); position < graph.ownersTo(party); position++) {
            int edge = graph.inEdge(position);
            int owner = graph.edge(edge).owner();
            if (!blocked(owner) && !blockedControllers(owner).isEmpty()) {
                edges.add(edge);
            }
        }
        return edges;
    }

    /** The control edges into {@code party} held by blocked parties. */
    List<OwnershipGraph.Edge> blockedControllers(int party) {
        return graph.controlInto(party).stream()
                .filter(control -> localOf[control.owner()] >= 0 && blocked(control.owner()))
                .toList();
    }

    int upstreamSize() {
        return nodes.length;
    }
}
