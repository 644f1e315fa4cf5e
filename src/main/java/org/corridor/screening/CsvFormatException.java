package org.corridor.screening;

/** A CSV input that cannot be read as CSV; the message names the line where the problem starts. */
public final class CsvFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long lineNumber;

    public CsvFormatException(long lineNumber, String reason) {
        super("line " + lineNumber + ": " + reason);
        this.lineNumber = lineNumber;
    }

    /** The 1-based physical line on which the offending record or field starts. */
    public long lineNumber() {
        return lineNumber;
    }
}
