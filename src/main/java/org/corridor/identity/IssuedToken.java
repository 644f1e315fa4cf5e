package org.corridor.identity;

import java.time.Instant;

/** A token just issued at enrolment: the only time its clear text exists outside the holder's hands. */
public record IssuedToken(User user, String token, Instant expiresAt) {

    @Override
    public String toString() {
        // Never print the secret by accident (logs, exceptions, debuggers).
        return "IssuedToken[user=" + user.name() + ", expiresAt=" + expiresAt + "]";
    }
}
