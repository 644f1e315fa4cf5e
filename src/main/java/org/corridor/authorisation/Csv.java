package org.corridor.authorisation;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.corridor.InvalidInputException;

/**
 * A small RFC 4180 reader and writer: comma-separated fields, double quotes around fields that hold
 * commas, quotes or line breaks, a doubled quote for a quote. Reads UTF-8 with or without a byte
 * order mark and CRLF or LF line ends, skips blank lines, and refuses malformed input with the line
 * number. Writes LF line ends, which every CSV reader accepts.
 */
final class Csv {

    /** One record and the line of the file it starts on. */
    record Row(int line, List<String> fields) {}

    private Csv() {}

    static List<Row> read(byte[] bytes, String sourceName) {
        String text = decode(bytes, sourceName);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        boolean quoted = false; // inside a quoted field
        boolean closed = false; // just after a quoted field's closing quote
        boolean fieldStarted = false;
        int quoteLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                        closed = true;
                    }
                } else {
                    if (c == '\n' || (c == '\r' && !(i + 1 < text.length() && text.charAt(i + 1) == '\n'))) {
                        line++;
                    }
                    field.append(c);
                }
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                closed = false;
                fieldStarted = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                if (fieldStarted || fields.size() > 1 || !fields.get(0).isEmpty() || closed) {
                    rows.add(new Row(rowLine, List.copyOf(fields)));
                }
                fields.clear();
                field.setLength(0);
                closed = false;
                fieldStarted = false;
                line++;
                rowLine = line;
            } else if (closed) {
                throw malformed(sourceName, line, "text after a closing quote");
            } else if (c == '"') {
                if (field.length() > 0) {
                    throw malformed(sourceName, line, "a quote inside an unquoted field");
                }
                quoted = true;
                quoteLine = line;
                fieldStarted = true;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw malformed(sourceName, quoteLine, "a quoted field is never closed");
        }
        if (fieldStarted || !fields.isEmpty() || closed) {
            fields.add(field.toString());
            rows.add(new Row(rowLine, List.copyOf(fields)));
        }
        return rows;
    }

    static String write(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(quote(row.get(i)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }

    /** Strict UTF-8: a malformed byte sequence is refused with the line it is on. */
    private static String decode(byte[] bytes, String sourceName) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw malformed(sourceName, line, "not UTF-8 text");
        }
        out.flip();
        return out.toString();
    }

    static InvalidInputException malformed(String sourceName, int line, String problem) {
        return new InvalidInputException(
                "CSV_MALFORMED", sourceName + " line " + line + ": " + problem, Map.of("line", line));
    }
}
