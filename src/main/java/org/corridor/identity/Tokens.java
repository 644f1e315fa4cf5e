package org.corridor.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.corridor.audit.Hashing;

/**
 * Bearer tokens and enrolment codes. A token is 256 random bits, URL-safe, with a recognisable
 * prefix so that secret scanners can find leaked ones. An enrolment code is two parts of 130 random
 * bits each, in Crockford's base 32 so that it can be read out and typed: {@code FIRST-SECOND}.
 * Both are stored as SHA-256: they have full entropy, so a slow password hash would add nothing but
 * latency.
 */
final class Tokens {

    static final String PREFIX = "cor_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int PART_LENGTH = 26;

    /** An enrolment code split into its two parts. */
    record CodeParts(String first, String second) {}

    private Tokens() {}

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean wellFormed(String token) {
        return token != null
                && token.length() == PREFIX.length() + 43
                && token.startsWith(PREFIX)
                && token.substring(PREFIX.length()).chars().allMatch(Tokens::isBase64Url);
    }

    private static boolean isBase64Url(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    static String hash(String token) {
        return Hashing.sha256Hex(token);
    }

    /** One part of an enrolment code: 26 characters of base 32 (130 bits). */
    static String newCodePart() {
        StringBuilder part = new StringBuilder(PART_LENGTH);
        for (int i = 0; i < PART_LENGTH; i++) {
            part.append(BASE32.charAt(RANDOM.nextInt(BASE32.length())));
        }
        return part.toString();
    }

    /** The two parts of a code typed as {@code FIRST-SECOND}, in any case and with spaces; empty when malformed. */
    static Optional<CodeParts> parts(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String cleaned = code.replace(" ", "").strip().toUpperCase(Locale.ROOT);
        int dash = cleaned.indexOf('-');
        if (dash != PART_LENGTH || cleaned.length() != 2 * PART_LENGTH + 1) {
            return Optional.empty();
        }
        String first = cleaned.substring(0, dash);
        String second = cleaned.substring(dash + 1);
        if (!isPart(first) || !isPart(second)) {
            return Optional.empty();
        }
        return Optional.of(new CodeParts(first, second));
    }

    private static boolean isPart(String text) {
        return text.chars().allMatch(c -> BASE32.indexOf(c) >= 0);
    }

    /** Compares two hashes in constant time. */
    static boolean sameHash(String one, String other) {
        return MessageDigest.isEqual(
                one.getBytes(StandardCharsets.US_ASCII), other.getBytes(StandardCharsets.US_ASCII));
    }
}
