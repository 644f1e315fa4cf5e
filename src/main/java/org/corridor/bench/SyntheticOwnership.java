package org.corridor.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.corridor.csv.CsvWriter;
import org.corridor.ownership.EdgeInput;
import org.corridor.ownership.Ownership;
import org.corridor.ownership.PartyKind;

/**
 * A generated ownership graph of a given size, the same for the same seed, for the large-graph test
 * and the benchmark: twenty layers of holdings where each party is held by five parties of the
 * layer above (together 30% to 90%), pairs of cross-holdings inside layers (cycles), and 2% of the
 * top layer designated as listed. A party in the bottom layer has almost the whole graph upstream.
 */
public final class SyntheticOwnership {

    public static final int LAYERS = 20;
    public static final int OWNERS_EACH = 5;

    private final int width;
    private final List<EdgeInput> rows;

    private SyntheticOwnership(int width, List<EdgeInput> rows) {
        this.width = width;
        this.rows = List.copyOf(rows);
    }

    /** A graph of about {@code edges} ownership edges (95% between layers, 5% cross-holdings). */
    public static SyntheticOwnership generate(int edges, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int width = Math.max(4, (int) ((long) edges * 95 / 100 / (OWNERS_EACH * (LAYERS - 1))));
        List<EdgeInput> rows = new ArrayList<>(edges + width);
        String asOf = "2024-06-30";
        String source = "synthetic register, seed " + seed;
        for (int i = 0; i < width; i++) {
            if (random.nextInt(50) == 0) {
                rows.add(EdgeInput.designate(id(0, i), name(0, i), PartyKind.ENTITY, "DEMO:SYN-" + i, source, asOf));
            }
        }
        int written = 0;
        for (int layer = 1; layer < LAYERS; layer++) {
            for (int i = 0; i < width; i++) {
                int totalBasisPoints = 3_000 + random.nextInt(6_001);
                int[] weights = new int[OWNERS_EACH];
                int weightSum = 0;
                for (int k = 0; k < OWNERS_EACH; k++) {
                    weights[k] = 1 + random.nextInt(100);
                    weightSum += weights[k];
                }
                int[] owners = distinctOwners(random, width);
                for (int k = 0; k < OWNERS_EACH; k++) {
                    int basisPoints = Math.max(1, totalBasisPoints * weights[k] / weightSum);
                    rows.add(edge(layer - 1, owners[k], layer, i, basisPoints, source, asOf));
                    written++;
                }
            }
        }
        // Cross-holdings between neighbours of one layer: disjoint pairs, so every cycle is small.
        int pairs = Math.max(0, (edges - written) / 2);
        int perLayer = width / 2;
        for (int pair = 0; pair < pairs && pair < perLayer * (LAYERS - 1); pair++) {
            int layer = 1 + pair % (LAYERS - 1);
            int left = 2 * (pair / (LAYERS - 1));
            rows.add(edge(layer, left, layer, left + 1, 100 + random.nextInt(400), source, asOf));
            rows.add(edge(layer, left + 1, layer, left, 100 + random.nextInt(400), source, asOf));
        }
        return new SyntheticOwnership(width, rows);
    }

    private static int[] distinctOwners(SplittableRandom random, int width) {
        int[] owners = new int[OWNERS_EACH];
        for (int k = 0; k < OWNERS_EACH; k++) {
            boolean repeated;
            do {
                owners[k] = random.nextInt(width);
                repeated = false;
                for (int j = 0; j < k; j++) {
                    repeated |= owners[j] == owners[k];
                }
            } while (repeated);
        }
        return owners;
    }

    private static EdgeInput edge(
            int ownerLayer, int owner, int ownedLayer, int owned, int basisPoints, String source, String asOf) {
        return new EdgeInput(
                id(ownerLayer, owner),
                name(ownerLayer, owner),
                Optional.empty(),
                Optional.empty(),
                Optional.of(id(ownedLayer, owned)),
                Optional.of(name(ownedLayer, owned)),
                Optional.empty(),
                Optional.of(BigDecimal.valueOf(basisPoints, 2).toPlainString()),
                Optional.empty(),
                source,
                asOf,
                Optional.empty());
    }

    static String id(int layer, int index) {
        return "syn-" + layer + "-" + index;
    }

    private static String name(int layer, int index) {
        return "Synthetic Holding " + layer + "/" + index;
    }

    /** The rows: designations first, then edges. */
    public List<EdgeInput> rows() {
        return rows;
    }

    /** Ownership edges among the rows. */
    public long edgeCount() {
        return rows.stream().filter(row -> row.ownedId().isPresent()).count();
    }

    /** A party of the bottom layer: the largest question the graph can be asked. */
    public String bottomParty(int index) {
        return id(LAYERS - 1, Math.floorMod(index, width));
    }

    /** The rows as a CSV file with the documented header. */
    public String csv() {
        List<List<String>> lines = new ArrayList<>();
        lines.add(Ownership.CSV_COLUMNS);
        for (EdgeInput row : rows) {
            lines.add(List.of(
                    row.ownerId(),
                    row.ownerName(),
                    row.ownerKind().orElse(""),
                    row.ownerListing().orElse(""),
                    row.ownedId().orElse(""),
                    row.ownedName().orElse(""),
                    row.ownedKind().orElse(""),
                    row.sharePercent().orElse(""),
                    row.kind().orElse(""),
                    row.ended().map(String::valueOf).orElse(""),
                    row.source(),
                    row.asOf()));
        }
        return CsvWriter.write(lines, CsvWriter.LF);
    }
}
