package org.corridor.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A signed statement of where the audit chain stood: entry {@code seq} had hash {@code hash}
 * (recorded at {@code entryRecordedAt}), signed at {@code signedAt} with the key {@code keyId}.
 * Each checkpoint carries the SHA-256 of the checkpoint line before it ({@code previous}), so the
 * checkpoint file is a chain of its own: a line removed or moved breaks it.
 *
 * @param signature Ed25519 over the canonical JSON of every other field, in base64
 */
public record Checkpoint(
        long seq,
        String hash,
        Instant entryRecordedAt,
        Instant signedAt,
        String keyId,
        String previous,
        String signature) {

    /** The {@code previous} of the first checkpoint in a file. */
    public static final String FIRST = "0".repeat(64);

    public Checkpoint {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(entryRecordedAt, "entryRecordedAt");
        Objects.requireNonNull(signedAt, "signedAt");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(signature, "signature");
    }

    /** Signs the head {@code entry} of the chain with {@code key}, after {@code previous}. */
    static Checkpoint sign(AuditEntry entry, Instant signedAt, SigningKey key, String previous) {
        Checkpoint unsigned =
                new Checkpoint(entry.seq(), entry.hash(), entry.recordedAt(), signedAt, key.keyId(), previous, "");
        return new Checkpoint(
                unsigned.seq,
                unsigned.hash,
                unsigned.entryRecordedAt,
                unsigned.signedAt,
                unsigned.keyId,
                unsigned.previous,
                key.sign(unsigned.signedText()));
    }

    /** What the signature covers: every field but the signature, as canonical JSON. */
    String signedText() {
        return CanonicalJson.write(unsignedFields());
    }

    /** The checkpoint as one line of the checkpoint file (canonical JSON). */
    public String toJson() {
        Map<String, Object> fields = unsignedFields();
        fields.put("signature", signature);
        return CanonicalJson.write(fields);
    }

    private Map<String, Object> unsignedFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("seq", seq);
        fields.put("hash", hash);
        fields.put("entry_recorded_at", entryRecordedAt.toString());
        fields.put("signed_at", signedAt.toString());
        fields.put("key_id", keyId);
        fields.put("previous", previous);
        return fields;
    }

    /** The SHA-256 of this checkpoint's line: the next checkpoint's {@code previous}. */
    String lineDigest() {
        return Hashing.sha256Hex(toJson());
    }

    /** True when {@code key} signed this checkpoint as it stands. */
    boolean signedBy(SigningKey key) {
        return keyId.equals(key.keyId()) && key.verifies(signedText(), signature);
    }

    /**
     * Reads a checkpoint from its JSON.
     *
     * @throws IllegalArgumentException when a field is missing or malformed
     */
    public static Checkpoint parse(JsonNode json) {
        try {
            return new Checkpoint(
                    required(json, "seq").asLong(),
                    required(json, "hash").asText(),
                    Instant.parse(required(json, "entry_recorded_at").asText()),
                    Instant.parse(required(json, "signed_at").asText()),
                    required(json, "key_id").asText(),
                    required(json, "previous").asText(),
                    required(json, "signature").asText());
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("a checkpoint's time is malformed: " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("a checkpoint without " + field);
        }
        return value;
    }
}
