package org.corridor.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.corridor.audit.Actor;
import org.corridor.audit.Hashing;
import org.corridor.screening.ListReader;
import org.corridor.screening.ListSnapshot;
import org.corridor.screening.ListVersion;
import org.corridor.screening.SanctionsList;
import org.corridor.screening.Screening;
import org.corridor.screening.ShippedLists;

/**
 * The demo's sanctions lists: the snapshot that ships with Corridor, with the three invented
 * listed parties of the worked scenario of docs/domain.md added to its OFAC SDN list (src/main/resources/demo/lists,
 * in OFAC's own layout, read by the ordinary OFAC parser). The result is imported as the SDN
 * version of the demo, under its own digest and a source that says what it is.
 */
final class DemoLists {

    private static final List<String> FILES = List.of("sdn.csv", "alt.csv", "add.csv", "PROVENANCE.md");

    private DemoLists() {}

    static void load(Screening screening, Actor actor, Path dataDir, PrintStream out) {
        Path folder = dataDir.resolve("demo-lists");
        extract(folder);
        ListSnapshot demo = ListReader.readOfacFolder(folder).stream()
                .filter(snapshot -> snapshot.list() == SanctionsList.OFAC_SDN)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the demo list has no SDN entries"));
        out.println("        loading sanctions lists [1/2] OFAC SDN 2024-05-03 (shipped) + " + demo.size()
                + " demo entries ...");
        out.flush();
        ListSnapshot shipped = ShippedLists.load(Set.of(SanctionsList.OFAC_SDN)).get(0);
        List<org.corridor.screening.ListedEntity> entities = new ArrayList<>(shipped.entities());
        entities.addAll(demo.entities());
        ListVersion sdn = screening.importSnapshot(
                actor,
                new ListSnapshot(
                        SanctionsList.OFAC_SDN,
                        shipped.publishedOn(),
                        Hashing.sha256Hex(shipped.sourceSha256() + demo.sourceSha256()),
                        entities),
                "shipped OFAC SDN " + shipped.publishedOn() + " + Corridor demo entries (demo/lists/PROVENANCE.md)");
        out.println("        loading sanctions lists [2/2] OFAC non-SDN, UN, UK, EU (shipped) ...");
        out.flush();
        screening.importShipped(actor);
        StringBuilder summary = new StringBuilder("sanctions lists active:");
        screening
                .active()
                .values()
                .forEach(version -> summary.append(' ')
                        .append(version.list())
                        .append(' ')
                        .append(String.format("%,d", version.entityCount())));
        out.println("        " + summary + " (SDN version " + sdn.label() + ")");
        out.flush();
    }

    private static void extract(Path folder) {
        try {
            Files.createDirectories(folder);
            for (String file : FILES) {
                try (InputStream in = DemoLists.class.getResourceAsStream("/demo/lists/" + file)) {
                    if (in == null) {
                        throw new IllegalStateException("the demo list file " + file + " is missing from the jar");
                    }
                    Files.write(folder.resolve(file), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo lists into " + folder, e);
        }
    }
}
