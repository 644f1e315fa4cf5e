package org.corridor.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.corridor.ConflictException;
import org.corridor.ForbiddenException;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEntry;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: a list version that drops more than the allowed share of the active version's entities
 * is quarantined, and only a second person activates it. One database for the class; each test
 * works on its own list so that the tests do not meet.
 */
class ListQuarantineTest {

    private static final Actor IMPORTER = new Actor("ivan", "ADMIN");
    private static final Actor REVIEWER = new Actor("rita", "COMPLIANCE_REVIEWER");

    private static MutableClock clock;
    private static Corridor corridor;
    private static Screening screening;

    @BeforeAll
    static void open() {
        clock = MutableClock.at("2026-03-01T08:00:00Z");
        corridor = TestCorridor.create(clock);
        screening = corridor.screening();
    }

    @AfterAll
    static void close() {
        corridor.close();
    }

    @BeforeEach
    void later() {
        clock.advance(java.time.Duration.ofMinutes(1));
    }

    @Test
    void a_list_that_drops_a_quarter_of_its_entities_is_quarantined_and_screening_keeps_the_active_version() {
        ListVersion full = screening.importSnapshot(IMPORTER, list(SanctionsList.OFAC_SDN, 40, 0, "a"), "full");

        ListVersion shrunk = screening.importSnapshot(IMPORTER, list(SanctionsList.OFAC_SDN, 30, 0, "b"), "shrunk");

        assertThat(screening.active().get(SanctionsList.OFAC_SDN)).isEqualTo(full);
        assertThat(screening.quarantined()).extracting(q -> q.version().id()).contains(shrunk.id());
        assertThat(hits("Listed Person Thirtyfive")).contains("OFAC_SDN:E35");
        assertThat(screening.screen(Party.named("Listed Person Thirtyfive")).listVersions())
                .containsEntry(SanctionsList.OFAC_SDN, full.label());
    }

    @Test
    void a_list_that_drops_no_more_than_the_allowed_share_is_activated_at_once() {
        screening.importSnapshot(IMPORTER, list(SanctionsList.OFAC_NON_SDN, 40, 0, "a"), "full");

        ListVersion next = screening.importSnapshot(IMPORTER, list(SanctionsList.OFAC_NON_SDN, 38, 0, "b"), "5%");

        assertThat(screening.active().get(SanctionsList.OFAC_NON_SDN)).isEqualTo(next);
    }

    @Test
    void the_importer_may_neither_confirm_nor_reject_by_any_door_but_a_second_person_confirms() {
        screening.importSnapshot(IMPORTER, list(SanctionsList.UN, 40, 0, "a"), "full");
        ListVersion shrunk = screening.importSnapshot(IMPORTER, list(SanctionsList.UN, 20, 0, "b"), "half");

        assertThatThrownBy(() -> screening.confirmQuarantined(IMPORTER, shrunk.id()))
                .isInstanceOfSatisfying(
                        ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("LIST_SELF_CONFIRMATION"));
        // The console decides nothing, under any name it is given: its name is whatever the OS says.
        for (String console : List.of("cli:ivan", "cli:someone-else")) {
            assertThatThrownBy(() -> screening.confirmQuarantined(new Actor(console, "LOCAL_ADMIN"), shrunk.id()))
                    .isInstanceOfSatisfying(
                            ForbiddenException.class,
                            e -> assertThat(e.code()).isIn("LIST_SELF_CONFIRMATION", "ROLE_NOT_PERMITTED"));
        }
        assertThatThrownBy(() -> screening.rejectQuarantined(IMPORTER, shrunk.id(), "oops"))
                .isInstanceOfSatisfying(
                        ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("LIST_SELF_CONFIRMATION"));
        assertThatThrownBy(() -> screening.confirmQuarantined(new Actor("otto", "OPERATOR"), shrunk.id()))
                .isInstanceOfSatisfying(
                        ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("ROLE_NOT_PERMITTED"));

        ListVersion confirmed = screening.confirmQuarantined(REVIEWER, shrunk.id());

        assertThat(confirmed.id()).isEqualTo(shrunk.id());
        assertThat(screening.active().get(SanctionsList.UN).id()).isEqualTo(shrunk.id());
        assertThat(screening.quarantined()).extracting(q -> q.version().id()).doesNotContain(shrunk.id());
        assertThat(hits("Listed Person Thirtyfive")).doesNotContain("UN:E35");
        AuditEntry entry = lastEntry("screening.list.confirm");
        assertThat(entry.actor()).isEqualTo("rita");
        assertThat(entry.versions()).contains(shrunk.label());
    }

    @Test
    void a_rejected_version_never_becomes_active_and_cannot_be_confirmed_afterwards() {
        ListVersion full = screening.importSnapshot(IMPORTER, list(SanctionsList.UK, 40, 0, "a"), "full");
        ListVersion shrunk = screening.importSnapshot(IMPORTER, list(SanctionsList.UK, 10, 0, "b"), "tiny");

        screening.rejectQuarantined(REVIEWER, shrunk.id(), "truncated download");

        assertThat(screening.active().get(SanctionsList.UK)).isEqualTo(full);
        assertThat(lastEntry("screening.list.reject").actor()).isEqualTo("rita");
        assertThatThrownBy(() -> screening.confirmQuarantined(new Actor("carl", "ADMIN"), shrunk.id()))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("LIST_NOT_QUARANTINED"));
    }

    @Test
    void a_quarantined_version_whose_active_version_was_replaced_since_cannot_be_confirmed() {
        screening.importSnapshot(IMPORTER, list(SanctionsList.EU, 40, 0, "a"), "full");
        ListVersion shrunk = screening.importSnapshot(IMPORTER, list(SanctionsList.EU, 10, 0, "b"), "tiny");
        screening.importSnapshot(IMPORTER, list(SanctionsList.EU, 41, 0, "c"), "grown");

        assertThatThrownBy(() -> screening.confirmQuarantined(REVIEWER, shrunk.id()))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("LIST_QUARANTINE_STALE"));
    }

    private static List<String> hits(String name) {
        return screening.screen(Party.named(name)).outcome().hits().stream()
                .map(hit -> hit.entity().key())
                .toList();
    }

    private static AuditEntry lastEntry(String action) {
        List<AuditEntry> entries =
                corridor.audit().list(Instant.EPOCH, clock.instant().plusSeconds(1), 0, 10_000);
        return entries.stream()
                .filter(entry -> entry.action().equals(action))
                .reduce((first, second) -> second)
                .orElseThrow();
    }

    /** {@code count} invented persons E1.., with a digest of their own per {@code tag}. */
    static ListSnapshot list(SanctionsList list, int count, int from, String tag) {
        List<ListedEntity> entities = new ArrayList<>();
        for (int i = from + 1; i <= from + count; i++) {
            entities.add(Fixtures.person(list, "E" + i, "Listed Person " + words(i)));
        }
        return new ListSnapshot(list, "2026-02-28", Fixtures.sha256(list + tag + count), entities);
    }

    private static String words(int n) {
        String[] ones = {"", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine"};
        String[] tens = {"", "Ten", "Twenty", "Thirty", "Forty"};
        return n < 10 ? ones[n] : tens[n / 10] + ones[n % 10].toLowerCase(java.util.Locale.ROOT);
    }
}
