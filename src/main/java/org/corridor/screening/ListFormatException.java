package org.corridor.screening;

/**
 * A sanctions list file that does not have the expected format. The message names the file and the
 * line (CSV) or element and line (XML), so an operator can find the problem without a debugger.
 */
public final class ListFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ListFormatException(String source, long lineNumber, String reason) {
        super(source + ": line " + lineNumber + ": " + reason);
    }

    public ListFormatException(String source, String reason) {
        super(source + ": " + reason);
    }

    public ListFormatException(String source, String reason, Throwable cause) {
        super(source + ": " + reason, cause);
    }
}
