package org.corridor.screening;

import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of every byte a parser reads, in reading order; it identifies a list version.
 * Not thread-safe.
 */
final class SourceDigest {

    private final MessageDigest digest;

    SourceDigest() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    InputStream track(InputStream in) {
        return new DigestInputStream(in, digest);
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
