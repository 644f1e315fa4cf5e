package org.corridor.cli;

import java.nio.file.Path;
import org.corridor.app.Config;
import org.corridor.app.Corridor;
import picocli.CommandLine.Option;

/** Where the data lives: the options every command that opens the database shares. */
final class DatabaseOptions {

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Folder of the embedded database (default: $CORRIDOR_DATA_DIR or ./corridor-data). "
                    + "Ignored when CORRIDOR_DB_URL names an external PostgreSQL server.")
    Path dataDir;

    Config config() {
        Config config = Config.fromEnvironment();
        return dataDir == null ? config : config.withDataDir(dataDir);
    }

    Corridor open() {
        return Corridor.open(config());
    }
}
