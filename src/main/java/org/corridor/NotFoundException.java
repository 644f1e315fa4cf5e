package org.corridor;

import java.util.Map;

/** Refuses a reference to something that does not exist. */
public final class NotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String code, String message) {
        super(code, message, Map.of());
    }

    public NotFoundException(String code, String message, Map<String, Object> details) {
        super(code, message, details);
    }
}
