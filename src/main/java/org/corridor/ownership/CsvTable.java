package org.corridor.ownership;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntConsumer;
import org.corridor.InvalidInputException;

/**
 * A CSV file read whole (RFC 4180: commas, double-quoted fields with doubled quotes, LF or CRLF),
 * with a header of known column names. Every row keeps the line it starts on, so a refusal can
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
        Parser parser = new Parser(reader instanceof BufferedReader ? reader : new BufferedReader(reader, 1 << 16));
        List<String> header = parser.next();
        if (header == null) {
            throw new InvalidInputException(
                    "CSV_EMPTY", "the file is empty; line 1 must be the header: " + String.join(",", order(required)));
        }
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
        List<Row> rows = new ArrayList<>();
        while (true) {
            int line = parser.recordLine();
            List<String> fields = parser.next();
            if (fields == null) {
                break;
            }
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue;
            }
            if (fields.size() != names.size()) {
                throw new InvalidInputException(
                        "CSV_MALFORMED",
                        "line " + line + ": " + fields.size() + " fields where the header has " + names.size());
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                values.put(names.get(i), fields.get(i));
            }
            rows.add(new Row(line, values));
            if (rows.size() % PROGRESS_EVERY == 0) {
                progress.accept(rows.size());
            }
        }
        return new CsvTable(names, rows);
    }

    private static List<String> order(Set<String> columns) {
        return new ArrayList<>(new TreeSet<>(columns));
    }

    /** Splits records; tracks the line each record starts on. Not thread-safe. */
    private static final class Parser {
        private final Reader reader;
        private int line = 1;
        private int pushedBack = -2;
        private boolean started;

        Parser(Reader reader) {
            this.reader = reader;
        }

        int recordLine() {
            return line;
        }

        /** The next record's fields, or null at the end. */
        List<String> next() {
            int c = read();
            if (!started) {
                started = true;
                if (c == '\uFEFF') {
                    c = read();
                }
            }
            if (c == -1) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            int recordStart = line;
            boolean quoted = false;
            boolean wasQuoted = false;
            while (true) {
                if (quoted) {
                    if (c == -1) {
                        throw new InvalidInputException(
                                "CSV_MALFORMED", "line " + recordStart + ": a quoted field is never closed");
                    }
                    if (c == '"') {
                        int after = read();
                        if (after == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            c = after;
                            continue;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                    c = read();
                    continue;
                }
                if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (c == '\r' || c == '\n' || c == -1) {
                    if (c == '\r') {
                        int after = read();
                        if (after != '\n') {
                            pushBack(after);
                        }
                    }
                    if (c != -1) {
                        line++;
                    }
                    fields.add(field.toString());
                    return fields;
                } else if (c == '"') {
                    if (field.length() > 0 || wasQuoted) {
                        throw new InvalidInputException(
                                "CSV_MALFORMED", "line " + line + ": a quote inside an unquoted field");
                    }
                    quoted = true;
                    wasQuoted = true;
                } else {
                    if (wasQuoted) {
                        throw new InvalidInputException(
                                "CSV_MALFORMED", "line " + line + ": text after a closing quote");
                    }
                    field.append((char) c);
                }
                c = read();
            }
        }

        private void pushBack(int c) {
            pushedBack = c;
        }

        private int read() {
            if (pushedBack != -2) {
                int c = pushedBack;
                pushedBack = -2;
                return c;
            }
            try {
                return reader.read();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the CSV: " + e.getMessage(), e);
            }
        }
    }
}
