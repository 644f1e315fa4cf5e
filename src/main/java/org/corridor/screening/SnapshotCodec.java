package org.corridor.screening;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Stored form of a version's entities: a JSON array of {@link ListedEntity}, gzip-compressed (the
 * full SDN list is about 1 MB this way instead of 10 MB of JSON).
 */
final class SnapshotCodec {

    static final String ENCODING = "gzip-json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<ListedEntity>> ENTITIES = new TypeReference<>() {};

    private SnapshotCodec() {}

    static byte[] encode(List<ListedEntity> entities) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes, 64 * 1024)) {
            JSON.writeValue(out, entities);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The hex SHA-256 of a stored form: what identifies a version's entities without decoding them. */
    static String digest(byte[] stored) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(stored));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<ListedEntity> decode(byte[] stored) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(stored), 64 * 1024)) {
            return JSON.readValue(in, ENTITIES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
