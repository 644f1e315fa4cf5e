package org.corridor.authorisation;

import java.util.Optional;

/** The decision on a goods line or part of one: ALLOWED, ESCALATE(reason) or DENIED(reason). */
public sealed interface LineDecision {

    Verdict verdict();

    /** The reason; empty only when allowed. */
    Optional<EligibilityReason> reasonCode();

    /** The decision that the reason of highest precedence gives, or ALLOWED when there is none. */
    static LineDecision of(Optional<EligibilityReason> reason) {
        if (reason.isEmpty()) {
            return new Allowed();
        }
        return reason.get().verdict() == Verdict.DENIED ? new Denied(reason.get()) : new Escalate(reason.get());
    }

    /** The goods may go ahead. */
    record Allowed() implements LineDecision {
        @Override
        public Verdict verdict() {
            return Verdict.ALLOWED;
        }

        @Override
        public Optional<EligibilityReason> reasonCode() {
            return Optional.empty();
        }
    }

    /** A compliance officer decides. */
    record Escalate(EligibilityReason reason) implements LineDecision {
        @Override
        public Verdict verdict() {
            return Verdict.ESCALATE;
        }

        @Override
        public Optional<EligibilityReason> reasonCode() {
            return Optional.of(reason);
        }
    }

    /** The goods may not go ahead; other lines are unaffected. */
    record Denied(EligibilityReason reason) implements LineDecision {
        @Override
        public Verdict verdict() {
            return Verdict.DENIED;
        }

        @Override
        public Optional<EligibilityReason> reasonCode() {
            return Optional.of(reason);
        }
    }
}
