package org.corridor.ownership;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * The blocked shares of one party, computed over the part of the graph upstream of it.
 *
 * <p>Two figures, both sums over simple paths of the product of the shares along the path:
 *
 * <ul>
 *   <li>the <em>listed path share</em>: paths that start at a listed owner and pass only through
 *       owners that are not listed (a listed owner's own holders are already counted in full at it);
 *   <li>the <em>blocked share</em>, OFAC's cascade: an owner whose own blocked share reaches 50% is
 *       blocked and its holdings count in full, so paths start at any blocked owner (listed or
 *       blocked by ownership) and pass only through owners that are not blocked.
 * </ul>
 *
 * <p>Owners are processed one strongly connected component at a time, owners before the owned, so
 * an acyclic graph is one linear pass. Inside a cycle (A owns B owns A) the simple paths are
 * enumerated with a step budget, and the cascade repeats until no further owner becomes blocked.
 * Alongside each sum it keeps the best single path (as a double), which guides the search for the
 * largest paths. Arithmetic in {@link Proportion}s. Not thread-safe; one instance per query.
 */
final class BlockedShares {

    /** Steps of simple-path enumeration allowed inside cycles, per query. */
    static final long DEFAULT_CYCLE_BUDGET = 2_000_000;

    private final OwnershipGraph graph;
    private final int[] nodes;
    private final int[] localOf;
    private final int[] component;
    private final boolean[] cyclic;
    private final boolean[] listed;
    private final boolean[] blocked;
    private final long[] listedShare;
    private final long[] blockedShare;
    private final double[] bestListedPath;
    private final double[] bestBlockedPath;
    private final boolean[] onPath;
    private long budget;
    private boolean searchLimited;

    private BlockedShares(OwnershipGraph graph, int[] nodes, int[] localOf, IntPredicate isListed, long budget) {
        this.graph = graph;
        this.nodes = nodes;
        this.localOf = localOf;
        int count = nodes.length;
        this.component = new int[count];
        this.cyclic = new boolean[count];
        this.listed = new boolean[count];
        this.blocked = new boolean[count];
        this.listedShare = new long[count];
        this.blockedShare = new long[count];
        this.bestListedPath = new double[count];
        this.bestBlockedPath = new double[count];
        this.onPath = new boolean[count];
        this.budget = budget;
        for (int local = 0; local < count; local++) {
            listed[local] = isListed.test(nodes[local]);
        }
    }

    /**
     * Computes the shares of {@code party} and of everything upstream of it and of its controllers.
     *
     * @param listedAmong given the upstream parties (by graph index), says which of them are listed
     */
    static BlockedShares of(
            OwnershipGraph graph, int party, Function<int[], IntPredicate> listedAmong, long cycleBudget) {
        int[] localOf = new int[graph.size()];
        Arrays.fill(localOf, -1);
        int[] nodes = upstream(graph, seeds(graph, party), localOf);
        BlockedShares shares = new BlockedShares(graph, nodes, localOf, listedAmong.apply(nodes), cycleBudget);
        shares.compute();
        return shares;
    }

    /** The parties whose upstream we need: the party and whoever controls it. */
    private static int[] seeds(OwnershipGraph graph, int party) {
        List<OwnershipGraph.Edge> controls = graph.controlInto(party);
        int[] seeds = new int[1 + controls.size()];
        seeds[0] = party;
        for (int i = 0; i < controls.size(); i++) {
            seeds[i + 1] = controls.get(i).owner();
        }
        return seeds;
    }

    /** Every party with an ownership path to one of the seeds, seeds included; fills {@code localOf}. */
    private static int[] upstream(OwnershipGraph graph, int[] seeds, int[] localOf) {
        int[] found = new int[Math.max(16, seeds.length)];
        int size = 0;
        for (int seed : seeds) {
            if (localOf[seed] < 0) {
                localOf[seed] = size;
                found[size++] = seed;
            }
        }
        for (int next = 0; next < size; next++) {
            int party = found[next];
            for (int position = graph.ownersFrom(party); position < graph.ownersTo(party); position++) {
                int owner = graph.edge(graph.inEdge(position)).owner();
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

    private void compute() {
        for (int[] members : componentsOwnersFirst()) {
            if (members.length == 1) {
                int node = members[0];
                listedShare[node] = acyclicSum(node, listed, listedShare);
                bestListedPath[node] = acyclicBest(node, listed, bestListedPath);
                blockedShare[node] = acyclicSum(node, blocked, blockedShare);
                bestBlockedPath[node] = acyclicBest(node, blocked, bestBlockedPath);
                blocked[node] = listed[node] || Proportion.reaches(blockedShare[node], Proportion.HALF);
            } else {
                computeCycle(members);
            }
        }
    }

    /** Sum over the owners of a party outside any cycle: a source counts in full, others by their own share. */
    private long acyclicSum(int node, boolean[] source, long[] value) {
        long sum = 0;
        int party = nodes[node];
        for (int position = graph.ownersFrom(party); position < graph.ownersTo(party); position++) {
            int edge = graph.inEdge(position);
            int owner = localOf[graph.edge(edge).owner()];
            long weight = source[owner] ? Proportion.ONE : value[owner];
            if (weight != 0) {
                sum += Proportion.multiply(graph.proportion(edge), weight);
            }
        }
        return Math.min(sum, Proportion.ONE);
    }

    private double acyclicBest(int node, boolean[] source, double[] best) {
        double max = 0;
        int party = nodes[node];
        for (int position = graph.ownersFrom(party); position < graph.ownersTo(party); position++) {
            int edge = graph.inEdge(position);
            int owner = localOf[graph.edge(edge).owner()];
            max = Math.max(max, graph.fractionAsDouble(edge) * (source[owner] ? 1.0 : best[owner]));
        }
        return max;
    }

    private void computeCycle(int[] members) {
        for (int node : members) {
            listedShare[node] = simplePathSum(node, listed, listedShare);
            blocked[node] = listed[node];
        }
        // The cascade inside a cycle: an owner that becomes blocked changes the sums of the others,
        // so repeat until nothing changes; each round blocks at least one more, or stops.
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int node : members) {
                blockedShare[node] = simplePathSum(node, blocked, blockedShare);
            }
            for (int node : members) {
                if (!blocked[node] && Proportion.reaches(blockedShare[node], Proportion.HALF)) {
                    blocked[node] = true;
                    changed = true;
                }
            }
        }
        cycleBest(members, listed, bestListedPath);
        cycleBest(members, blocked, bestBlockedPath);
    }

    /**
     * The best single path into each member of a cycle. Going round a cycle never raises a product
     * (no share exceeds 100%), so relaxing the edges as many times as the cycle has members finds it.
     */
    private void cycleBest(int[] members, boolean[] source, double[] best) {
        for (int node : members) {
            best[node] = 0;
        }
        for (int round = 0; round <= members.length; round++) {
            for (int node : members) {
                best[node] = Math.max(best[node], acyclicBest(node, source, best));
            }
        }
    }

    /**
     * Sum over simple paths ending at {@code target} that start at a source: enumerated backwards
     * inside the target's component; owners outside it contribute their already computed value.
     */
    private long simplePathSum(int target, boolean[] source, long[] value) {
        int targetComponent = component[target];
        long sum = 0;
        ArrayDeque<long[]> frames = new ArrayDeque<>(); // {node, next position, product so far}
        frames.push(new long[] {target, graph.ownersFrom(nodes[target]), Proportion.ONE});
        onPath[target] = true;
        while (!frames.isEmpty()) {
            long[] frame = frames.peek();
            int node = (int) frame[0];
            if (frame[1] >= graph.ownersTo(nodes[node])) {
                frames.pop();
                onPath[node] = false;
                continue;
            }
            if (--budget < 0) {
                searchLimited = true;
                frames.forEach(open -> onPath[(int) open[0]] = false);
                return Math.min(sum, Proportion.ONE);
            }
            int edge = graph.inEdge((int) frame[1]++);
            int owner = localOf[graph.edge(edge).owner()];
            long reached = Proportion.multiply(frame[2], graph.proportion(edge));
            if (component[owner] != targetComponent) {
                sum += source[owner] ? reached : Proportion.multiply(reached, value[owner]);
            } else if (source[owner]) {
                sum += reached;
            } else if (!onPath[owner]) {
                onPath[owner] = true;
                frames.push(new long[] {owner, graph.ownersFrom(nodes[owner]), reached});
            }
        }
        return Math.min(sum, Proportion.ONE);
    }

    /**
     * Tarjan's algorithm, iterative (chains of 100,000 owners must not overflow the stack), walking
     * from each party to its owners. A component is finished only after every component it reaches,
     * so the components come out owners first.
     */
    private List<int[]> componentsOwnersFirst() {
        return new Tarjan().components();
    }

    /** One run of Tarjan's algorithm: the visit order, the component stack and the explicit call stack. */
    private final class Tarjan {
        private final int[] order = new int[nodes.length];
        private final int[] low = new int[nodes.length];
        private final boolean[] onStack = new boolean[nodes.length];
        private final int[] stack = new int[nodes.length];
        private final int[] callNode = new int[nodes.length];
        private final int[] callPosition = new int[nodes.length];
        private final List<int[]> components = new ArrayList<>();
        private int stackSize;
        private int callSize;
        private int counter;

        List<int[]> components() {
            Arrays.fill(order, -1);
            for (int start = 0; start < nodes.length; start++) {
                if (order[start] < 0) {
                    enter(start);
                    walk();
                }
            }
            return components;
        }

        /** Numbers a party, puts it on the component stack and calls into it. */
        private void enter(int node) {
            order[node] = low[node] = counter++;
            stack[stackSize++] = node;
            onStack[node] = true;
            callNode[callSize] = node;
            callPosition[callSize++] = graph.ownersFrom(nodes[node]);
        }

        /** Follows owners until the call stack is empty, finishing each party once its owners are done. */
        private void walk() {
            while (callSize > 0) {
                int node = callNode[callSize - 1];
                if (callPosition[callSize - 1] < graph.ownersTo(nodes[node])) {
                    int edge = graph.inEdge(callPosition[callSize - 1]++);
                    int owner = localOf[graph.edge(edge).owner()];
                    if (order[owner] < 0) {
                        enter(owner);
                    } else if (onStack[owner]) {
                        low[node] = Math.min(low[node], order[owner]);
                    }
                } else {
                    finish(node);
                }
            }
        }

        /** Returns from a party; the root of a component takes the whole component off the stack. */
        private void finish(int node) {
            callSize--;
            if (callSize > 0) {
                int caller = callNode[callSize - 1];
                low[caller] = Math.min(low[caller], low[node]);
            }
            if (low[node] == order[node]) {
                popComponent(node);
            }
        }

        private void popComponent(int root) {
            int id = components.size();
            int end = stackSize;
            int member;
            do {
                member = stack[--stackSize];
                onStack[member] = false;
                component[member] = id;
            } while (member != root);
            int[] members = Arrays.copyOfRange(stack, stackSize, end);
            if (members.length > 1) {
                for (int each : members) {
                    cyclic[each] = true;
                }
            }
            components.add(members);
        }
    }

    boolean inUpstream(int party) {
        return localOf[party] >= 0;
    }

    boolean listed(int party) {
        return listed[localOf[party]];
    }

    boolean blocked(int party) {
        return blocked[localOf[party]];
    }

    /** The listed path share of a party as a {@link Proportion}. */
    long listedShare(int party) {
        return listedShare[localOf[party]];
    }

    /** The cascade's blocked share of a party as a {@link Proportion}. */
    long blockedShare(int party) {
        return blockedShare[localOf[party]];
    }

    /** The product of the best single path from a listed owner (or a blocked one) into a party. */
    double bestPath(int party, boolean fromBlocked) {
        return fromBlocked ? bestBlockedPath[localOf[party]] : bestListedPath[localOf[party]];
    }

    boolean cyclic(int party) {
        return cyclic[localOf[party]];
    }

    /** True when a cycle held more simple paths than the budget allowed: the shares are then lower bounds. */
    boolean searchLimited() {
        return searchLimited;
    }

    int upstreamSize() {
        return nodes.length;
    }
}
