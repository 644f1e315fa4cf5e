package org.corridor.csv;

import java.util.List;

/** One CSV record: its fields and the physical line on which it starts. */
public record CsvRecord(long lineNumber, List<String> fields) {

    public CsvRecord {
        fields = List.copyOf(fields);
    }

    /** The field at {@code index}, or the empty string when the record is shorter. */
    public String field(int index) {
        return index >= 0 && index < fields.size() ? fields.get(index) : "";
    }

    public int size() {
        return fields.size();
    }

    /** The line as an int, for callers whose files are bounded well below 2^31 lines. */
    public int line() {
        return Math.toIntExact(lineNumber);
    }
}
