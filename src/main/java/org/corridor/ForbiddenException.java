package org.corridor;

import java.util.Map;

/** Refuses an act the actor may not do, even with the right role, such as approving their own request. */
public final class ForbiddenException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(String code, String message) {
        super(code, message, Map.of());
    }

    public ForbiddenException(String code, String message, Map<String, Object> details) {
        super(code, message, details);
    }
}
