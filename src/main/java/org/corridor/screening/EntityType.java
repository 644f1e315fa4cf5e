package org.corridor.screening;

import java.util.Locale;
import java.util.Optional;

/** What kind of thing a listed entity or a screened party is. */
public enum EntityType {
    PERSON,
    ORGANISATION,
    VESSEL,
    AIRCRAFT;

    /**
     * Reads a schema name as used by callers and by FollowTheMoney data: Person, Organization,
     * Organisation, Company, LegalEntity, Vessel, Aircraft (any case). Blank or "LegalEntity" means
     * the type is not known, which is returned as empty so that all types are screened.
     */
    public static Optional<EntityType> fromSchema(String schema) {
        String key = schema.strip().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "person", "individual" -> Optional.of(PERSON);
            case "organization", "organisation", "company", "entity", "business" -> Optional.of(ORGANISATION);
            case "vessel", "ship" -> Optional.of(VESSEL);
            case "aircraft", "airplane" -> Optional.of(AIRCRAFT);
            case "", "legalentity", "thing", "any" -> Optional.empty();
            default -> throw new IllegalArgumentException("unknown schema '" + schema + "'");
        };
    }
}
