package org.corridor.identity;

import java.security.SecureRandom;
import java.util.Base64;
import org.corridor.audit.Hashing;

/**
 * Bearer tokens: 256 random bits, URL-safe, with a recognisable prefix so that secret scanners can
 * find leaked ones. Stored as SHA-256: a token has full entropy, so a slow password hash would add
 * nothing but latency to every request.
 */
final class Tokens {

    static final String PREFIX = "cor_";
    private static final SecureRandom RANDOM = new SecureRandom();

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
}
