package org.corridor.identity;

import java.time.Instant;

/** A whole enrolment code, handed out only by the console to the first ADMIN of an empty database. */
public record EnrolmentCode(String user, String code, Instant expiresAt) {

    @Override
    public String toString() {
        return "EnrolmentCode[user=" + user + ", expiresAt=" + expiresAt + "]";
    }
}
