package org.corridor.settlement;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.corridor.DomainException;
import org.corridor.InvalidInputException;

/**
 * Reads a metering file of delivery statements. The header names the columns, in any order:
 * {@code contract,period_start,period_end,metered_quantity,unit,disputed_quantity,dispute_reason}
 * and optionally {@code issued_on}. UTF-8 with or without a BOM, RFC 4180 quoting, CRLF or LF line
 * ends; blank lines are skipped. Quantities are plain decimals, dates YYYY-MM-DD. A file with any
 * bad line is refused whole, naming the line.
 */
final class DeliveryCsv {

    /** One statement of the file and the line it started on. */
    record Row(int line, NewDeliveryStatement statement) {}

    static final List<String> REQUIRED = List.of(
            "contract",
            "period_start",
            "period_end",
            "metered_quantity",
            "unit",
            "disputed_quantity",
            "dispute_reason");
    static final String ISSUED_ON = "issued_on";
    static final int MAX_ROWS = 10_000;

    private DeliveryCsv() {}

    static List<Row> read(Reader reader) {
        List<Record> records = records(reader);
        if (records.isEmpty()) {
            throw invalid(1, "the file is empty; the first line is the header " + String.join(",", REQUIRED));
        }
        Record header = records.get(0);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).trim().toLowerCase(Locale.ROOT);
            if (!REQUIRED.contains(name) && !name.equals(ISSUED_ON)) {
                throw invalid(
                        header.line(),
                        "unknown column '" + name + "'; the header is " + String.join(",", REQUIRED) + "[," + ISSUED_ON
                                + "]");
            }
            if (columns.put(name, i) != null) {
                throw invalid(header.line(), "column '" + name + "' is named twice");
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                throw invalid(header.line(), "column '" + required + "' is missing");
            }
        }
        if (records.size() - 1 > MAX_ROWS) {
            throw invalid(header.line(), "at most " + MAX_ROWS + " statements per file");
        }
        List<Row> rows = new ArrayList<>();
        for (Record record : records.subList(1, records.size())) {
            if (record.fields().size() != header.fields().size()) {
                throw invalid(
                        record.line(),
                        record.fields().size() + " fields where the header has "
                                + header.fields().size());
            }
            try {
                rows.add(new Row(record.line(), statement(record, columns)));
            } catch (DomainException e) {
                throw invalid(record.line(), e.getMessage());
            }
        }
        return rows;
    }

    private static NewDeliveryStatement statement(Record record, Map<String, Integer> columns) {
        String disputed = field(record, columns, "disputed_quantity");
        String issued = columns.containsKey(ISSUED_ON) ? field(record, columns, ISSUED_ON) : "";
        return new NewDeliveryStatement(
                field(record, columns, "contract"),
                date("period_start", field(record, columns, "period_start")),
                date("period_end", field(record, columns, "period_end")),
                Amounts.decimal("metered_quantity", field(record, columns, "metered_quantity")),
                QuantityUnit.parse(field(record, columns, "unit")),
                disputed.isEmpty() ? BigDecimal.ZERO : Amounts.decimal("disputed_quantity", disputed),
                Optional.of(field(record, columns, "dispute_reason")),
                issued.isEmpty() ? Optional.empty() : Optional.of(date(ISSUED_ON, issued)));
    }

    private static String field(Record record, Map<String, Integer> columns, String name) {
        return record.fields().get(columns.get(name)).trim();
    }

    private static LocalDate date(String name, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw new InvalidInputException("DATE_INVALID", name + " must be a YYYY-MM-DD date: '" + text + "'");
        }
    }

    private static InvalidInputException invalid(int line, String message) {
        return new InvalidInputException("DELIVERY_CSV_INVALID", "line " + line + ": " + message, Map.of("line", line));
    }

    /** A record of the file and the line it starts on (quoted fields may span lines). */
    private record Record(int line, List<String> fields) {}

    private static List<Record> records(Reader reader) {
        String text;
        try {
            StringBuilder all = new StringBuilder();
            char[] buffer = new char[8192];
            int read;
            while ((read = reader.read(buffer)) >= 0) {
                all.append(buffer, 0, read);
            }
            text = all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == '"') {
                if (field.length() > 0 || wasQuoted) {
                    throw invalid(line, "a quote inside an unquoted field");
                }
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
                if (!(fields.size() == 1 && fields.get(0).isBlank())) {
                    records.add(new Record(recordLine, List.copyOf(fields)));
                }
                fields.clear();
                line++;
                recordLine = line;
            } else {
                if (wasQuoted) {
                    throw invalid(line, "text after a closing quote");
                }
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            throw invalid(recordLine, "a quoted field is not closed");
        }
        if (field.length() > 0 || !fields.isEmpty() || wasQuoted) {
            fields.add(field.toString());
            if (!(fields.size() == 1 && fields.get(0).isBlank())) {
                records.add(new Record(recordLine, List.copyOf(fields)));
            }
        }
        return records;
    }
}
