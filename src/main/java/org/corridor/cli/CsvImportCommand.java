package org.corridor.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import org.corridor.app.Corridor;
import picocli.CommandLine.Parameters;

/**
 * A command that reads one CSV file into Corridor, whole or not at all, and prints what it changed. The
 * file is checked before the database is opened, so a missing file neither opens nor creates it.
 */
abstract class CsvImportCommand extends CorridorCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file.")
    Path file;

    @Override
    final void check() {
        InputFiles.requireReadable(file);
    }

    @Override
    final void run(Corridor corridor) throws IOException {
        try (Reader reader = InputFiles.open(file)) {
            System.out.println(importFile(corridor, reader));
        }
    }

    /** Reads the file into Corridor and says what it changed. */
    abstract String importFile(Corridor corridor, Reader reader);
}
