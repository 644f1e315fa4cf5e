package org.corridor.ledger;

import java.sql.SQLException;

/**
 * A concurrent batch created an id that this one had judged new. Carries SQLSTATE 40001
 * (serialization failure) in its cause, so the Database's transaction runner rolls back and runs
 * the whole transaction again, which then finds the other batch's row.
 */
final class ConcurrentPostingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ConcurrentPostingException(String message) {
        super(message, new SQLException(message, "40001"));
    }
}
