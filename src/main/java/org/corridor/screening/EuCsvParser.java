package org.corridor.screening;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
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
 * Parses the EU Financial Sanctions File CSV in either layout: the pre-2019 export (each line
 * wrapped in quotes and padded with tabs, columns {@code Entity_logical_id}, {@code Naal_*},
 * {@code Birt_*}, ...) and the current {@code csvFullSanctionsList_1_1} export ({@code
 * Entity_LogicalId}, {@code NameAlias_*}, {@code BirthDate_*}, ...). Both have one row per name,
 * address, birth date, document or citizenship, joined on the entity's logical id.
 */
final class EuCsvParser {

    private static final Pattern DMY = Pattern.compile("^(\\d{2})/(\\d{2})/(\\d{4})$");
    private static final Pattern ISO_DATE = Pattern.compile("^(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    private EuCsvParser() {}

    /** Column names of one layout, looked up by meaning. */
    private record Columns(
            String date,
            String id,
            String subject,
            String programme,
            String remark,
            String wholeName,
            String lastName,
            String firstName,
            String middleName,
            String function,
            String street,
            String houseNumber,
            String zipCode,
            String city,
            String addressCountry,
            String birthDate,
            String birthYear,
            String birthPlace,
            String birthCountry,
            String documentNumber,
            String documentType,
            String documentCountry,
            String citizenship,
            String citizenshipName,
            String reference) {}

    private static final Columns OLD = new Columns(
            "Date_filexxxx",
            "Entity_logical_id",
            "Subject_type",
            "Programme",
            "Entity_remark",
            "Naal_wholename",
            "Naal_lastname",
            "Naal_firstname",
            "Naal_middlename",
            "Naal_function",
            "Addr_street",
            "Addr_number",
            "Addr_zipcode",
            "Addr_city",
            "Addr_country",
            "Birt_date",
            "",
            "Birt_place",
            "Birt_country",
            "Iden_number",
            "",
            "Iden_country",
            "Citi_country",
            "",
            "EU_ref_num");

    private static final Columns CURRENT = new Columns(
            "fileGenerationDate",
            "Entity_LogicalId",
            "Entity_SubjectType_ClassificationCode",
            "Entity_Regulation_Programme",
            "Entity_Remark",
            "NameAlias_WholeName",
            "NameAlias_LastName",
            "NameAlias_FirstName",
            "NameAlias_MiddleName",
            "NameAlias_Function",
            "Address_Street",
            "",
            "Address_ZipCode",
            "Address_City",
            "Address_CountryIso2Code",
            "BirthDate_BirthDate",
            "BirthDate_Year",
            "BirthDate_City",
            "BirthDate_CountryIso2Code",
            "Identification_Number",
            "Identification_TypeCode",
            "Identification_CountryIso2Code",
            "Citizenship_CountryIso2Code",
            "Citizenship_CountryDescription",
            "Entity_EU_ReferenceNumber");

    static ListSnapshot parse(String label, StreamOpener opener) {
        SourceDigest digest = new SourceDigest();
        Map<String, EntityDraft> drafts = new LinkedHashMap<>();
        String[] published = {""};
        try (InputStream in = digest.track(opener.open());
                BufferedReader text = new BufferedReader(new LenientUtf8Reader(in), 64 * 1024)) {
            text.mark(64 * 1024);
            String firstLine = Optional.ofNullable(text.readLine())
                    .orElse("")
                    .replace("\uFEFF", "")
                    .strip();
            text.reset();
            if (firstLine.startsWith("\"Date_file") || firstLine.startsWith("Date_file")) {
                readOldLayout(label, text, drafts, published);
            } else if (firstLine.contains("Entity_LogicalId")) {
                readRows(label, CsvReader.of(text, ';'), CURRENT, drafts, published);
            } else {
                throw new ListFormatException(
                        label,
                        1,
                        "not an EU sanctions CSV: the header has neither Entity_logical_id nor Entity_LogicalId");
            }
        } catch (CsvFormatException e) {
            throw new ListFormatException(label, e.lineNumber(), e.reason());
        } catch (IOException e) {
            throw new UncheckedIOException(label + ": " + e.getMessage(), e);
        }
        List<ListedEntity> entities = new ArrayList<>();
        for (EntityDraft draft : drafts.values()) {
            if (draft.hasNames()) {
                entities.add(draft.build());
            }
        }
        return new ListSnapshot(SanctionsList.EU, published[0], digest.hex(), entities);
    }

    /**
     * The old export quotes each whole line as one CSV field; inside it is an ordinary
     * semicolon-separated record, padded with tabs.
     */
    private static void readOldLayout(
            String label, BufferedReader text, Map<String, EntityDraft> drafts, String[] published) throws IOException {
        try (CsvReader outer = CsvReader.of(text, '\u0000')) {
            CsvHeader header = null;
            for (Optional<CsvRecord> line = outer.next(); line.isPresent(); line = outer.next()) {
                CsvRecord wrapped = line.get();
                String inner = stripTrailingTabs(wrapped.field(0));
                if (inner.isBlank()) {
                    continue;
                }
                CsvRecord record;
                try (CsvReader innerReader = CsvReader.of(new StringReader(inner), ';')) {
                    Optional<CsvRecord> parsed = innerReader.next();
                    if (parsed.isEmpty()) {
                        continue;
                    }
                    record = new CsvRecord(wrapped.lineNumber(), parsed.get().fields());
                } catch (CsvFormatException e) {
                    throw new CsvFormatException(wrapped.lineNumber(), e.reason());
                }
                if (header == null) {
                    header = new CsvHeader(record.fields());
                    continue;
                }
                readRow(label, header, record, OLD, drafts, published);
            }
        }
    }

    private static void readRows(
            String label, CsvReader reader, Columns columns, Map<String, EntityDraft> drafts, String[] published)
            throws IOException {
        try (reader) {
            Optional<CsvRecord> first = reader.next();
            if (first.isEmpty()) {
                throw new ListFormatException(label, "the file is empty");
            }
            CsvHeader header = new CsvHeader(first.get().fields());
            for (Optional<CsvRecord> record = reader.next(); record.isPresent(); record = reader.next()) {
                readRow(label, header, record.get(), columns, drafts, published);
            }
        }
    }

    private static void readRow(
            String label,
            CsvHeader header,
            CsvRecord row,
            Columns columns,
            Map<String, EntityDraft> drafts,
            String[] published) {
        if (row.size() > header.size() + 1) {
            throw new ListFormatException(
                    label, row.lineNumber(), "expected " + header.size() + " fields, found " + row.size());
        }
        String id = header.get(row, columns.id());
        if (id.isEmpty()) {
            throw new ListFormatException(label, row.lineNumber(), "row has no " + columns.id());
        }
        if (published[0].isEmpty()) {
            published[0] = date(header.get(row, columns.date()))
                    .map(PartialDate::toString)
                    .orElse("");
        }
        String subject = header.get(row, columns.subject()).toLowerCase(Locale.ROOT);
        if (subject.isEmpty()) {
            subject = header.get(row, "Entity_SubjectType").toLowerCase(Locale.ROOT);
        }
        EntityType type = subject.equals("p") || subject.equals("person") ? EntityType.PERSON : EntityType.ORGANISATION;
        EntityDraft draft = drafts.computeIfAbsent(id, key -> new EntityDraft(SanctionsList.EU, key, type));
        draft.addProgramme(header.get(row, columns.programme()));
        draft.addRemark(header.get(row, columns.remark()).replace("\\n", " "));
        String reference = header.get(row, columns.reference());
        if (!reference.isEmpty()) {
            draft.addRemark("EU reference " + reference);
        }
        String name = header.get(row, columns.wholeName());
        if (name.isEmpty()) {
            name = String.join(
                    " ",
                    nonEmpty(
                            header.get(row, columns.firstName()),
                            header.get(row, columns.middleName()),
                            header.get(row, columns.lastName())));
        }
        draft.addName(name, draft.hasNames() ? NameKind.STRONG_ALIAS : NameKind.PRIMARY);
        String function = header.get(row, columns.function());
        if (!function.isEmpty()) {
            draft.addRemark("Function: " + function);
        }
        String street =
                String.join(" ", nonEmpty(header.get(row, columns.houseNumber()), header.get(row, columns.street())));
        String address = String.join(
                ", ", nonEmpty(street, header.get(row, columns.zipCode()), header.get(row, columns.city())));
        String addressCountry = header.get(row, columns.addressCountry());
        if (addressCountry.isEmpty()) {
            addressCountry = header.get(row, "Address_CountryDescription");
        }
        if (!address.isEmpty() || !addressCountry.isEmpty()) {
            draft.addAddress(address, addressCountry);
        }
        Optional<PartialDate> birth = date(header.get(row, columns.birthDate()));
        if (birth.isEmpty() && !columns.birthYear().isEmpty()) {
            birth = date(header.get(row, columns.birthYear()));
        }
        birth.ifPresent(draft::addBirthDate);
        String birthCountry = header.get(row, columns.birthCountry());
        String birthPlace = String.join(", ", nonEmpty(header.get(row, columns.birthPlace()), birthCountry));
        draft.addBirthPlace(birthPlace);
        String document = header.get(row, columns.documentNumber());
        if (!document.isEmpty()) {
            int paren = document.indexOf(" (");
            String number = paren > 0 ? document.substring(0, paren).strip() : document;
            String kind = columns.documentType().isEmpty()
                    ? document.toLowerCase(Locale.ROOT)
                    : header.get(row, columns.documentType()).toLowerCase(Locale.ROOT);
            IdentifierType documentType = kind.contains("passport")
                    ? IdentifierType.PASSPORT
                    : kind.contains("(id-") || kind.equals("id") || kind.contains("national")
                            ? IdentifierType.NATIONAL_ID
                            : IdentifierType.OTHER;
            draft.addIdentifier(documentType, number, header.get(row, columns.documentCountry()));
        }
        String citizenship = header.first(row, columns.citizenship(), columns.citizenshipName());
        if (!citizenship.isEmpty()) {
            draft.addNationality(citizenship);
        }
    }

    private static Optional<PartialDate> date(String text) {
        String value = text.strip();
        Matcher dmy = DMY.matcher(value);
        try {
            if (dmy.matches()) {
                return Optional.of(new PartialDate(
                        Integer.parseInt(dmy.group(3)),
                        Integer.parseInt(dmy.group(2)),
                        Integer.parseInt(dmy.group(1))));
            }
            Matcher iso = ISO_DATE.matcher(value);
            if (iso.find()) {
                int year = Integer.parseInt(iso.group(1));
                int month = iso.group(2) == null ? 0 : Integer.parseInt(iso.group(2));
                int day = iso.group(3) == null || month == 0 ? 0 : Integer.parseInt(iso.group(3));
                return year == 0 ? Optional.empty() : Optional.of(new PartialDate(year, month, day));
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static List<String> nonEmpty(String... parts) {
        List<String> kept = new ArrayList<>();
        for (String part : parts) {
            if (!part.isBlank()) {
                kept.add(part.strip());
            }
        }
        return kept;
    }

    private static String stripTrailingTabs(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\t' || text.charAt(end - 1) == ' ')) {
            end--;
        }
        return text.substring(0, end);
    }
}
