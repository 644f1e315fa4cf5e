package org.corridor.db;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;

/**
 * PostgreSQL's {@code COPY ... from stdin (format binary)} on a handle's connection: no SQL to plan
 * per row, no text to parse, and heap pages filled several rows at a time.
 */
public final class BinaryCopy {

    private BinaryCopy() {}

    /**
     * Sends {@code data} (header, rows and trailer in the binary COPY format) to {@code statement};
     * returns how many rows the server took.
     *
     * @throws SQLException as the server refused it (a unique violation carries SQLSTATE 23505)
     */
    public static long in(Handle handle, String statement, byte[] data) throws SQLException {
        try {
            return handle.getConnection()
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(statement, new ByteArrayInputStream(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
