package org.corridor.cli;

import java.util.concurrent.Callable;
import org.corridor.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        description = "Apply pending database migrations, then exit.")
final class MigrateCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        var config = database.config();
        try (Database db = Database.open(
                config.databaseSettings(), new io.micrometer.core.instrument.simple.SimpleMeterRegistry())) {
            int applied = db.migrate();
            System.out.println("applied " + applied + " migration(s) to " + db.description());
        }
        return 0;
    }
}
