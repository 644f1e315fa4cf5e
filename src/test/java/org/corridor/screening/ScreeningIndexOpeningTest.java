package org.corridor.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.testing.TempFolders;
import org.corridor.testing.TestCorridor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A later process opens the active lists' index from its folder, which holds the listed entities
 * too: it reads no list version from the database, and answers as the process that built it and
 * as an index built in memory.
 */
class ScreeningIndexOpeningTest {

    private static final Actor ANALYST = new Actor("analyst", "COMPLIANCE_REVIEWER");
    private static final ScreeningOptions ALL_HITS = new ScreeningOptions(0.5, 20);

    private static Path indexes;
    private static Corridor corridor;
    private static List<ListSnapshot> lists;

    @BeforeAll
    static void importLists() {
        indexes = TempFolders.create("corridor-test-index-opening");
        corridor = TestCorridor.create(Clock.systemUTC(), Map.of("CORRIDOR_SCREENING_INDEX", indexes.toString()));
        lists = ShippedLists.load(EnumSet.of(SanctionsList.UN, SanctionsList.EU));
        corridor.screening().importSnapshots(ANALYST, lists, "shipped UN and EU");
    }

    @AfterAll
    static void close() {
        corridor.close();
    }

    @Test
    void the_importing_process_builds_the_index_from_the_snapshots_in_hand() {
        corridor.screening().screen(Party.named("Kim Jong Un"));

        assertThat(corridor.screening().decodedVersions()).isZero();
    }

    @Test
    void a_later_process_screens_without_reading_a_list_version_from_the_database() {
        Screening later = process(indexes);

        List<String> answers = answers(later);

        assertThat(later.decodedVersions()).isZero();
        assertThat(answers).isEqualTo(answers(Screener.ofSnapshots(lists)));
        assertThat(answers).anyMatch(answer -> answer.contains("UN:"));
    }

    @Test
    void a_later_process_finds_an_entity_by_id_in_the_index_folder() {
        Screening later = process(indexes);
        ListedEntity listed = lists.get(0).entities().get(7);

        ListedEntity found = new EntityMatching(later)
                .entity(ANALYST, FtmEntities.id(listed))
                .value();

        assertThat(found).isEqualTo(listed);
        assertThat(later.decodedVersions()).isZero();
    }

    @Test
    void without_its_folder_a_process_builds_the_index_from_the_database_once_for_every_later_one() {
        Path elsewhere = TempFolders.create("corridor-test-index-elsewhere");
        Screening first = process(elsewhere);
        Screening second = process(elsewhere);

        List<String> built = answers(first);
        List<String> opened = answers(second);

        assertThat(first.decodedVersions()).isEqualTo(lists.size());
        assertThat(second.decodedVersions()).isZero();
        assertThat(opened).isEqualTo(built);
    }

    /** Another process on the same database, its index folder at {@code folder}. */
    private static Screening process(Path folder) {
        return new Screening(
                corridor.database().transactions(),
                corridor.audit(),
                Clock.systemUTC(),
                ListPolicy.DEFAULT,
                Optional.of(folder));
    }

    private static List<String> answers(Screening screening) {
        return answers(screening.pinned().screener());
    }

    private static List<String> answers(Screener screener) {
        return List.of("Kim Jong Un", "Ким Чен Ын", "Osama bin Laden", "Maria Gonzalez", "Al-Qaida", "Mahan Air")
                .stream()
                .map(name -> name + " -> "
                        + screener.screen(Party.named(name), ALL_HITS).hits().stream()
                                .map(hit -> hit.entity().key() + " '"
                                        + hit.matchedName().text() + "' " + hit.score() + " " + hit.why())
                                .toList())
                .toList();
    }
}
