package org.corridor.screening;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Parses OpenSanctions' FollowTheMoney entity files ({@code entities.ftm.json}): one JSON entity per
 * line. Every Person, Organization, Company, PublicBody, LegalEntity, Vessel and Airplane that is a
 * target (or is not marked either way) becomes a listed entity with its names in every script
 * (names not in Latin script are kept as original-script names), aliases, previous and weak names,
 * identifiers, birth dates and places, nationalities and countries, addresses, programmes, and the
 * {@code referents} of a merged entity. The entities that describe others (Sanction, Address,
 * Passport, Identification) add to the entity they name; relationships (Ownership, Family,
 * Directorship, ...) are for the ownership graph and are skipped. A line that is not a JSON entity
 * is refused with its line number.
 */
final class FtmParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The FollowTheMoney schemata that are screened, and what kind of party each is. */
    private static final Map<String, EntityType> LISTED = Map.of(
            "Person", EntityType.PERSON,
            "Organization", EntityType.ORGANISATION,
            "Company", EntityType.ORGANISATION,
            "PublicBody", EntityType.ORGANISATION,
            "LegalEntity", EntityType.ORGANISATION,
            "Vessel", EntityType.VESSEL,
            "Airplane", EntityType.AIRCRAFT);

    /** Identifier properties and what kind of number each holds. */
    static final Map<String, IdentifierType> IDENTIFIERS = Map.ofEntries(
            Map.entry("idNumber", IdentifierType.NATIONAL_ID),
            Map.entry("passportNumber", IdentifierType.PASSPORT),
            Map.entry("taxNumber", IdentifierType.TAX_ID),
            Map.entry("innCode", IdentifierType.TAX_ID),
            Map.entry("vatCode", IdentifierType.TAX_ID),
            Map.entry("registrationNumber", IdentifierType.REGISTRATION_NUMBER),
            Map.entry("ogrnCode", IdentifierType.REGISTRATION_NUMBER),
            Map.entry("imoNumber", IdentifierType.IMO),
            Map.entry("mmsi", IdentifierType.MMSI),
            Map.entry("callSign", IdentifierType.CALL_SIGN),
            Map.entry("swiftBic", IdentifierType.SWIFT_BIC),
            Map.entry("bicCode", IdentifierType.SWIFT_BIC),
            Map.entry("serialNumber", IdentifierType.AIRCRAFT_SERIAL),
            Map.entry("leiCode", IdentifierType.OTHER),
            Map.entry("kppCode", IdentifierType.OTHER),
            Map.entry("uniqueEntityId", IdentifierType.OTHER));

    /** One entity of the file as read, with the line it came from. */
    private record Read(long line, String id, String schema, JsonNode properties, JsonNode whole) {}

    private FtmParser() {}

    static ListSnapshot parse(String label, StreamOpener opener) {
        SourceDigest digest = new SourceDigest();
        Map<String, Read> listed = new LinkedHashMap<>();
        Map<String, Read> others = new LinkedHashMap<>();
        String published = "";
        try (InputStream in = digest.track(opener.open());
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            long number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                Read read = read(label, number, line);
                published = later(published, text(read.whole().get("last_change")));
                boolean target = !read.whole().has("target")
                        || read.whole().get("target").asBoolean();
                if (LISTED.containsKey(read.schema()) && target) {
                    listed.put(read.id(), read);
                } else {
                    others.put(read.id(), read);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(label + ": " + e.getMessage(), e);
        }
        if (listed.isEmpty()) {
            throw new ListFormatException(
                    label, "no targeted Person, Organization, Company, Vessel or Airplane entity");
        }
        Map<String, EntityDraft> drafts = new LinkedHashMap<>();
        listed.values().forEach(read -> drafts.put(read.id(), draft(read, others)));
        others.values().forEach(read -> describe(read, drafts));
        List<ListedEntity> entities = new ArrayList<>();
        drafts.values().forEach(draft -> entities.add(draft.build()));
        return new ListSnapshot(SanctionsList.OPENSANCTIONS, published, digest.hex(), entities);
    }

    private static Read read(String label, long number, String line) {
        JsonNode entity;
        try {
            entity = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new ListFormatException(label, number, "not a JSON entity: " + e.getOriginalMessage());
        }
        if (entity == null || !entity.isObject()) {
            throw new ListFormatException(label, number, "not a JSON object");
        }
        String id = text(entity.get("id"));
        String schema = text(entity.get("schema"));
        JsonNode properties = entity.get("properties");
        if (id.isEmpty() || schema.isEmpty() || properties == null || !properties.isObject()) {
            throw new ListFormatException(label, number, "an entity needs an id, a schema and properties");
        }
        return new Read(number, id, schema, properties, entity);
    }

    /** A listed entity from its own properties, with the addresses it points to. */
    private static EntityDraft draft(Read read, Map<String, Read> others) {
        EntityDraft draft = new EntityDraft(SanctionsList.OPENSANCTIONS, read.id(), LISTED.get(read.schema()));
        draft.setSchema(read.schema());
        names(read, draft);
        JsonNode p = read.properties();
        for (String date : values(p, "birthDate")) {
            date(date).ifPresent(draft::addBirthDate);
        }
        values(p, "birthPlace").forEach(draft::addBirthPlace);
        for (String property : List.of("nationality", "citizenship", "jurisdiction", "country", "flag")) {
            values(p, property).forEach(code -> country(code).ifPresent(draft::addNationalityCode));
        }
        IDENTIFIERS.forEach(
                (property, type) -> values(p, property).forEach(value -> draft.addIdentifier(type, value, "")));
        values(p, "address").forEach(text -> draft.addAddress(text, ""));
        for (String addressId : values(p, "addressEntity")) {
            Optional.ofNullable(others.get(addressId)).ifPresent(address -> address(address, draft));
        }
        values(p, "programId").forEach(draft::addProgramme);
        values(p, "notes").forEach(draft::addRemark);
        for (JsonNode referent : iterable(read.whole().get("referents"))) {
            draft.addReferent(referent.asText());
        }
        return draft;
    }

    /**
     * The caption first, as the primary name; then every name, alias and previous name (a name in a
     * non-Latin script as an original-script name), then weak aliases.
     */
    private static void names(Read read, EntityDraft draft) {
        String caption = text(read.whole().get("caption"));
        List<String> names = values(read.properties(), "name");
        draft.addName(caption.isEmpty() && !names.isEmpty() ? names.get(0) : caption, NameKind.PRIMARY);
        for (String property : List.of("name", "alias", "previousName")) {
            for (String name : values(read.properties(), property)) {
                draft.addName(name, latin(name) ? NameKind.STRONG_ALIAS : NameKind.ORIGINAL_SCRIPT);
            }
        }
        values(read.properties(), "weakAlias").forEach(name -> draft.addName(name, NameKind.WEAK_ALIAS));
    }

    /** What a describing entity adds to the listed one it names. */
    private static void describe(Read read, Map<String, EntityDraft> drafts) {
        JsonNode p = read.properties();
        switch (read.schema()) {
            case "Sanction" -> {
                for (String entityId : values(p, "entity")) {
                    EntityDraft draft = drafts.get(entityId);
                    if (draft != null) {
                        List<String> programmes = values(p, "programId");
                        (programmes.isEmpty() ? values(p, "program") : programmes).forEach(draft::addProgramme);
                        values(p, "reason").forEach(draft::addRemark);
                    }
                }
            }
            case "Passport", "Identification" -> {
                for (String holder : values(p, "holder")) {
                    EntityDraft draft = drafts.get(holder);
                    if (draft != null) {
                        IdentifierType type =
                                read.schema().equals("Passport") ? IdentifierType.PASSPORT : IdentifierType.NATIONAL_ID;
                        String country =
                                values(p, "country").stream().findFirst().orElse("");
                        values(p, "number").forEach(number -> draft.addIdentifier(type, number, country));
                    }
                }
            }
            default -> {
                // Addresses are taken by the entities that point to them; relationships are not screened.
            }
        }
    }

    private static void address(Read address, EntityDraft draft) {
        String full = values(address.properties(), "full").stream().findFirst().orElse("");
        String country = values(address.properties(), "country").stream()
                .findFirst()
                .flatMap(FtmParser::country)
                .orElse("");
        if (!full.isBlank() || !country.isBlank()) {
            draft.addAddress(full, country.isEmpty() ? "" : Countries.displayName(country));
        }
    }

    /** True when every letter of the name is in the Latin script. */
    static boolean latin(String name) {
        return name.codePoints()
                .filter(Character::isLetter)
                .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
    }

    /** An ISO 3166 alpha-2 code from FollowTheMoney's lower-case code; other codes (suhh, ...) are dropped. */
    private static Optional<String> country(String code) {
        String upper = code.strip().toUpperCase(Locale.ROOT);
        return upper.length() == 2 ? Countries.isoCode(upper) : Optional.empty();
    }

    /** A date as FollowTheMoney gives it (YYYY, YYYY-MM or YYYY-MM-DD, possibly with a time); else none. */
    private static Optional<PartialDate> date(String text) {
        String day = text.length() > 10 ? text.substring(0, 10) : text;
        try {
            return Optional.of(PartialDate.parse(day));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static List<String> values(JsonNode properties, String name) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : iterable(properties.get(name))) {
            if (value.isValueNode() && !value.asText().isBlank()) {
                values.add(value.asText().strip());
            }
        }
        return values;
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        return node.isArray() ? node : List.of(node);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asText().strip();
    }

    /** The later of two ISO timestamps, as a date: the version's publication date. */
    private static String later(String current, String timestamp) {
        if (timestamp.length() < 10) {
            return current;
        }
        String day = timestamp.substring(0, 10);
        return day.compareTo(current) > 0 ? day : current;
    }
}
