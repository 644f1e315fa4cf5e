package org.corridor.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.corridor.app.Config;
import org.corridor.csv.CsvRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The name index kept on disk answers exactly as the one built in memory: the same hits, scores
 * and explanations, whether this process built the folder or a later one opens it.
 */
class ScreeningIndexTest {

    private static final ScreeningOptions ALL_HITS = new ScreeningOptions(0.5, 20);

    @TempDir
    static Path folder;

    private static List<ListSnapshot> lists;
    private static Screener inMemory;

    @BeforeAll
    static void build() {
        lists = ShippedLists.load(EnumSet.of(SanctionsList.UN, SanctionsList.EU));
        inMemory = Screener.ofSnapshots(lists);
    }

    @Test
    void an_index_opened_from_disk_answers_as_the_one_built_in_memory() {
        Screener built = Screener.ofSnapshots(lists, folder);
        Screener opened = Screener.ofSnapshots(lists, folder);

        List<Party> parties = parties();
        List<String> expected = answers(inMemory, parties);
        assertThat(answers(built, parties)).isEqualTo(expected);
        assertThat(answers(opened, parties)).isEqualTo(expected);
        assertThat(expected).anyMatch(answer -> answer.contains("UN:"));
    }

    @Test
    void the_evaluation_sets_get_the_same_answers_from_the_index_on_disk() {
        List<CsvRecord> positives = firstRows("positives_un_treated.csv", 200);
        List<CsvRecord> negatives = firstRows("negatives_global.csv", 300);
        Screener opened = Screener.ofSnapshots(lists, folder);
        List<Party> parties = new ArrayList<>();
        for (CsvRecord row : positives) {
            parties.add(Evaluations.person(row, true));
            parties.add(Evaluations.person(row, false));
        }
        for (CsvRecord row : negatives) {
            parties.add(Evaluations.person(row, true));
        }

        assertThat(answers(opened, parties)).isEqualTo(answers(inMemory, parties));
    }

    @Test
    void a_later_process_opens_the_folder_instead_of_building_it_again() throws IOException {
        Screener.ofSnapshots(lists, folder);
        Path tables = ScreeningIndex.folder(folder, lists).resolve("tables.bin");
        FileTime written = Files.getLastModifiedTime(tables);

        Screener.ofSnapshots(lists, folder);

        assertThat(Files.getLastModifiedTime(tables)).isEqualTo(written);
    }

    @Test
    void other_list_versions_get_an_index_of_their_own() {
        List<ListSnapshot> unOnly =
                lists.stream().filter(list -> list.list() == SanctionsList.UN).toList();

        assertThat(ScreeningIndex.folder(folder, unOnly)).isNotEqualTo(ScreeningIndex.folder(folder, lists));
    }

    @Test
    void a_damaged_index_is_built_again_and_still_answers_the_same() throws IOException {
        List<ListSnapshot> euOnly =
                lists.stream().filter(list -> list.list() == SanctionsList.EU).toList();
        Screener.ofSnapshots(euOnly, folder);
        Path tables = ScreeningIndex.folder(folder, euOnly).resolve("tables.bin");
        Files.write(tables, new byte[] {1, 2, 3});

        Screener rebuilt = Screener.ofSnapshots(euOnly, folder);

        List<Party> parties = parties();
        assertThat(answers(rebuilt, parties)).isEqualTo(answers(Screener.ofSnapshots(euOnly), parties));
        assertThat(Files.size(tables)).isGreaterThan(3);
    }

    @Test
    void the_index_is_kept_in_the_data_folder_unless_configured_elsewhere_or_in_memory() {
        Path data = Path.of("data");

        assertThat(Config.fromEnvironment(Map.of()).safeguards().screeningIndexIn(data))
                .contains(data.resolve("screening-index"));
        assertThat(Config.fromEnvironment(Map.of("CORRIDOR_SCREENING_INDEX", "/srv/index"))
                        .safeguards()
                        .screeningIndexIn(data))
                .contains(Path.of("/srv/index"));
        assertThat(Config.fromEnvironment(Map.of("CORRIDOR_SCREENING_INDEX", "memory"))
                        .safeguards()
                        .screeningIndexIn(data))
                .isEmpty();
    }

    /**
     * Listed names with a letter dropped, untyped and as persons, names in other scripts, and
     * made-up names that should clear.
     */
    private static List<Party> parties() {
        List<Party> parties = new ArrayList<>();
        int n = 0;
        for (ListSnapshot list : lists) {
            for (ListedEntity entity : list.entities()) {
                if (n++ % 11 != 0) {
                    continue;
                }
                String name = entity.primaryName();
                String damaged = name.length() > 6 ? name.substring(0, 3) + name.substring(4) : name;
                parties.add(Party.named(damaged));
                parties.add(Party.named(name.toLowerCase(Locale.ROOT)).withType(entity.type()));
            }
        }
        for (String name : List.of(
                "قاسم سليماني",
                "Ким Чен Ын",
                "金正恩",
                "M a h a n  A i r",
                "OSAMABINLADEN",
                "Maria Gonzalez",
                "Acme Widgets Ltd",
                "Peter Johansson")) {
            parties.add(Party.named(name));
        }
        return parties;
    }

    /** Every hit of every party as text: entity, matched name, score and each line of why. */
    private static List<String> answers(Screener screener, List<Party> parties) {
        return parties.stream()
                .map(party -> party.name() + " -> "
                        + screener.screen(party, ALL_HITS).hits().stream()
                                .map(hit -> hit.entity().key() + " '"
                                        + hit.matchedName().text() + "' " + hit.score() + " " + hit.why())
                                .toList())
                .toList();
    }

    /** The first rows of an evaluation file; the test skips where the evaluation data is absent. */
    private static List<CsvRecord> firstRows(String file, int rows) {
        List<CsvRecord> all = EvaluationData.csv(EvaluationData.require(Evaluations.YENTE + file));
        return all.subList(0, Math.min(rows, all.size()));
    }
}
