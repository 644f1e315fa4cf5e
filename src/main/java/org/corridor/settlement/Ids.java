package org.corridor.settlement;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids derived from a command's idempotency key: the ledger transfers, lots and accounts a command
 * creates get the same ids each time it is run, so a retried command finds what it did before.
 */
final class Ids {

    private Ids() {}

    static UUID derived(UUID key, String purpose) {
        return UUID.nameUUIDFromBytes(("corridor-settlement:" + purpose + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    static UUID derived(String key) {
        return UUID.nameUUIDFromBytes(("corridor-settlement:" + key).getBytes(StandardCharsets.UTF_8));
    }
}
