package org.corridor.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntConsumer;
import org.corridor.InvalidInputException;

/**
 * A CSV file read whole through {@link CsvReader}, with a header of known column names. Every row keeps the line it starts on, so a refusal can
 * name it. Blank lines are skipped; a byte-order mark is ignored.
 */
public final class CsvTable {

    /** One data row: its first line in the file and its values by column name (blank when absent). */
    public record Row(int line, Map<String, String> values) {

        public String get(String column) {
            return values.getOrDefault(column, "").strip();
        }
    }

    /** Rows read between progress reports. */
    public static final int PROGRESS_EVERY = 10_000;

    private final List<String> header;
    private final List<Row> rows;

    private CsvTable(List<String> header, List<Row> rows) {
        this.header = List.copyOf(header);
        this.rows = List.copyOf(rows);
    }

    public List<String> header() {
        return header;
    }

    public List<Row> rows() {
        return rows;
    }

    /**
     * Reads a whole file, refusing it (with the line number) if it is malformed, lacks a required
     * column or names an unknown one.
     *
     * @param progress told the number of rows read every {@value #PROGRESS_EVERY} rows
     */
    public static CsvTable read(Reader reader, Set<String> required, Set<String> optional, IntConsumer progress) {
        try (CsvReader csv = CsvReader.of(reader)) {
            return read(csv, required, optional, progress);
        } catch (CsvFormatException e) {
            throw new InvalidInputException("CSV_MALFORMED", e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CSV: " + e.getMessage(), e);
        }
    }

    private static CsvTable read(CsvReader csv, Set<String> required, Set<String> optional, IntConsumer progress) {
        Optional<CsvRecord> header = csv.next();
        if (header.isEmpty()) {
            throw new InvalidInputException(
                    "CSV_EMPTY", "the file is empty; line 1 must be the header: " + String.join(",", order(required)));
        }
        List<String> names = columns(header.get().fields(), required, optional);
        List<Row> rows = new ArrayList<>();
        for (Optional<CsvRecord> next = csv.next(); next.isPresent(); next = csv.next()) {
            CsvRecord record = next.get();
            if (record.size() != names.size()) {
                throw new InvalidInputException(
                        "CSV_MALFORMED",
                        "line " + record.lineNumber() + ": " + record.size() + " fields where the header has "
                                + names.size());
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                values.put(names.get(i), record.field(i));
            }
            rows.add(new Row(record.line(), values));
            if (rows.size() % PROGRESS_EVERY == 0) {
                progress.accept(rows.size());
            }
        }
        return new CsvTable(names, rows);
    }

    /** The header's column names, refused when one is unknown or repeated or a required one is missing. */
    private static List<String> columns(List<String> header, Set<String> required, Set<String> optional) {
        List<String> names = new ArrayList<>();
        for (String name : header) {
            String column = name.strip().toLowerCase(Locale.ROOT);
            if (!required.contains(column) && !optional.contains(column)) {
                Set<String> known = new TreeSet<>(required);
                known.addAll(optional);
                throw new InvalidInputException(
                        "CSV_HEADER_INVALID", "line 1: unknown column '" + column + "'; the columns are " + known);
            }
            if (names.contains(column)) {
                throw new InvalidInputException("CSV_HEADER_INVALID", "line 1: column '" + column + "' appears twice");
            }
            names.add(column);
        }
        for (String column : order(required)) {
            if (!names.contains(column)) {
                throw new InvalidInputException(
                        "CSV_HEADER_INVALID", "line 1: the required column '" + column + "' is missing");
            }
        }
        return names;
    }

    private static List<String> order(Set<String> columns) {
        return new ArrayList<>(new TreeSet<>(columns));
    }
}
