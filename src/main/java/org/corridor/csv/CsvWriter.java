package org.corridor.csv;

import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Flushable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one CSV writer: RFC 4180, a field quoted only when it holds a comma, a quote or a line
 * break, with the line end the file's contract names. Every cell that a spreadsheet would run as a
 * formula (it starts with {@code = + - @}, a tab or a carriage return, and is not a plain number)
 * is written with a leading apostrophe, so that opening an export never runs what a user typed.
 */
public final class CsvWriter implements Flushable {

    /** Line ends of the files Corridor writes. */
    public static final String CRLF = "\r\n";

    public static final String LF = "\n";

    private static final CsvFactory FACTORY = CsvFactory.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final CsvGenerator generator;

    private CsvWriter(Writer out, String lineEnd) {
        try {
            this.generator = FACTORY.createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        generator.setSchema(CsvSchema.emptySchema().withLineSeparator(lineEnd));
    }

    /** A writer onto {@code out} ending each row with {@code lineEnd} ({@link #CRLF} or {@link #LF}). */
    public static CsvWriter of(Writer out, String lineEnd) {
        return new CsvWriter(out, lineEnd);
    }

    /** The rows as CSV text. */
    public static String write(List<? extends List<String>> rows, String lineEnd) {
        StringWriter text = new StringWriter();
        CsvWriter writer = of(text, lineEnd);
        rows.forEach(writer::row);
        writer.flush();
        return text.toString();
    }

    /** One row as CSV text, for writers that assemble their output a line at a time. */
    public static String line(List<String> cells, String lineEnd) {
        return write(List.of(cells), lineEnd);
    }

    /** One row; a null cell is written empty and an empty row as an empty line. */
    public void row(List<String> cells) {
        try {
            generator.writeStartArray();
            if (cells.isEmpty()) {
                generator.writeString("");
            }
            for (String cell : cells) {
                generator.writeString(inert(cell));
            }
            generator.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cell as written before quoting: a formula-looking cell gets a leading apostrophe. */
    public static String inert(String cell) {
        String value = cell == null ? "" : cell;
        if (!value.isEmpty()
                && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0
                && !PLAIN_NUMBER.matcher(value).matches()) {
            return "'" + value;
        }
        return value;
    }

    /** Writes what is buffered through to the underlying writer (which stays open). */
    @Override
    public void flush() {
        try {
            generator.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
