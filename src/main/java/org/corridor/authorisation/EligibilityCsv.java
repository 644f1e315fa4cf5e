package org.corridor.authorisation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.corridor.InvalidInputException;
import org.corridor.csv.CsvFormatException;
import org.corridor.csv.CsvReader;
import org.corridor.csv.CsvRecord;
import org.corridor.csv.CsvWriter;

/**
 * The eligibility CSV contract: goods lines in ({@link #INPUT_COLUMNS}), one decision per input row
 * out ({@link #OUTPUT_COLUMNS}). Each input row has one end-user type, so a line split between end
 * users arrives as several rows, each decided on its own; a row's {@code allowed_quantity} is its
 * quantity when ALLOWED and 0 otherwise. Malformed files are refused with the line number; field
 * values that cannot be read become missing and are named by the decision.
 */
public final class EligibilityCsv {

    public static final List<String> INPUT_COLUMNS = List.of(
            "line",
            "description",
            "hs_code",
            "quantity",
            "unit",
            "unit_price",
            "currency",
            "category",
            "end_user_type");

    public static final List<String> OUTPUT_COLUMNS = List.of("line", "decision", "reason", "allowed_quantity");

    private EligibilityCsv() {}

    /** The goods lines of a LINES file (UTF-8, with or without BOM; columns in any order). */
    public static List<GoodsLine> read(byte[] content, String sourceName) {
        List<CsvRecord> rows = records(content, sourceName);
        if (rows.isEmpty()) {
            throw malformed(sourceName, 1, "the header " + String.join(",", INPUT_COLUMNS) + " is missing");
        }
        CsvRecord header = rows.get(0);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).trim().toLowerCase(Locale.ROOT);
            if (!INPUT_COLUMNS.contains(name)) {
                throw malformed(
                        sourceName,
                        header.line(),
                        "unknown column '" + header.fields().get(i) + "'");
            }
            if (index.put(name, i) != null) {
                throw malformed(sourceName, header.line(), "column '" + name + "' appears twice");
            }
        }
        for (String column : INPUT_COLUMNS) {
            if (!index.containsKey(column)) {
                throw malformed(sourceName, header.line(), "the header lacks column '" + column + "'");
            }
        }
        if (rows.size() - 1 > Eligibility.MAX_LINES) {
            throw new InvalidInputException(
                    "TOO_MANY_LINES", sourceName + " has more than " + Eligibility.MAX_LINES + " lines");
        }
        List<GoodsLine> lines = new ArrayList<>();
        for (CsvRecord row : rows.subList(1, rows.size())) {
            if (row.fields().size() != header.fields().size()) {
                throw malformed(
                        sourceName,
                        row.line(),
                        row.fields().size() + " fields where the header has "
                                + header.fields().size());
            }
            List<String> fields = row.fields();
            lines.add(GoodsLine.fromText(
                    fields.get(index.get("line")),
                    fields.get(index.get("description")),
                    fields.get(index.get("hs_code")),
                    fields.get(index.get("quantity")),
                    fields.get(index.get("unit")),
                    fields.get(index.get("unit_price")),
                    fields.get(index.get("currency")),
                    fields.get(index.get("category")),
                    fields.get(index.get("end_user_type"))));
        }
        return lines;
    }

    /** The DECISIONS file: the header, then one row per line in input order, as UTF-8. */
    public static byte[] write(EligibilityResult result) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(OUTPUT_COLUMNS);
        for (LineResult line : result.lines()) {
            rows.add(List.of(
                    line.line(),
                    line.decision().verdict().name(),
                    line.decision().reasonCode().map(Enum::name).orElse(""),
                    line.allowedQuantity().toPlainString()));
        }
        return CsvWriter.write(rows, CsvWriter.LF).getBytes(StandardCharsets.UTF_8);
    }

    private static List<CsvRecord> records(byte[] content, String sourceName) {
        try (CsvReader csv = CsvReader.ofUtf8(content)) {
            return csv.readAll();
        } catch (CsvFormatException e) {
            throw malformed(sourceName, Math.toIntExact(e.lineNumber()), e.reason());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InvalidInputException malformed(String sourceName, int line, String problem) {
        return new InvalidInputException(
                "CSV_MALFORMED", sourceName + " line " + line + ": " + problem, Map.of("line", line));
    }
}
