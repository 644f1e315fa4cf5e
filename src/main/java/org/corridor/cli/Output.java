package org.corridor.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Where a command's document goes: to standard output, or with {@code --output FILE} to that file and
 * a line on standard output that says what was written.
 */
final class Output {

    private Output() {}

    /** A text document, such as CSV, JSON or XML, written as UTF-8 to a file. */
    static void text(Path output, String text, Supplier<String> written) throws IOException {
        if (output == null) {
            System.out.print(text);
        } else {
            Files.writeString(output, text, StandardCharsets.UTF_8);
            System.out.println(written.get());
        }
    }

    /** A document as its bytes, such as a PDF, written to standard output unchanged. */
    static void bytes(Path output, byte[] bytes, Supplier<String> written) throws IOException {
        if (output == null) {
            OutputStream out = System.out;
            out.write(bytes);
            out.flush();
        } else {
            Files.write(output, bytes);
            System.out.println(written.get());
        }
    }
}
