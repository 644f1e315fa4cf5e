package org.corridor.screening;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.corridor.InvalidInputException;

/**
 * One example entity of a yente {@code /match} request ({@code {"schema": "Person", "properties":
 * {"name": ["..."], "birthDate": ["..."]}}}), read into the parties Corridor screens: one per name,
 * each with the schema's type, the birth dates, the countries ({@code nationality}, {@code
 * citizenship}, {@code country}, {@code jurisdiction}, {@code flag}) and the identifiers
 * ({@code registrationNumber}, {@code imoNumber}, {@code passportNumber}, {@code idNumber}, ...).
 * Other properties are kept in the echo of the query but do not change the screening.
 *
 * @param properties the properties as given, each as a list of values
 * @param parties one party per name, never empty
 */
record FtmQuery(String id, String schema, Map<String, List<String>> properties, List<Party> parties) {

    /** Most names one query may carry; each is screened. */
    static final int MAX_NAMES = 20;

    private static final List<String> COUNTRIES =
            List.of("nationality", "citizenship", "country", "jurisdiction", "flag");

    FtmQuery {
        properties = Map.copyOf(properties);
        parties = List.copyOf(parties);
    }

    /**
     * Reads the example named {@code key}.
     *
     * @throws InvalidInputException naming the query and property that cannot be read
     */
    static FtmQuery read(String key, JsonNode example) {
        String where = "queries." + key;
        if (example == null || !example.isObject()) {
            throw invalid(where, "an entity example is an object with a schema and properties");
        }
        String schema = example.path("schema").asText("").strip();
        Optional<EntityType> type;
        try {
            type = EntityType.fromSchema(schema);
        } catch (IllegalArgumentException e) {
            throw invalid(
                    where + ".schema",
                    e.getMessage() + "; expected Person, Company, Organization, LegalEntity," + " Vessel or Airplane");
        }
        if (schema.isEmpty()) {
            throw invalid(where + ".schema", "a schema is required (Person, Company, LegalEntity, ...)");
        }
        Map<String, List<String>> properties = properties(where, example.get("properties"));
        List<String> names = names(properties);
        if (names.isEmpty()) {
            throw invalid(where + ".properties.name", "Corridor matches by name: give at least one name");
        }
        if (names.size() > MAX_NAMES) {
            throw invalid(where + ".properties.name", "at most " + MAX_NAMES + " names per query");
        }
        Party details = details(where, Party.named(names.get(0)).withType(type), properties);
        List<Party> parties = new ArrayList<>();
        for (String name : names) {
            if (name.length() > 500) {
                throw invalid(where + ".properties.name", "a name is longer than 500 characters");
            }
            parties.add(new Party(
                    name, details.type(), details.birthDates(), details.nationalities(), details.identifiers()));
        }
        String id = example.path("id").isTextual() ? example.get("id").asText() : "";
        return new FtmQuery(id, schema, properties, parties);
    }

    private static Map<String, List<String>> properties(String where, JsonNode given) {
        if (given == null || !given.isObject()) {
            throw invalid(where + ".properties", "properties is an object of lists of values");
        }
        Map<String, List<String>> properties = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : given.properties()) {
            List<String> values = new ArrayList<>();
            JsonNode value = field.getValue();
            for (JsonNode item : value.isArray() ? value : List.of(value)) {
                if (item.isNull()) {
                    continue;
                }
                if (!item.isValueNode()) {
                    throw invalid(where + ".properties." + field.getKey(), "values are strings");
                }
                if (!item.asText().isBlank()) {
                    values.add(item.asText().strip());
                }
            }
            properties.put(field.getKey(), values);
        }
        return properties;
    }

    /** The names to screen: name and alias, or else the parts of a person's name joined. */
    private static List<String> names(Map<String, List<String>> properties) {
        List<String> names = new ArrayList<>();
        for (String property : List.of("name", "alias")) {
            properties.getOrDefault(property, List.of()).stream()
                    .filter(name -> !names.contains(name))
                    .forEach(names::add);
        }
        if (names.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (String property : List.of("firstName", "secondName", "middleName", "fatherName", "lastName")) {
                properties.getOrDefault(property, List.of()).stream()
                        .findFirst()
                        .ifPresent(parts::add);
            }
            if (!parts.isEmpty()) {
                names.add(String.join(" ", parts));
            }
        }
        return names;
    }

    private static Party details(String where, Party party, Map<String, List<String>> properties) {
        Party read = party;
        for (String date : properties.getOrDefault("birthDate", List.of())) {
            try {
                read = read.withBirthDate(PartialDate.parse(date.length() > 10 ? date.substring(0, 10) : date));
            } catch (IllegalArgumentException e) {
                throw invalid(where + ".properties.birthDate", e.getMessage());
            }
        }
        for (String property : COUNTRIES) {
            for (String country : properties.getOrDefault(property, List.of())) {
                try {
                    read = read.withNationality(country);
                } catch (IllegalArgumentException e) {
                    throw invalid(where + ".properties." + property, e.getMessage());
                }
            }
        }
        for (Map.Entry<String, IdentifierType> identifier : FtmParser.IDENTIFIERS.entrySet()) {
            for (String value : properties.getOrDefault(identifier.getKey(), List.of())) {
                read = read.withIdentifier(new Identifier(identifier.getValue(), value, ""));
            }
        }
        return read;
    }

    private static InvalidInputException invalid(String where, String reason) {
        return new InvalidInputException("MATCH_QUERY_INVALID", where + ": " + reason);
    }
}
