package org.corridor.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LenientUtf8ReaderTest {

    private static String decode(byte[] bytes) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Reader reader = new LenientUtf8Reader(new ByteArrayInputStream(bytes))) {
            char[] buffer = new char[3];
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                out.append(buffer, 0, n);
            }
        }
        return out.toString();
    }

    @Test
    void decodes_utf8_including_characters_outside_the_basic_plane() throws IOException {
        String text = "Erdoğan صدام 𝐀 Qa’ida";

        assertThat(decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
    }

    @Test
    void reads_windows_1252_bytes_that_are_not_utf8() throws IOException {
        String text = "Qoussaï Šaban – ‘x’ 5 €";

        assertThat(decode(text.getBytes(Charset.forName("windows-1252")))).isEqualTo(text);
    }
}
