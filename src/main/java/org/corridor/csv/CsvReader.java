package org.corridor.csv;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one CSV reader: RFC 4180 records (quoted fields with doubled quotes, delimiters and line
 * breaks inside quotes, CRLF, LF or CR line ends) streamed one at a time, each with the line it
 * starts on. A leading byte-order mark and the DOS end-of-file byte (0x1A) that OFAC files end
 * with are ignored; blank lines are skipped. Memory stays bounded: a field or record longer than
 * the limits is refused instead of buffered. A quote inside an unquoted field is read as a quote,
 * as spreadsheets write it.
 *
 * <p>Every refusal is a {@link CsvFormatException} naming the line where the offending record or
 * field starts, and the column where it is known. Not thread-safe; one reader per stream.
 */
public final class CsvReader implements Closeable {

    /** Fields longer than this (64 KiB) are refused unless configured otherwise. */
    public static final int DEFAULT_MAX_FIELD_CHARS = 64 * 1024;

    /** Records longer than this (1 MiB) are refused unless configured otherwise. */
    public static final int DEFAULT_MAX_RECORD_CHARS = 1024 * 1024;

    private static final CsvFactory DEFAULT_FACTORY = factory(DEFAULT_MAX_FIELD_CHARS);

    private final CsvParser parser;
    private final int maxFieldChars;
    private final int maxRecordChars;

    private CsvReader(Reader in, char delimiter, int maxFieldChars, int maxRecordChars) {
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("delimiter cannot be a quote or a line break");
        }
        if (maxFieldChars < 1 || maxRecordChars < maxFieldChars) {
            throw new IllegalArgumentException("limits must satisfy 1 <= maxFieldChars <= maxRecordChars");
        }
        this.maxFieldChars = maxFieldChars;
        this.maxRecordChars = maxRecordChars;
        CsvFactory factory = maxFieldChars == DEFAULT_MAX_FIELD_CHARS ? DEFAULT_FACTORY : factory(maxFieldChars);
        try {
            this.parser = factory.createParser(new CleanInput(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(delimiter).withoutEscapeChar());
    }

    private static CsvFactory factory(int maxFieldChars) {
        return CsvFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(maxFieldChars)
                        .build())
                .build();
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

    /**
     * A comma-separated reader of strict UTF-8 bytes: a malformed byte sequence is refused with the
     * line it is on ({@code not UTF-8 text}).
     */
    public static CsvReader ofUtf8(byte[] bytes) {
        return of(new StringReader(decode(bytes)));
    }

    /** Every remaining record. */
    public List<CsvRecord> readAll() {
        List<CsvRecord> records = new ArrayList<>();
        for (Optional<CsvRecord> record = next(); record.isPresent(); record = next()) {
            records.add(record.get());
        }
        return records;
    }

    /** The next record, or empty at the end of the input. */
    public Optional<CsvRecord> next() {
        try {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                long line = parser.currentLocation().getLineNr();
                List<String> fields = fields(line);
                if (!(fields.size() == 1 && fields.get(0).isBlank())) {
                    return Optional.of(new CsvRecord(line, fields));
                }
            }
            return Optional.empty();
        } catch (StreamConstraintsException e) {
            throw new CsvFormatException(tokenLine(), "field is longer than " + maxFieldChars + " characters");
        } catch (JsonProcessingException e) {
            throw refusal(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fields of the record whose START_ARRAY the parser is on. */
    private List<String> fields(long line) throws IOException {
        List<String> fields = new ArrayList<>();
        int recordChars = 0;
        for (JsonToken token = parser.nextToken();
                token != null && token != JsonToken.END_ARRAY;
                token = parser.nextToken()) {
            String value = parser.getText();
            recordChars += value.length();
            if (recordChars > maxRecordChars) {
                throw new CsvFormatException(line, "record is longer than " + maxRecordChars + " characters");
            }
            fields.add(value);
        }
        return fields;
    }

    private long tokenLine() {
        return parser.currentTokenLocation().getLineNr();
    }

    /** Jackson's refusal in our words: the line where the field starts, the column where known. */
    private CsvFormatException refusal(JsonProcessingException e) {
        String problem = e.getOriginalMessage();
        if (problem.startsWith("Missing closing quote")) {
            return new CsvFormatException(tokenLine(), "a quoted field is not closed before the end of the input");
        }
        JsonLocation at = e.getLocation();
        long line = at == null ? tokenLine() : at.getLineNr();
        // Jackson's column is where it stopped, just past the character it refuses.
        String column = at == null || at.getColumnNr() < 2 ? "" : " at column " + (at.getColumnNr() - 1);
        if (problem.contains("Expected column separator")) {
            return new CsvFormatException(line, "text after a closing quote" + column);
        }
        return new CsvFormatException(line, "malformed CSV" + column + ": " + problem);
    }

    /** Strict UTF-8: a malformed byte sequence is refused with the line it is on. */
    private static String decode(byte[] bytes) {
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
            throw new CsvFormatException(line, "not UTF-8 text");
        }
        out.flip();
        return out.toString();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
