package org.corridor.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.corridor.csv.CsvFormatException;
import org.corridor.csv.CsvReader;
import org.corridor.csv.CsvRecord;

/**
 * Parses OFAC's legacy CSV files: the primary file (sdn.csv or cons_prim.csv) and its optional
 * companions for addresses, aliases and remarks that overflow the primary file. The files have no
 * header, use {@code -0- } for null, CRLF line ends and a trailing 0x1A byte.
 */
final class OfacCsvParser {

    private static final int PRIMARY_FIELDS = 12;
    private static final String NULL = "-0-";

    /** The files of one OFAC list; only the primary file is required. */
    record Files(
            String label,
            StreamOpener primary,
            Optional<StreamOpener> addresses,
            Optional<StreamOpener> aliases,
            Optional<StreamOpener> comments) {}

    private OfacCsvParser() {}

    static ListSnapshot parse(SanctionsList list, Files files) {
        SourceDigest digest = new SourceDigest();
        Map<String, EntityDraft> drafts = new LinkedHashMap<>();
        Map<String, StringBuilder> remarks = new LinkedHashMap<>();
        String primaryLabel = files.label() + " (primary)";
        read(files.primary(), primaryLabel, digest, record -> readPrimary(list, record, primaryLabel, drafts, remarks));
        files.addresses().ifPresent(opener -> {
            String label = files.label() + " (addresses)";
            read(opener, label, digest, record -> readAddress(record, label, drafts));
        });
        files.aliases().ifPresent(opener -> {
            String label = files.label() + " (aliases)";
            read(opener, label, digest, record -> readAlias(record, label, drafts));
        });
        files.comments().ifPresent(opener -> {
            String label = files.label() + " (comments)";
            read(opener, label, digest, record -> {
                expectFields(record, 2, label);
                StringBuilder text = remarks.get(entityNumber(record, label));
                if (text != null) {
                    // The comments file continues the Remarks field where sdn.csv cut it off.
                    text.append(value(record.field(1)));
                }
            });
        });
        remarks.forEach((id, text) -> OfacRemarks.apply(text.toString(), drafts.get(id)));
        List<ListedEntity> entities =
                drafts.values().stream().map(EntityDraft::build).toList();
        return new ListSnapshot(list, "", digest.hex(), entities);
    }

    private static void read(StreamOpener opener, String label, SourceDigest digest, Consumer<CsvRecord> consumer) {
        try (InputStream in = digest.track(opener.open());
                CsvReader reader = CsvReader.of(new LenientUtf8Reader(in))) {
            for (Optional<CsvRecord> record = reader.next(); record.isPresent(); record = reader.next()) {
                consumer.accept(record.get());
            }
        } catch (CsvFormatException e) {
            throw new ListFormatException(label, e.lineNumber(), e.reason());
        } catch (IOException e) {
            throw new UncheckedIOException(label + ": " + e.getMessage(), e);
        }
    }

    private static void readPrimary(
            SanctionsList list,
            CsvRecord record,
            String label,
            Map<String, EntityDraft> drafts,
            Map<String, StringBuilder> remarks) {
        expectFields(record, PRIMARY_FIELDS, label);
        String id = entityNumber(record, label);
        String name = value(record.field(1));
        if (name.isEmpty()) {
            throw new ListFormatException(label, record.lineNumber(), "entity " + id + " has no name");
        }
        EntityType type = switch (value(record.field(2)).toLowerCase(Locale.ROOT)) {
            case "individual" -> EntityType.PERSON;
            case "vessel" -> EntityType.VESSEL;
            case "aircraft" -> EntityType.AIRCRAFT;
            case "" -> EntityType.ORGANISATION;
            default ->
                throw new ListFormatException(
                        label,
                        record.lineNumber(),
                        "unknown SDN_Type '" + record.field(2).strip() + "'");
        };
        EntityDraft draft = new EntityDraft(list, id, type);
        if (drafts.putIfAbsent(id, draft) != null) {
            throw new ListFormatException(label, record.lineNumber(), "entity " + id + " appears twice");
        }
        draft.addName(name, NameKind.PRIMARY);
        for (String programme : value(record.field(3)).split("\\]\\s*\\[")) {
            draft.addProgramme(programme.replace("[", "").replace("]", ""));
        }
        String title = value(record.field(4));
        if (!title.isEmpty()) {
            draft.addRemark("Title: " + title);
        }
        String callSign = value(record.field(5));
        if (!callSign.isEmpty()) {
            draft.addIdentifier(IdentifierType.CALL_SIGN, callSign, "");
        }
        addLabelled(draft, "Vessel type", record.field(6));
        addLabelled(draft, "Tonnage", record.field(7));
        addLabelled(draft, "GRT", record.field(8));
        String flag = value(record.field(9));
        if (!flag.isEmpty() && !draft.addNationality(flag)) {
            draft.addRemark("Flag: " + flag);
        }
        addLabelled(draft, "Owner", record.field(10));
        remarks.put(id, new StringBuilder(value(record.field(11))));
    }

    private static void addLabelled(EntityDraft draft, String label, String raw) {
        String value = value(raw);
        if (!value.isEmpty()) {
            draft.addRemark(label + ": " + value);
        }
    }

    private static void readAddress(CsvRecord record, String label, Map<String, EntityDraft> drafts) {
        expectFields(record, 6, label);
        EntityDraft draft = drafts.get(entityNumber(record, label));
        if (draft == null) {
            return; // A companion file from another date may mention entities this one lacks.
        }
        String street = value(record.field(2));
        String city = value(record.field(3));
        String text = street.isEmpty() ? city : city.isEmpty() ? street : street + ", " + city;
        draft.addAddress(text, value(record.field(4)));
    }

    private static void readAlias(CsvRecord record, String label, Map<String, EntityDraft> drafts) {
        expectFields(record, 5, label);
        EntityDraft draft = drafts.get(entityNumber(record, label));
        if (draft == null) {
            return;
        }
        // alt.csv holds OFAC's strong aliases (a.k.a., f.k.a., n.k.a.); weak ones are in Remarks.
        draft.addName(value(record.field(3)), NameKind.STRONG_ALIAS);
    }

    private static void expectFields(CsvRecord record, int expected, String label) {
        if (record.size() != expected) {
            throw new ListFormatException(
                    label, record.lineNumber(), "expected " + expected + " fields, found " + record.size());
        }
    }

    private static String entityNumber(CsvRecord record, String label) {
        String id = value(record.field(0));
        if (id.isEmpty() || !id.chars().allMatch(Character::isDigit)) {
            throw new ListFormatException(
                    label, record.lineNumber(), "ent_num must be a number, found '" + record.field(0) + "'");
        }
        return id;
    }

    /** A field with OFAC's null marker and surrounding blanks removed. */
    static String value(String field) {
        String stripped = field.strip();
        return stripped.equals(NULL) ? "" : stripped;
    }
}
