package org.corridor;

import java.util.Map;

/** Refuses input that is malformed or breaks a rule of its own, independent of stored state. */
public final class InvalidInputException extends DomainException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String code, String message) {
        super(code, message, Map.of());
    }

    public InvalidInputException(String code, String message, Map<String, Object> details) {
        super(code, message, details);
    }
}
