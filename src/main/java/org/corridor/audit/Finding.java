package org.corridor.audit;

import java.util.Objects;

/**
 * One thing a verification found wrong, named: {@code code} is stable (such as CHAIN_TRUNCATED or
 * TRANSFER_DIGEST_MISMATCH) and {@code detail} says where, in one line.
 */
public record Finding(String code, String detail) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return code + ": " + detail;
    }
}
