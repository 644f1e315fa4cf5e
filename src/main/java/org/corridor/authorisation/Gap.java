package org.corridor.authorisation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Days on which no authorisation of a series was valid (FR-4): between the end of one period and
 * the start of the next, or, for an open gap, from the end of the last period to the date asked
 * about. Dates are inclusive.
 *
 * @param precedingReference the authorisation whose period ended before the gap
 * @param followingReference the authorisation whose period ended the gap; empty while it is open
 */
public record Gap(
        String series,
        LocalDate from,
        LocalDate to,
        long days,
        String precedingReference,
        Optional<String> followingReference) {

    public boolean open() {
        return followingReference.isEmpty();
    }

    /**
     * The gaps of every series in the register, oldest first; with {@code asOf}, also the open gap
     * of a series whose last period ended before that date.
     */
    static List<Gap> of(List<Authorisation> register, Optional<LocalDate> asOf) {
        Map<String, List<Authorisation>> bySeries = new TreeMap<>();
        for (Authorisation authorisation : register) {
            bySeries.computeIfAbsent(authorisation.series(), series -> new ArrayList<>())
                    .add(authorisation);
        }
        List<Gap> gaps = new ArrayList<>();
        bySeries.forEach((series, members) -> gaps.addAll(ofSeries(series, members, asOf)));
        gaps.sort(Comparator.comparing(Gap::from).thenComparing(Gap::series));
        return List.copyOf(gaps);
    }

    private static List<Gap> ofSeries(String series, List<Authorisation> members, Optional<LocalDate> asOf) {
        List<Authorisation> sorted = members.stream()
                .sorted(Comparator.comparing(Authorisation::validFrom).thenComparing(Authorisation::validTo))
                .toList();
        List<Gap> gaps = new ArrayList<>();
        LocalDate coveredUntil = sorted.get(0).validTo();
        String lastReference = sorted.get(0).reference();
        for (Authorisation next : sorted.subList(1, sorted.size())) {
            if (next.validFrom().isAfter(coveredUntil.plusDays(1))) {
                gaps.add(between(
                        series,
                        coveredUntil.plusDays(1),
                        next.validFrom().minusDays(1),
                        lastReference,
                        Optional.of(next.reference())));
            }
            if (next.validTo().isAfter(coveredUntil)) {
                coveredUntil = next.validTo();
                lastReference = next.reference();
            }
        }
        if (asOf.isPresent() && asOf.get().isAfter(coveredUntil)) {
            gaps.add(between(series, coveredUntil.plusDays(1), asOf.get(), lastReference, Optional.empty()));
        }
        return gaps;
    }

    private static Gap between(
            String series, LocalDate from, LocalDate to, String preceding, Optional<String> following) {
        return new Gap(series, from, to, ChronoUnit.DAYS.between(from, to) + 1, preceding, following);
    }
}
