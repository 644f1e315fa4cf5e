package org.corridor.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a party from the text fields of a batch row (a CSV line, an item of an API batch) so that
 * one unreadable field never stops the row: the name is screened on whatever else could be read,
 * and each field that could not be read becomes a warning naming the field and why. Only a missing
 * name leaves nothing to screen. Dates and countries are read as people write them (see
 * {@link PartialDate#read} and {@link Countries}).
 */
public final class PartyFields {

    /** The party as far as it could be read, and a warning per field that could not be. */
    public record Reading(Party party, List<String> warnings) {
        public Reading {
            warnings = List.copyOf(warnings);
        }
    }

    private PartyFields() {}

    /**
     * Reads one party. Field labels ({@code typeField}, ...) are the caller's names for the fields
     * (a CSV column, a JSON property) and start each warning.
     *
     * @throws IllegalArgumentException when the name is empty: there is nothing to screen
     */
    public static Reading read(
            String name,
            String typeField,
            Optional<String> type,
            String birthDateField,
            Optional<String> birthDate,
            String nationalityField,
            Optional<String> nationality) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is empty");
        }
        List<String> warnings = new ArrayList<>();
        Party party = Party.named(name.strip());
        String typeText = type.orElse("").strip();
        if (!typeText.isEmpty()) {
            Optional<Optional<EntityType>> read = entityType(typeText);
            if (read.isPresent()) {
                party = party.withType(read.get());
            } else {
                warnings.add(typeField + ": '" + typeText
                        + "' is no party type (PERSON, ORGANISATION, VESSEL, AIRCRAFT); screened against every type");
            }
        }
        for (String date : values(birthDate)) {
            Optional<PartialDate> read = PartialDate.read(date);
            if (read.isPresent()) {
                party = party.withBirthDate(read.get());
            } else {
                warnings.add(birthDateField + ": '" + date + "' is not a date; screened without it");
            }
        }
        for (String country : values(nationality)) {
            Optional<String> code = Countries.isoCode(country);
            if (code.isPresent()) {
                party = party.withNationality(code.get());
            } else {
                warnings.add(nationalityField + ": unknown country '" + country + "'; screened without it");
            }
        }
        return new Reading(party, warnings);
    }

    /** Several values in one field ("Iran; Iraq") are read one by one. */
    private static List<String> values(Optional<String> field) {
        List<String> values = new ArrayList<>();
        for (String part : field.orElse("").split(";")) {
            if (!part.isBlank()) {
                values.add(part.strip());
            }
        }
        return values;
    }

    /** The type a field names (empty inside when it names any type), or empty when it names none. */
    public static Optional<Optional<EntityType>> entityType(String text) {
        String key = text.strip().toUpperCase(Locale.ROOT);
        for (EntityType type : EntityType.values()) {
            if (type.name().equals(key)) {
                return Optional.of(Optional.of(type));
            }
        }
        try {
            return Optional.of(EntityType.fromSchema(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
