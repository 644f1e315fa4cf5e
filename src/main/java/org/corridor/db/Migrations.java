package org.corridor.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Runs the Flyway migrations under {@code classpath:db/migration}, the same for every database. */
public final class Migrations {

    private Migrations() {}

    /** Applies pending migrations; returns how many ran. */
    public static int migrate(DataSource dataSource) {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                // Numbers are allotted by feature (V1-V9 foundation, V10-V19 ledger, ...), so a new
                // migration may sort before ones a database already has: apply it all the same.
                .outOfOrder(true)
                .load()
                .migrate();
        return result.migrationsExecuted;
    }
}
