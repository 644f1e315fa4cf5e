package org.corridor.authorisation;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Account locations: an ISO country code ({@code IQ}, {@code OM}) or a named location
 * ({@code TBI-BAGHDAD}). Compared case-insensitively after trimming and collapsing spaces.
 */
final class Locations {

    private Locations() {}

    static Optional<String> normalise(String location) {
        if (location == null || location.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(location.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT));
    }

    static Set<String> normalise(Collection<String> locations) {
        if (locations == null) {
            return Set.of();
        }
        return Sets.sorted(
                locations.stream()
                        .map(Locations::normalise)
                        .flatMap(Optional::stream)
                        .collect(Collectors.toList()),
                location -> location);
    }
}
