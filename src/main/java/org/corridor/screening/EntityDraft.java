package org.corridor.screening;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A listed entity while a parser is still collecting its rows. Lists repeat facts across rows (the
 * UK file has one row per name variant, the EU file one per name, address or birth date), so every
 * collection drops duplicates while keeping first-seen order. Not thread-safe.
 */
final class EntityDraft {

    final SanctionsList list;
    final String id;
    EntityType type;
    private final List<ListedName> names = new ArrayList<>();
    private final Set<String> nameKeys = new LinkedHashSet<>();
    private final Set<PartialDate> birthDates = new LinkedHashSet<>();
    private final Set<String> birthPlaces = new LinkedHashSet<>();
    private final Set<String> nationalities = new LinkedHashSet<>();
    private final Set<Address> addresses = new LinkedHashSet<>();
    private final Set<Identifier> identifiers = new LinkedHashSet<>();
    private final Set<String> programmes = new LinkedHashSet<>();
    private final Set<String> remarks = new LinkedHashSet<>();
    private final Set<String> referents = new LinkedHashSet<>();
    private String schema = "";

    EntityDraft(SanctionsList list, String id, EntityType type) {
        this.list = list;
        this.id = id;
        this.type = type;
    }

    /**
     * Adds a name unless the same text is already there. A second primary name (the UK file marks
     * one per row) is kept as a strong alias so the entity has exactly one primary name.
     */
    void addName(String text, NameKind kind) {
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            return;
        }
        String key = stripped.toLowerCase(Locale.ROOT);
        if (!nameKeys.add(key)) {
            return;
        }
        NameKind effective = kind;
        if (kind == NameKind.PRIMARY && hasPrimary()) {
            effective = NameKind.STRONG_ALIAS;
        }
        ListedName name = new ListedName(stripped, effective);
        if (effective == NameKind.PRIMARY) {
            names.add(0, name);
        } else {
            names.add(name);
        }
    }

    boolean hasPrimary() {
        return !names.isEmpty() && names.get(0).kind() == NameKind.PRIMARY;
    }

    boolean hasNames() {
        return !names.isEmpty();
    }

    void addBirthDate(PartialDate date) {
        birthDates.add(date);
    }

    void addBirthPlace(String place) {
        if (!place.isBlank()) {
            birthPlaces.add(place.strip());
        }
    }

    /** Adds a nationality given as a country name or code; returns false when it is not recognised. */
    boolean addNationality(String country) {
        var code = Countries.isoCode(country);
        code.ifPresent(nationalities::add);
        return code.isPresent();
    }

    void addNationalityCode(String isoCode) {
        if (!isoCode.isBlank()) {
            nationalities.add(isoCode.strip().toUpperCase(Locale.ROOT));
        }
    }

    void addAddress(String text, String country) {
        String countryCode = Countries.isoCode(country).orElse("");
        if (text.isBlank() && countryCode.isEmpty()) {
            if (!country.isBlank()) {
                addresses.add(new Address(country, ""));
            }
            return;
        }
        addresses.add(new Address(text.isBlank() ? Countries.displayName(countryCode) : text, countryCode));
    }

    void addIdentifier(IdentifierType type, String value, String country) {
        if (value.isBlank()) {
            return;
        }
        String countryCode = country.isBlank() ? "" : Countries.isoCode(country).orElse("");
        identifiers.add(new Identifier(type, value, countryCode));
    }

    void addProgramme(String programme) {
        if (!programme.isBlank()) {
            programmes.add(programme.strip());
        }
    }

    void addRemark(String remark) {
        if (!remark.isBlank()) {
            remarks.add(remark.strip());
        }
    }

    void addReferent(String referent) {
        if (!referent.isBlank() && !referent.strip().equals(id)) {
            referents.add(referent.strip());
        }
    }

    void setSchema(String name) {
        schema = name.strip();
    }

    ListedEntity build() {
        return new ListedEntity(
                list,
                id,
                type,
                names,
                List.copyOf(birthDates),
                List.copyOf(birthPlaces),
                List.copyOf(nationalities),
                List.copyOf(addresses),
                List.copyOf(identifiers),
                List.copyOf(programmes),
                List.copyOf(remarks),
                List.copyOf(referents),
                schema);
    }
}
