package org.corridor.screening;

import java.io.FileNotFoundException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The list snapshot shipped inside the application (see
 * {@code src/main/resources/screening/lists/PROVENANCE.md}): OFAC SDN 2024-05-03, OFAC non-SDN
 * 2025-12-19, UN 2026-02-27, UK 2018-04-13 and an EU 2018 sample. It lets tests and the demo run on
 * a fresh clone; production screens against lists loaded from their publishers.
 */
public final class ShippedLists {

    private static final String ROOT = "/screening/lists/";
    private static final String OFAC_SDN = ROOT + "ofac-sdn-2024-05-03/";
    private static final String OFAC_NON_SDN = ROOT + "ofac-non-sdn-2025-12-19/";

    /** The lists shipped in the application; the others come only from files an operator imports. */
    public static final Set<SanctionsList> SHIPPED = Set.copyOf(EnumSet.of(
            SanctionsList.OFAC_SDN, SanctionsList.OFAC_NON_SDN, SanctionsList.UN, SanctionsList.UK, SanctionsList.EU));

    private ShippedLists() {}

    /** All five shipped lists. */
    public static List<ListSnapshot> load() {
        return load(SHIPPED);
    }

    /** The shipped snapshots of the given lists, parsed in parallel, in {@link SanctionsList} order. */
    public static List<ListSnapshot> load(Set<SanctionsList> lists) {
        return EnumSet.copyOf(lists).stream()
                .parallel()
                .map(ShippedLists::loadOne)
                .toList();
    }

    private static ListSnapshot loadOne(SanctionsList list) {
        return switch (list) {
            case OFAC_SDN ->
                withDate(
                        OfacCsvParser.parse(
                                list,
                                new OfacCsvParser.Files(
                                        "shipped " + OFAC_SDN + "sdn.csv",
                                        resource(OFAC_SDN + "sdn.csv.gz"),
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty())),
                        "2024-05-03");
            case OFAC_NON_SDN ->
                withDate(
                        OfacCsvParser.parse(
                                list,
                                new OfacCsvParser.Files(
                                        "shipped " + OFAC_NON_SDN + "cons_prim.csv",
                                        resource(OFAC_NON_SDN + "cons_prim.csv.gz"),
                                        Optional.of(resource(OFAC_NON_SDN + "cons_add.csv.gz")),
                                        Optional.of(resource(OFAC_NON_SDN + "cons_alt.csv.gz")),
                                        Optional.of(resource(OFAC_NON_SDN + "cons_comments.csv.gz")))),
                        "2025-12-19");
            case UN ->
                UnXmlParser.parse(
                        "shipped UN_consolidated.xml", resource(ROOT + "un-2026-02-27/UN_consolidated.xml.gz"));
            case UK ->
                UkCsvParser.parse(
                        "shipped sanctionsconlist.csv", resource(ROOT + "uk-2018-04-13/sanctionsconlist.csv.gz"));
            case EU ->
                EuCsvParser.parse(
                        "shipped EUSanctionsShort.csv",
                        resource(ROOT + "eu-2018-07-04-sample/EUSanctionsShort.csv.gz"));
            case OPENSANCTIONS -> throw new IllegalArgumentException("no " + list + " snapshot is shipped");
        };
    }

    /** OFAC's CSV carries no date; the shipped copies are dated by their provenance. */
    private static ListSnapshot withDate(ListSnapshot snapshot, String date) {
        return new ListSnapshot(snapshot.list(), date, snapshot.sourceSha256(), snapshot.entities());
    }

    private static StreamOpener resource(String path) {
        return () -> {
            InputStream in = ShippedLists.class.getResourceAsStream(path);
            if (in == null) {
                throw new FileNotFoundException("classpath resource " + path);
            }
            return ListReader.decompressIfNeeded(path, in);
        };
    }
}
