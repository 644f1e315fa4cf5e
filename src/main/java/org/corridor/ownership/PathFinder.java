package org.corridor.ownership;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Finds the largest contributing paths into a party, largest first, without enumerating them all
 * (a deep graph has more paths than atoms): a best-first search backwards from the party, where a
 * partial path's priority is its product so far times the best single path still reachable behind
 * its first owner. That estimate is never below the true best completion, so complete paths come
 * out in order of size. The search stops after a number of paths or steps; the assessment says
 * whether the listed paths cover the whole share. Not thread-safe.
 */
final class PathFinder {

    /** A path from a source owner (first) to the assessed party (last), with the edges between them. */
    record FoundPath(int[] parties, int[] edges, long product) {}

    /** Whose paths: from listed owners through unlisted ones, or from blocked owners through unblocked ones. */
    enum Sources {
        LISTED,
        BLOCKED
    }

    private static final class Partial {
        final int party;
        final long product;
        final Partial towardTarget;
        final int edge;
        final int depth;
        final double priority;
        final long sequence;

        Partial(int party, long product, Partial towardTarget, int edge, double priority, long sequence) {
            this.party = party;
            this.product = product;
            this.towardTarget = towardTarget;
            this.edge = edge;
            this.depth = towardTarget == null ? 0 : towardTarget.depth + 1;
            this.priority = priority;
            this.sequence = sequence;
        }

        boolean passesThrough(int other) {
            for (Partial step = this; step != null; step = step.towardTarget) {
                if (step.party == other) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final Comparator<Partial> LARGEST_FIRST = Comparator.comparingDouble(
                    (Partial partial) -> partial.priority)
            .reversed()
            .thenComparingInt(partial -> partial.depth)
            .thenComparingLong(partial -> partial.sequence);

    private PathFinder() {}

    static List<FoundPath> largest(
            OwnershipGraph graph, BlockedShares shares, int target, Sources sources, int limit, int maxSteps) {
        List<FoundPath> found = new ArrayList<>();
        boolean fromBlocked = sources == Sources.BLOCKED;
        double best = shares.bestPath(target, fromBlocked);
        if (best <= 0) {
            return found;
        }
        PriorityQueue<Partial> queue = new PriorityQueue<>(LARGEST_FIRST);
        long sequence = 0;
        queue.add(new Partial(target, Proportion.ONE, null, -1, best, sequence++));
        int steps = 0;
        while (!queue.isEmpty() && found.size() < limit && steps < maxSteps) {
            Partial partial = queue.poll();
            if (partial.party != target && isSource(shares, partial.party, fromBlocked)) {
                found.add(path(partial));
                continue;
            }
            steps++;
            for (int position = graph.ownersFrom(partial.party); position < graph.ownersTo(partial.party); position++) {
                int edge = graph.inEdge(position);
                int owner = graph.edge(edge).owner();
                // Only parties on a cycle can come round again; others need no check.
                if ((owner == target || shares.cyclic(owner)) && partial.passesThrough(owner)) {
                    continue;
                }
                long reached = Proportion.multiply(partial.product, graph.proportion(edge));
                double estimate = Proportion.toDouble(reached)
                        * (isSource(shares, owner, fromBlocked) ? 1.0 : shares.bestPath(owner, fromBlocked));
                if (reached > 0 && estimate > 0) {
                    queue.add(new Partial(owner, reached, partial, edge, estimate, sequence++));
                }
            }
        }
        // Doubles order the search; the exact products order the answer.
        found.sort(Comparator.comparingLong(FoundPath::product).reversed());
        return found;
    }

    private static boolean isSource(BlockedShares shares, int party, boolean fromBlocked) {
        return fromBlocked ? shares.blocked(party) : shares.listed(party);
    }

    private static FoundPath path(Partial start) {
        int[] parties = new int[start.depth + 1];
        int[] edges = new int[start.depth];
        int i = 0;
        for (Partial step = start; step != null; step = step.towardTarget) {
            parties[i] = step.party;
            if (step.towardTarget != null) {
                edges[i] = step.edge;
            }
            i++;
        }
        return new FoundPath(parties, edges, start.product);
    }
}
