package org.corridor.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.corridor.http.JsonSupport;

/** What the demo leaves in its data folder for the reader: the summary, the reports, the payment files. */
final class DemoOutputs {

    private DemoOutputs() {}

    static void writeSummary(Path dataDir, Map<String, Object> figures) {
        try {
            Files.createDirectories(dataDir);
            Files.writeString(
                    dataDir.resolve("demo-summary.json"),
                    JsonSupport.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(figures) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the demo summary", e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + dataDir.resolve("demo-summary.json"), e);
        }
    }

    static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file, e);
        }
    }
}
