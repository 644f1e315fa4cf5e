package org.corridor.screening;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Listed entities as FollowTheMoney entities, the shape yente answers in: an id unique across the
 * lists, a schema, a caption and properties keyed by FollowTheMoney property name with lists of
 * values. Each list is a dataset named after it in lower case ({@code ofac_sdn}, {@code un}, ...).
 */
final class FtmEntities {

    /** Where each kind of identifier goes among FollowTheMoney's properties. */
    private static final Map<IdentifierType, String> IDENTIFIER_PROPERTIES = Map.of(
            IdentifierType.PASSPORT, "passportNumber",
            IdentifierType.NATIONAL_ID, "idNumber",
            IdentifierType.IMO, "imoNumber",
            IdentifierType.MMSI, "mmsi",
            IdentifierType.CALL_SIGN, "callSign",
            IdentifierType.REGISTRATION_NUMBER, "registrationNumber",
            IdentifierType.TAX_ID, "taxNumber",
            IdentifierType.SWIFT_BIC, "swiftBic",
            IdentifierType.AIRCRAFT_SERIAL, "serialNumber",
            IdentifierType.OTHER, "idNumber");

    private FtmEntities() {}

    /** The dataset a list is published as. */
    static String dataset(SanctionsList list) {
        return list.name().toLowerCase(Locale.ROOT);
    }

    /** The list a dataset name stands for, if it names one. */
    static Optional<SanctionsList> list(String dataset) {
        for (SanctionsList list : SanctionsList.values()) {
            if (dataset(list).equals(dataset)) {
                return Optional.of(list);
            }
        }
        return Optional.empty();
    }

    /**
     * The entity's id across lists: OpenSanctions' own id for its entities (clients keep them), the
     * dataset and the list's id otherwise ({@code ofac_sdn-10481}).
     */
    static String id(ListedEntity entity) {
        return entity.list() == SanctionsList.OPENSANCTIONS ? entity.id() : dataset(entity.list()) + "-" + entity.id();
    }

    /** The schema the source gave, or the one the entity's type stands for. */
    static String schema(ListedEntity entity) {
        if (!entity.schema().isEmpty()) {
            return entity.schema();
        }
        return schemaOf(Optional.of(entity.type()));
    }

    /** The schema a query type stands for; LegalEntity when the type is not known. */
    static String schemaOf(Optional<EntityType> type) {
        return type.map(known -> switch (known) {
                    case PERSON -> "Person";
                    case ORGANISATION -> "Organization";
                    case VESSEL -> "Vessel";
                    case AIRCRAFT -> "Airplane";
                })
                .orElse("LegalEntity");
    }

    /** The entity's fields as FollowTheMoney properties; empty properties are left out. */
    static Map<String, List<String>> properties(ListedEntity entity) {
        Map<String, List<String>> properties = new LinkedHashMap<>();
        for (ListedName name : entity.names()) {
            String property = switch (name.kind()) {
                case PRIMARY -> "name";
                case STRONG_ALIAS, ORIGINAL_SCRIPT -> "alias";
                case WEAK_ALIAS -> "weakAlias";
            };
            add(properties, property, name.text());
        }
        entity.birthDates().forEach(date -> add(properties, "birthDate", date.toString()));
        entity.birthPlaces().forEach(place -> add(properties, "birthPlace", place));
        String countries = switch (entity.type()) {
            case PERSON -> "nationality";
            case ORGANISATION -> "country";
            case VESSEL, AIRCRAFT -> "flag";
        };
        entity.nationalities().forEach(code -> add(properties, countries, code.toLowerCase(Locale.ROOT)));
        for (Identifier identifier : entity.identifiers()) {
            add(properties, IDENTIFIER_PROPERTIES.get(identifier.type()), identifier.value());
        }
        for (Address address : entity.addresses()) {
            add(properties, "address", address.text());
        }
        entity.programmes().forEach(programme -> add(properties, "programId", programme));
        entity.remarks().forEach(remark -> add(properties, "notes", remark));
        add(properties, "topics", "sanction");
        return properties;
    }

    private static void add(Map<String, List<String>> properties, String property, String value) {
        if (value.isBlank()) {
            return;
        }
        List<String> values = properties.computeIfAbsent(property, key -> new ArrayList<>());
        if (!values.contains(value)) {
            values.add(value);
        }
    }
}
