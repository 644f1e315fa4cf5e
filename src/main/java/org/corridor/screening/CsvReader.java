package org.corridor.screening;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A streaming RFC 4180 reader: quoted fields with doubled quotes, delimiters and line breaks inside
 * quotes, CRLF/LF/CR line ends, a leading byte-order mark and the DOS end-of-file byte (0x1A) that
 * OFAC files end with. Memory stays bounded: a field or record longer than the configured limits
 * is refused with the line number instead of being buffered. Blank lines are skipped.
 *
 * <p>Not thread-safe; one reader per stream.
 */
public final class CsvReader implements Closeable {

    /** Fields longer than this (64 KiB) are refused unless configured otherwise. */
    public static final int DEFAULT_MAX_FIELD_CHARS = 64 * 1024;

    /** Records longer than this (1 MiB) are refused unless configured otherwise. */
    public static final int DEFAULT_MAX_RECORD_CHARS = 1024 * 1024;

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final char END_OF_FILE_MARK = '\u001A';

    private final Reader in;
    private final char delimiter;
    private final int maxFieldChars;
    private final int maxRecordChars;
    private final char[] buffer = new char[16 * 1024];
    private int position;
    private int limit;
    private boolean started;
    private boolean exhausted;
    private long line = 1;
    private long charactersRead;

    private CsvReader(Reader in, char delimiter, int maxFieldChars, int maxRecordChars) {
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("delimiter cannot be a quote or a line break");
        }
        if (maxFieldChars < 1 || maxRecordChars < maxFieldChars) {
            throw new IllegalArgumentException("limits must satisfy 1 <= maxFieldChars <= maxRecordChars");
        }
        this.in = in;
        this.delimiter = delimiter;
        this.maxFieldChars = maxFieldChars;
        this.maxRecordChars = maxRecordChars;
    }

    /** A comma-separated reader with the default limits. */
    public static CsvReader of(Reader in) {
        return new CsvReader(in, ',', DEFAULT_MAX_FIELD_CHARS, DEFAULT_MAX_RECORD_CHARS);
    }

    public static CsvReader of(Reader in, char delimiter) {
        return new CsvReader(in, delimiter, DEFAULT_MAX_FIELD_CHARS, DEFAULT_MAX_RECORD_CHARS);
    }

    public static CsvReader of(Reader in, char delimiter, int maxFieldChars, int maxRecordChars) {
        return new CsvReader(in, delimiter, maxFieldChars, maxRecordChars);
    }

    /** Characters consumed so far; callers use it for progress reporting. */
    public long charactersRead() {
        return charactersRead;
    }

    /** The next record, or empty at the end of the input. */
    public Optional<CsvRecord> next() {
        while (true) {
            int first = peek();
            if (first < 0) {
                return Optional.empty();
            }
            if (first == '\n' || first == '\r') {
                consumeLineBreak();
                continue;
            }
            if (first == END_OF_FILE_MARK) {
                read();
                continue;
            }
            return Optional.of(readRecord());
        }
    }

    private CsvRecord readRecord() {
        long startLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int recordChars = 0;
        while (true) {
            int c = peek();
            if (c == '"' && field.length() == 0) {
                read();
                long quoteLine = line;
                recordChars += readQuoted(field, quoteLine, recordChars);
                skipBlanksAfterClosingQuote(startLine);
                c = peek();
            } else {
                while (c >= 0 && c != delimiter && c != '\n' && c != '\r') {
                    read();
                    // The DOS end-of-file byte carries no text; OFAC files end with one.
                    if (c != END_OF_FILE_MARK) {
                        append(field, (char) c, startLine);
                        recordChars++;
                        checkRecordLength(recordChars, startLine);
                    }
                    c = peek();
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (c == delimiter) {
                read();
                continue;
            }
            if (c == '\n' || c == '\r') {
                consumeLineBreak();
            }
            return new CsvRecord(startLine, fields);
        }
    }

    private int readQuoted(StringBuilder field, long quoteLine, int recordCharsBefore) {
        int consumed = 0;
        while (true) {
            int c = read();
            if (c < 0) {
                throw new CsvFormatException(quoteLine, "quoted field is not closed before the end of the input");
            }
            if (c == '"') {
                if (peek() == '"') {
                    read();
                    append(field, '"', quoteLine);
                } else {
                    return consumed;
                }
            } else {
                if (c == '\r') {
                    if (peek() == '\n') {
                        read();
                        append(field, '\r', quoteLine);
                        c = '\n';
                    }
                    line++;
                } else if (c == '\n') {
                    line++;
                }
                append(field, (char) c, quoteLine);
            }
            consumed++;
            checkRecordLength(recordCharsBefore + consumed, quoteLine);
        }
    }

    private void skipBlanksAfterClosingQuote(long startLine) {
        while (true) {
            int c = peek();
            if (c == ' ' || c == '\t') {
                read();
            } else if (c < 0 || c == delimiter || c == '\n' || c == '\r' || c == END_OF_FILE_MARK) {
                return;
            } else {
                throw new CsvFormatException(
                        line,
                        "unexpected character '" + (char) c + "' after a closing quote (record from line " + startLine
                                + ")");
            }
        }
    }

    private void append(StringBuilder field, char c, long fieldLine) {
        if (field.length() >= maxFieldChars) {
            throw new CsvFormatException(fieldLine, "field is longer than " + maxFieldChars + " characters");
        }
        field.append(c);
    }

    private void checkRecordLength(int recordChars, long startLine) {
        if (recordChars > maxRecordChars) {
            throw new CsvFormatException(startLine, "record is longer than " + maxRecordChars + " characters");
        }
    }

    private void consumeLineBreak() {
        int c = read();
        if (c == '\r' && peek() == '\n') {
            read();
        }
        line++;
    }

    private int peek() {
        if (position >= limit) {
            fill();
            if (position >= limit) {
                return -1;
            }
        }
        return buffer[position];
    }

    private int read() {
        int c = peek();
        if (c >= 0) {
            position++;
            charactersRead++;
        }
        return c;
    }

    private void fill() {
        if (exhausted) {
            return;
        }
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        try {
            while (limit < buffer.length) {
                int n = in.read(buffer, limit, buffer.length - limit);
                if (n < 0) {
                    exhausted = true;
                    break;
                }
                limit += n;
                if (n > 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!started && limit > 0) {
            started = true;
            if (buffer[0] == BYTE_ORDER_MARK) {
                position = 1;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
