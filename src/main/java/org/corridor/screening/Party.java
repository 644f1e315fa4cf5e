package org.corridor.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A party to screen: a name and whatever else is known about it. Countries are ISO 3166 alpha-2
 * codes; {@link #withNationality} also accepts country names. With no type, the party is screened
 * against every type of listed entity.
 */
public record Party(
        String name,
        Optional<EntityType> type,
        List<PartialDate> birthDates,
        List<String> nationalities,
        List<Identifier> identifiers) {

    public Party {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        birthDates = List.copyOf(birthDates);
        nationalities = List.copyOf(nationalities);
        identifiers = List.copyOf(identifiers);
    }

    /** A party known only by name. */
    public static Party named(String name) {
        return new Party(name, Optional.empty(), List.of(), List.of(), List.of());
    }

    public Party withType(EntityType entityType) {
        return new Party(name, Optional.of(entityType), birthDates, nationalities, identifiers);
    }

    public Party withType(Optional<EntityType> entityType) {
        return new Party(name, entityType, birthDates, nationalities, identifiers);
    }

    public Party withBirthDate(PartialDate date) {
        return new Party(name, type, append(birthDates, date), nationalities, identifiers);
    }

    /**
     * Adds a nationality given as an ISO code or a country name or adjective ("IR", "IRN", "Iran",
     * "Iranian").
     *
     * @throws IllegalArgumentException when the country is not recognised
     */
    public Party withNationality(String country) {
        String code = Countries.isoCode(country)
                .orElseThrow(() -> new IllegalArgumentException("unknown country '" + country + "'"));
        return new Party(name, type, birthDates, append(nationalities, code), identifiers);
    }

    public Party withIdentifier(Identifier identifier) {
        return new Party(name, type, birthDates, nationalities, append(identifiers, identifier));
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(Objects.requireNonNull(item));
        return copy;
    }
}
