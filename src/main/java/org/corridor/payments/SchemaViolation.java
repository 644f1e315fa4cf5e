package org.corridor.payments;

/** One way a message breaks its schema or cannot be read, with where. */
public record SchemaViolation(int line, int column, String message) {

    @Override
    public String toString() {
        return "line " + line + ", column " + column + ": " + message;
    }
}
