package org.corridor.screening;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.corridor.csv.CsvReader;
import org.corridor.csv.CsvRecord;

/**
 * Finds the shared evaluation data: {@code $CORRIDOR_SHARED_DATA} if set, else
 * {@code ../shared/data/sanctions} beside the project. A fresh clone has neither, and the
 * evaluations then skip with a message instead of failing.
 */
final class EvaluationData {

    private EvaluationData() {}

    static Optional<Path> root() {
        String configured = System.getenv("CORRIDOR_SHARED_DATA");
        Path root = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of("..", "shared", "data", "sanctions").toAbsolutePath().normalize();
        return Files.isDirectory(root.resolve("eval")) ? Optional.of(root) : Optional.empty();
    }

    /** The file under the data root; skips the calling test when the data is absent. */
    static Path require(String relative) {
        Optional<Path> root = root();
        assumeTrue(
                root.isPresent(),
                "evaluation data not found: set CORRIDOR_SHARED_DATA or provide ../shared/data/sanctions");
        Path file = root.get().resolve(relative);
        assumeTrue(Files.exists(file), "evaluation file not found: " + file);
        return file;
    }

    /** All records after the header. */
    static List<CsvRecord> csv(Path file) {
        List<CsvRecord> records = new ArrayList<>();
        try (CsvReader reader = CsvReader.of(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            reader.next();
            for (Optional<CsvRecord> record = reader.next(); record.isPresent(); record = reader.next()) {
                records.add(record.get());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
