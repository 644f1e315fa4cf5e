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
import org.corridor.csv.CsvFormatException;
import org.corridor.csv.CsvReader;
import org.corridor.csv.CsvRecord;

/**
 * Reads a metering file of delivery statements. The header names the columns, in any order:
 * {@code contract,period_start,period_end,metered_quantity,unit,disputed_quantity,dispute_reason}
 * and optionally {@code issued_on}, read by {@link CsvReader} (UTF-8 with or without a BOM, RFC 4180
 * quoting, blank lines skipped). Quantities are plain decimals, dates YYYY-MM-DD. A file with any
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
        List<CsvRecord> records = records(reader);
        if (records.isEmpty()) {
            throw invalid(1, "the file is empty; the first line is the header " + String.join(",", REQUIRED));
        }
        CsvRecord header = records.get(0);
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
        for (CsvRecord record : records.subList(1, records.size())) {
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

    private static NewDeliveryStatement statement(CsvRecord record, Map<String, Integer> columns) {
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

    private static String field(CsvRecord record, Map<String, Integer> columns, String name) {
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

    private static List<CsvRecord> records(Reader reader) {
        try (CsvReader csv = CsvReader.of(reader)) {
            return csv.readAll();
        } catch (CsvFormatException e) {
            throw invalid(Math.toIntExact(e.lineNumber()), e.reason());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
