package org.corridor.identity;

/** The outcome of presenting a token. */
public sealed interface Authentication {

    record Authenticated(User user) implements Authentication {}

    /**
     * Refused, with the reason: MISSING, MALFORMED, UNKNOWN, EXPIRED, REVOKED or USER_DISABLED. The
     * reason goes to the audit trail; the caller is told only that the token was not accepted.
     */
    record Refused(String reason) implements Authentication {}
}
