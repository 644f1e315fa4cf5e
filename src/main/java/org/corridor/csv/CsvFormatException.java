package org.corridor.csv;

/**
 * Input that cannot be read as CSV. The message is {@code line N: reason}, where N is the physical
 * line on which the offending record or field starts; the reason names the column where it is known.
 * Features turn it into their own refusal (code, file name) with {@link #lineNumber()} and
 * {@link #reason()}.
 */
public final class CsvFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long lineNumber;
    private final String reason;

    public CsvFormatException(long lineNumber, String reason) {
        super("line " + lineNumber + ": " + reason);
        this.lineNumber = lineNumber;
        this.reason = reason;
    }

    /** The 1-based physical line on which the offending record or field starts. */
    public long lineNumber() {
        return lineNumber;
    }

    /** What is wrong, without the line. */
    public String reason() {
        return reason;
    }
}
