package org.corridor.settlement;

import java.sql.SQLException;

/**
 * Another transaction recorded the same idempotency key first. Carries SQLSTATE 40001, so the
 * Database's transaction runner runs the whole transaction again, which then finds that record.
 */
final class ConcurrentChangeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ConcurrentChangeException(String message) {
        super(message, new SQLException(message, "40001"));
    }
}
