package org.corridor.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stored link of the chain. {@code command}, {@code outcome} and {@code versions} are canonical
 * JSON text exactly as hashed, so anyone can recompute {@link #hash()} offline from an export.
 */
public record AuditEntry(
        long seq,
        Instant recordedAt,
        String actor,
        String actorRole,
        String action,
        String subject,
        String command,
        String outcome,
        String versions,
        String previousHash,
        String hash) {

    /** The hash of the first entry's predecessor. */
    public static final String GENESIS_HASH = "0".repeat(64);

    /** Recomputes this entry's hash from its content and its predecessor's hash. */
    public String computeHash() {
        return Hashing.sha256Hex(CanonicalJson.write(hashedFields()));
    }

    /**
     * The fields covered by the hash, in the form an examiner recomputes: a canonical JSON object
     * (keys sorted, no whitespace) whose SHA-256 in lowercase hex is the entry's hash.
     */
    Map<String, Object> hashedFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("seq", seq);
        fields.put("recorded_at", recordedAt.toString());
        fields.put("actor", actor);
        fields.put("actor_role", actorRole);
        fields.put("action", action);
        fields.put("subject", subject);
        fields.put("command", command);
        fields.put("outcome", outcome);
        fields.put("versions", versions);
        fields.put("previous_hash", previousHash);
        return fields;
    }
}
