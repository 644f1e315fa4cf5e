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

    /**
     * A refusal by a rule on the person (four eyes, segregation of duties): the one-line message
     * starts with the rule's code, so that it reads whole wherever it is shown ("SAME_PERSON_TWO_STEPS:
     * alice took MAKER on DR-2024-0412-A; a second step needs another person").
     */
    public static ForbiddenException rule(String code, String reason) {
        return new ForbiddenException(code, code + ": " + reason);
    }
}
