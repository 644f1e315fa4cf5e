package org.corridor;

import java.util.Map;

/**
 * A refusal that a caller can act on: bad input, a missing thing, a conflicting state or a
 * forbidden act. Edges map each kind to their own vocabulary (HTTP status, CLI exit code) in one
 * place; business outcomes that are part of normal flow are named-reason enums instead.
 */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidInputException, NotFoundException, ConflictException, ForbiddenException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final transient Map<String, Object> details;

    protected DomainException(String code, String message, Map<String, Object> details) {
        super(message);
        this.code = code;
        this.details = Map.copyOf(details);
    }

    /** A stable UPPER_SNAKE reason code, such as {@code ACCOUNT_NOT_FOUND}. */
    public String code() {
        return code;
    }

    /** Extra facts for the caller (field names, limits); never internal detail. */
    public Map<String, Object> details() {
        return details == null ? Map.of() : details;
    }
}
