package org.corridor.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corridor.csv.CsvFormatException;
import org.corridor.csv.CsvReader;
import org.corridor.csv.CsvRecord;

/**
 * Parses the HM Treasury / OFSI Consolidated List CSV (the 2018 "ConList" layout): a "Last Updated"
 * line, a header, then one row per name variant, joined on Group ID. Older files are Windows-1252
 * and newer ones UTF-8; {@link LenientUtf8Reader} reads both.
 */
final class UkCsvParser {

    private static final Pattern DMY = Pattern.compile("^(\\d{2})/(\\d{2})/(\\d{4})$");
    private static final Pattern NUMBERED = Pattern.compile("\\s*\\d+\\)\\s*");
    private static final Pattern IMO =
            Pattern.compile("\\bIMO(?: number| No\\.?)?:?\\s*(\\d{7})\\b", Pattern.CASE_INSENSITIVE);
    private static final int HEADER_SEARCH_LINES = 5;

    private UkCsvParser() {}

    static ListSnapshot parse(String label, StreamOpener opener) {
        SourceDigest digest = new SourceDigest();
        Map<String, EntityDraft> drafts = new LinkedHashMap<>();
        String published = "";
        try (InputStream in = digest.track(opener.open());
                CsvReader reader = CsvReader.of(new LenientUtf8Reader(in))) {
            CsvHeader header = null;
            for (int i = 0; i < HEADER_SEARCH_LINES && header == null; i++) {
                Optional<CsvRecord> record = reader.next();
                if (record.isEmpty()) {
                    break;
                }
                CsvRecord row = record.get();
                String first = row.field(0).strip().toLowerCase(Locale.ROOT);
                if (first.startsWith("last updated")) {
                    published = ukDate(row.field(1).strip())
                            .map(PartialDate::toString)
                            .orElse("");
                } else if (row.fields().stream().anyMatch(f -> f.strip().equalsIgnoreCase("Group ID"))) {
                    header = new CsvHeader(row.fields());
                }
            }
            if (header == null || !header.has("Name 6")) {
                throw new ListFormatException(label, "no header with 'Name 6' and 'Group ID' in the first lines");
            }
            for (Optional<CsvRecord> record = reader.next(); record.isPresent(); record = reader.next()) {
                readRow(label, header, record.get(), drafts);
            }
        } catch (CsvFormatException e) {
            throw new ListFormatException(label, e.lineNumber(), e.reason());
        } catch (IOException e) {
            throw new UncheckedIOException(label + ": " + e.getMessage(), e);
        }
        List<ListedEntity> entities = new ArrayList<>();
        for (EntityDraft draft : drafts.values()) {
            entities.add(draft.build());
        }
        return new ListSnapshot(SanctionsList.UK, published, digest.hex(), entities);
    }

    private static void readRow(String label, CsvHeader header, CsvRecord row, Map<String, EntityDraft> drafts) {
        if (row.size() > header.size()) {
            throw new ListFormatException(
                    label, row.lineNumber(), "expected at most " + header.size() + " fields, found " + row.size());
        }
        String groupId = header.get(row, "Group ID");
        if (groupId.isEmpty() || !groupId.chars().allMatch(Character::isDigit)) {
            throw new ListFormatException(
                    label, row.lineNumber(), "Group ID must be a number, found '" + groupId + "'");
        }
        String groupType = header.get(row, "Group Type").toLowerCase(Locale.ROOT);
        EntityType type = switch (groupType) {
            case "individual" -> EntityType.PERSON;
            case "ship", "vessel" -> EntityType.VESSEL;
            case "entity", "" -> EntityType.ORGANISATION;
            default ->
                throw new ListFormatException(
                        label, row.lineNumber(), "unknown Group Type '" + header.get(row, "Group Type") + "'");
        };
        EntityDraft draft = drafts.computeIfAbsent(groupId, id -> new EntityDraft(SanctionsList.UK, id, type));
        String name = name(header, row, type);
        if (name.isEmpty()) {
            throw new ListFormatException(label, row.lineNumber(), "group " + groupId + " has a row without a name");
        }
        String aliasType = header.get(row, "Alias Type").toLowerCase(Locale.ROOT);
        draft.addName(name, aliasType.startsWith("prime") ? NameKind.PRIMARY : NameKind.STRONG_ALIAS);
        ukDate(header.get(row, "DOB")).ifPresent(draft::addBirthDate);
        String birthPlace = join(header.get(row, "Town of Birth"), header.get(row, "Country of Birth"));
        draft.addBirthPlace(birthPlace);
        for (String nationality : NUMBERED.split(header.get(row, "Nationality"))) {
            if (!nationality.isBlank()
                    && !draft.addNationality(nationality.strip().replaceAll("[.,;]$", ""))) {
                draft.addRemark("Nationality: " + nationality.strip());
            }
        }
        String passport = header.get(row, "Passport Details");
        if (!passport.isEmpty()) {
            firstNumber(passport).ifPresent(number -> draft.addIdentifier(IdentifierType.PASSPORT, number, ""));
            draft.addRemark("Passport: " + passport);
        }
        String nationalId = header.get(row, "NI Number");
        if (!nationalId.isEmpty()) {
            firstNumber(nationalId).ifPresent(number -> draft.addIdentifier(IdentifierType.NATIONAL_ID, number, ""));
            draft.addRemark("National identity: " + nationalId);
        }
        String position = header.get(row, "Position");
        if (!position.isEmpty()) {
            draft.addRemark("Position: " + position);
        }
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            String line = header.get(row, "Address " + i);
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        String postCode = header.get(row, "Post/Zip Code");
        if (!postCode.isEmpty()) {
            lines.add(postCode);
        }
        String country = header.get(row, "Country");
        if (!lines.isEmpty() || !country.isEmpty()) {
            draft.addAddress(String.join(", ", lines), country);
        }
        String other = header.get(row, "Other Information");
        if (!other.isEmpty()) {
            draft.addRemark(other);
            Matcher imo = IMO.matcher(other);
            while (imo.find()) {
                draft.addIdentifier(IdentifierType.IMO, imo.group(1), "");
            }
        }
        draft.addProgramme(header.get(row, "Regime"));
    }

    private static String name(CsvHeader header, CsvRecord row, EntityType type) {
        String surname = header.get(row, "Name 6");
        List<String> given = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String part = header.get(row, "Name " + i);
            if (!part.isEmpty()) {
                given.add(part);
            }
        }
        if (given.isEmpty()) {
            return surname;
        }
        if (surname.isEmpty()) {
            return String.join(" ", given);
        }
        // Written as the list prints individuals: "SURNAME, Given Names".
        return type == EntityType.PERSON
                ? surname + ", " + String.join(" ", given)
                : String.join(" ", given) + " " + surname;
    }

    static Optional<PartialDate> ukDate(String text) {
        Matcher dmy = DMY.matcher(text.strip());
        if (!dmy.matches()) {
            return Optional.empty();
        }
        int day = Integer.parseInt(dmy.group(1));
        int month = Integer.parseInt(dmy.group(2));
        int year = Integer.parseInt(dmy.group(3));
        if (year == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PartialDate(year, month, month == 0 ? 0 : day));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> firstNumber(String text) {
        for (String word : text.split("[\\s,;:()]+")) {
            String cleaned = word.replaceAll("[.]$", "");
            if (cleaned.length() >= 4
                    && cleaned.chars().anyMatch(Character::isDigit)
                    && cleaned.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '/')) {
                return Optional.of(cleaned);
            }
        }
        return Optional.empty();
    }

    private static String join(String first, String second) {
        if (first.isEmpty()) {
            return second;
        }
        return second.isEmpty() ? first : first + ", " + second;
    }
}
