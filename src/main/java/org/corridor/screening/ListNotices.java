package org.corridor.screening;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Works out issue 16's notices on the active versions: a list older than its maximum age (by its
 * own publication date where the files carry one, else by its import), a shipped file that is not
 * the publisher's current list, and a version waiting in quarantine. Stateless.
 */
final class ListNotices {

    /**
     * The shipped files that are not what their list's name suggests, by the SHA-256 of the file
     * (src/main/resources/screening/lists/PROVENANCE.md); whoever imports the same bytes from
     * elsewhere gets the same label, since the content is what matters.
     */
    private static final Map<String, String> SHIPPED_SAMPLES = Map.of(
            "4402c65f027b678fb6ed01a18d4de00bbf026c4d2475c146c278011f688d033d",
            "the HM Treasury (OFSI) consolidated list of 13/04/2018 shipped with Corridor: a 2018 file in a layout"
                    + " OFSI has since replaced, not today's UK list",
            "a9de58cc04bddfd5f4ab9310a1a4c4e846e32740236e850ccf3a0c2fa1006246",
            "a 93-entity format sample cut from an EU export of 2018-07-04, shipped with Corridor to test the"
                    + " parser: not the EU list");

    private ListNotices() {}

    /** The label of a shipped sample with this digest, if it is one. */
    static Optional<String> sampleLabel(String sha256) {
        return Optional.ofNullable(SHIPPED_SAMPLES.get(sha256));
    }

    static List<ListNotice> of(
            Map<SanctionsList, ListVersion> active,
            List<QuarantinedVersion> quarantined,
            ListPolicy policy,
            Instant now) {
        List<ListNotice> notices = new ArrayList<>();
        for (ListVersion version : active.values()) {
            sampleLabel(version.sha256())
                    .ifPresent(label -> notices.add(new ListNotice(
                            ListNotice.Kind.LIST_SAMPLE.name(), version.list(), version.label(), label)));
            Duration maxAge = policy.maxAgeOf(version.list());
            Instant asOf = asOf(version);
            Duration age = Duration.between(asOf, now);
            if (age.compareTo(maxAge) > 0) {
                notices.add(new ListNotice(
                        ListNotice.Kind.LIST_STALE.name(),
                        version.list(),
                        version.label(),
                        "version " + version.label() + " is " + age.toDays() + " days old (by its "
                                + (version.publishedOn().isEmpty()
                                                || published(version.publishedOn())
                                                        .isEmpty()
                                        ? "import"
                                        : "publication date")
                                + "), older than the " + maxAge.toDays() + " days allowed (CORRIDOR_LISTS_MAX_AGE_"
                                + version.list().name() + "); load the current list (./corridor lists update)"));
            }
        }
        for (QuarantinedVersion held : quarantined) {
            ListVersion version = held.version();
            notices.add(new ListNotice(
                    ListNotice.Kind.LIST_QUARANTINED.name(),
                    version.list(),
                    version.label(),
                    "version " + version.id() + " (" + version.label() + ") drops " + version.removed() + " of "
                            + held.replacesEntityCount() + " entities and waits for a second person"
                            + " (./corridor lists confirm " + version.id() + " or lists reject); screening uses"
                            + " version " + held.replaces()));
        }
        return List.copyOf(notices);
    }

    /** When the version's content dates from: its publication date where readable, else its import. */
    static Instant asOf(ListVersion version) {
        return published(version.publishedOn()).orElse(version.importedAt());
    }

    /** A publication date as the files give it: YYYY-MM-DD (or longer), YYYY-MM, YYYY, or an HTTP date. */
    static Optional<Instant> published(String text) {
        String date = text.strip();
        try {
            if (date.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
                return Optional.of(start(LocalDate.parse(date.substring(0, 10))));
            }
            if (date.matches("\\d{4}-\\d{2}")) {
                return Optional.of(start(LocalDate.parse(date + "-01")));
            }
            if (date.matches("\\d{4}")) {
                return Optional.of(start(LocalDate.of(Integer.parseInt(date), 1, 1)));
            }
            return Optional.of(ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant());
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Instant start(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
