package org.corridor.settlement;

import java.util.List;
import org.corridor.authorisation.CoverageFinding;

/**
 * What a movement command did: done (now, or earlier under the same idempotency key with the same
 * content), or refused with a named reason and nothing posted.
 */
public sealed interface SettlementOutcome<T> {

    /**
     * @param repeated true when the same command was done before: this is the original result
     */
    record Done<T>(T value, boolean repeated) implements SettlementOutcome<T> {}

    /**
     * @param findings the authorisation register's reasons, when the refusal is about coverage
     */
    record Refused<T>(Refusal reason, String detail, List<CoverageFinding> findings) implements SettlementOutcome<T> {

        public Refused {
            findings = List.copyOf(findings);
        }

        static <T> Refused<T> of(Refusal reason, String detail) {
            return new Refused<>(reason, detail, List.of());
        }
    }
}
