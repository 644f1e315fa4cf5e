package org.corridor.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;

/**
 * The files a command reads, opened in one way: a missing or unreadable file is a one-line refusal
 * naming it, never a stack trace.
 */
final class InputFiles {

    private InputFiles() {}

    /** A UTF-8 reader of a CSV file. */
    static Reader open(Path file) throws IOException {
        requireReadable(file);
        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    /** Refuses a file that is missing or cannot be read. */
    static void requireReadable(Path file) {
        if (!Files.isReadable(file)) {
            throw new NotFoundException("FILE_NOT_FOUND", "cannot read " + file);
        }
    }

    /** The whole of a file, such as a document or a file of goods lines. */
    static byte[] readAllBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("FILE_NOT_FOUND", "no such file: " + file);
        } catch (IOException e) {
            throw new InvalidInputException("FILE_UNREADABLE", "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The name the audit trail records for a file: its last element. */
    static String name(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }
}
