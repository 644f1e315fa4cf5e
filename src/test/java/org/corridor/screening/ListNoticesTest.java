package org.corridor.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 16: stale lists and the shipped samples are named wherever the lists show. */
class ListNoticesTest {

    private static final Actor ADMIN = new Actor("admin", "ADMIN");

    private static MutableClock clock;
    private static Corridor corridor;
    private static Screening screening;

    @BeforeAll
    static void open() {
        clock = MutableClock.at("2026-03-01T08:00:00Z");
        corridor =
                TestCorridor.create(clock, Map.of("CORRIDOR_LISTS_MAX_AGE", "7d", "CORRIDOR_LISTS_MAX_AGE_UN", "30d"));
        screening = corridor.screening();
        screening.importSnapshots(
                ADMIN, ShippedLists.load(EnumSet.of(SanctionsList.UK, SanctionsList.EU)), "shipped with Corridor");
        screening.importSnapshot(ADMIN, dated(SanctionsList.UN, "2026-02-27"), "un");
        screening.importSnapshot(ADMIN, dated(SanctionsList.OFAC_SDN, ""), "ofac, undated");
    }

    @AfterAll
    static void close() {
        corridor.close();
    }

    @Test
    void the_shipped_uk_and_eu_files_are_labelled_as_a_2018_file_and_a_format_sample() {
        List<ListNotice> samples = kinds("LIST_SAMPLE");

        assertThat(samples).extracting(ListNotice::list).containsExactly(SanctionsList.UK, SanctionsList.EU);
        assertThat(samples.get(0).message()).contains("13/04/2018").contains("not today's UK list");
        assertThat(samples.get(1).message()).contains("93-entity format sample").contains("not the EU list");
    }

    @Test
    void a_list_is_stale_after_its_own_maximum_age_counted_from_its_publication_date_else_its_import() {
        Instant start = clock.instant();
        try {
            // UK (2018) and EU (2018) by their publication dates; UN (2026-02-27) within its 30 days,
            // OFAC SDN without a date counts from its import.
            assertThat(kinds("LIST_STALE"))
                    .extracting(ListNotice::list)
                    .containsExactly(SanctionsList.UK, SanctionsList.EU);

            clock.advance(Duration.ofDays(8));
            assertThat(kinds("LIST_STALE"))
                    .extracting(ListNotice::list)
                    .containsExactly(SanctionsList.OFAC_SDN, SanctionsList.UK, SanctionsList.EU);

            clock.advance(Duration.ofDays(25));
            ListNotice un = kinds("LIST_STALE").stream()
                    .filter(n -> n.list() == SanctionsList.UN)
                    .findFirst()
                    .orElseThrow();
            assertThat(un.message()).contains("older than the 30 days allowed").contains("publication date");
        } finally {
            clock.set(start);
        }
    }

    @Test
    void publication_dates_are_read_in_the_forms_the_files_give_them() {
        assertThat(ListNotices.published("2024-05-03")).contains(Instant.parse("2024-05-03T00:00:00Z"));
        assertThat(ListNotices.published("2024-05")).contains(Instant.parse("2024-05-01T00:00:00Z"));
        assertThat(ListNotices.published("Fri, 03 May 2024 10:15:00 GMT"))
                .contains(Instant.parse("2024-05-03T10:15:00Z"));
        assertThat(ListNotices.published("")).isEmpty();
        assertThat(ListNotices.published("soon")).isEmpty();
    }

    private static List<ListNotice> kinds(String kind) {
        return screening.notices().stream().filter(n -> n.kind().equals(kind)).toList();
    }

    private static ListSnapshot dated(SanctionsList list, String publishedOn) {
        ListSnapshot base = ListQuarantineTest.list(list, 5, 0, "notices");
        return new ListSnapshot(list, publishedOn, base.sourceSha256(), base.entities());
    }
}
