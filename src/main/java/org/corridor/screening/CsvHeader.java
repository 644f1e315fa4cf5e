package org.corridor.screening;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.corridor.csv.CsvRecord;

/** Column positions by name, so parsers do not depend on column order. Names ignore case. */
final class CsvHeader {

    private final Map<String, Integer> positions = new HashMap<>();
    private final int size;

    CsvHeader(List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            // The first occurrence wins: the old EU layout repeats Entity_logical_id per section.
            positions.putIfAbsent(key(names.get(i)), i);
        }
        this.size = names.size();
    }

    static String key(String name) {
        return name.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT);
    }

    boolean has(String name) {
        return positions.containsKey(key(name));
    }

    int size() {
        return size;
    }

    /** The field under {@code name}, stripped, or empty when the column or the field is absent. */
    String get(CsvRecord record, String name) {
        if (name.isEmpty()) {
            return "";
        }
        Integer position = positions.get(key(name));
        return position == null ? "" : record.field(position).strip();
    }

    /** The first non-empty field among the given column names. */
    String first(CsvRecord record, String... names) {
        for (String name : names) {
            String value = get(record, name);
            if (!value.isEmpty()) {
                return value;
            }
        }
        return "";
    }
}
