package org.corridor.settlement;

import java.util.List;
import java.util.UUID;
import org.corridor.authorisation.AuthorisationStore;
import org.corridor.authorisation.Coverage;
import org.corridor.authorisation.Movement;
import org.corridor.authorisation.UsageOutcome;
import org.corridor.ledger.TransferOutcome;
import org.corridor.ledger.TransferResult;
import org.jdbi.v3.core.Handle;

/**
 * The checks every settlement movement passes inside its own transaction: coverage by an
 * authorisation on the value date (FR-2), the usage recorded against it, and the ledger's answer.
 * A failure throws {@link RefusedException}, which rolls the transaction back.
 */
final class CoverageStore {

    private CoverageStore() {}

    /** The authorisation that covers {@code movement}, or a refusal with the register's reasons. */
    static Coverage.Covered cover(Handle handle, AuthorisationStore authorisations, Movement movement) {
        Coverage coverage = authorisations.coverage(handle, movement);
        if (coverage instanceof Coverage.NotCovered refused) {
            throw refusal(refused);
        }
        return (Coverage.Covered) coverage;
    }

    static RefusedException refusal(Coverage.NotCovered refused) {
        String detail = refused.findings().isEmpty()
                ? "no authorisation in the register permits this movement"
                : refused.findings().get(0).authorisationReference() + ": "
                        + refused.findings().get(0).detail();
        return new RefusedException(
                new SettlementOutcome.Refused<>(Refusal.of(refused.primary()), detail, refused.findings()));
    }

    /**
     * Records the movement's usage of the authorisation; re-checks it under the authorisation's lock,
     * so that concurrent movements cannot together exceed a cap.
     */
    static void recordUsage(Handle handle, AuthorisationStore authorisations, UUID authorisationId, Movement movement) {
        UsageOutcome usage = authorisations.recordUsage(handle, authorisationId, movement);
        if (usage instanceof UsageOutcome.Refused refused) {
            Refusal reason = refused.findings().isEmpty()
                    ? Refusal.NO_AUTHORISATION
                    : Refusal.of(refused.findings().get(0).reason());
            throw new RefusedException(new SettlementOutcome.Refused<>(
                    reason,
                    refused.authorisation().reference() + " no longer covers the movement",
                    refused.findings()));
        }
        if (usage instanceof UsageOutcome.ExistsWithDifferentContent) {
            throw new IllegalStateException("usage of " + movement.reference().orElse("?")
                    + " was recorded with other content: settlement references are unique per movement");
        }
    }

    /** Throws the refusal a failed ledger posting stands for; a successful batch passes. */
    static void requirePosted(List<TransferOutcome> outcomes) {
        for (TransferOutcome outcome : outcomes) {
            if (outcome.succeeded() || outcome.result() == TransferResult.LINKED_EVENT_FAILED) {
                continue;
            }
            Refusal reason = switch (outcome.result()) {
                case ACCOUNT_BLOCKED, ACCOUNT_CLOSED -> Refusal.ACCOUNT_BLOCKED;
                case EXCEEDS_CREDITS -> Refusal.INSUFFICIENT_FUNDS;
                default ->
                    throw new IllegalStateException("the ledger refused a settlement posting: " + outcome.result());
            };
            throw new RefusedException(SettlementOutcome.Refused.of(reason, "the ledger answered " + outcome.result()));
        }
    }
}
