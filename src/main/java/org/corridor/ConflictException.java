package org.corridor;

import java.util.Map;

/** Refuses a request that clashes with the current state, such as a duplicate name. */
public final class ConflictException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String code, String message) {
        super(code, message, Map.of());
    }

    public ConflictException(String code, String message, Map<String, Object> details) {
        super(code, message, details);
    }
}
