package org.corridor.screening;

import java.util.List;
import java.util.Objects;

/**
 * One designation on one list: a person, organisation, vessel or aircraft with everything the list
 * says about it. Countries are ISO 3166 alpha-2 codes. The record is a plain value (immutable lists,
 * no behaviour beyond lookups) so it can be stored, compared and serialised as it is.
 *
 * @param id the list's own identifier: OFAC ent_num, UN DATAID, UK Group ID, EU logical id
 * @param names the primary name first, then aliases; never empty
 * @param programmes sanctions programmes or regimes and tags, e.g. SDGT, NPWMD, IRGC, IRAN
 * @param referents other ids the same entity is known by: for a merged FollowTheMoney entity, the
 *     source records it was merged from (ofac-46001, gb-hmt-16273, ...); empty for the official lists
 * @param schema the FollowTheMoney schema the source gave (Company, Person, ...), or empty when the
 *     source has none and {@code type} says all there is
 */
public record ListedEntity(
        SanctionsList list,
        String id,
        EntityType type,
        List<ListedName> names,
        List<PartialDate> birthDates,
        List<String> birthPlaces,
        List<String> nationalities,
        List<Address> addresses,
        List<Identifier> identifiers,
        List<String> programmes,
        List<String> remarks,
        List<String> referents,
        String schema) {

    public ListedEntity {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(type, "type");
        id = id.strip();
        if (id.isEmpty()) {
            throw new IllegalArgumentException("a listed entity needs an id");
        }
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("listed entity " + id + " has no name");
        }
        birthDates = List.copyOf(birthDates);
        birthPlaces = List.copyOf(birthPlaces);
        nationalities = List.copyOf(nationalities);
        addresses = List.copyOf(addresses);
        identifiers = List.copyOf(identifiers);
        programmes = List.copyOf(programmes);
        remarks = List.copyOf(remarks);
        // Versions stored before referents and schema existed read back without them.
        referents = referents == null ? List.of() : List.copyOf(referents);
        schema = schema == null ? "" : schema.strip();
    }

    /** A designation of an official list, which knows no referents and no FollowTheMoney schema. */
    public ListedEntity(
            SanctionsList list,
            String id,
            EntityType type,
            List<ListedName> names,
            List<PartialDate> birthDates,
            List<String> birthPlaces,
            List<String> nationalities,
            List<Address> addresses,
            List<Identifier> identifiers,
            List<String> programmes,
            List<String> remarks) {
        this(
                list,
                id,
                type,
                names,
                birthDates,
                birthPlaces,
                nationalities,
                addresses,
                identifiers,
                programmes,
                remarks,
                List.of(),
                "");
    }

    /** The name the list files the entity under. */
    public String primaryName() {
        for (ListedName name : names) {
            if (name.kind() == NameKind.PRIMARY) {
                return name.text();
            }
        }
        return names.get(0).text();
    }

    /** A stable key across lists: list and id, e.g. {@code OFAC_SDN:10481}. */
    public String key() {
        return list + ":" + id;
    }

    /** A copy without the names of the given kind; used to withhold original-script names. */
    public ListedEntity withoutNames(NameKind kind) {
        List<ListedName> kept =
                names.stream().filter(name -> name.kind() != kind).toList();
        if (kept.isEmpty()) {
            return this;
        }
        return new ListedEntity(
                list,
                id,
                type,
                kept,
                birthDates,
                birthPlaces,
                nationalities,
                addresses,
                identifiers,
                programmes,
                remarks,
                referents,
                schema);
    }
}
