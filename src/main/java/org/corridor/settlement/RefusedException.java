package org.corridor.settlement;

/**
 * Unwinds a settlement transaction whose movement turned out to be refused after something was
 * already written (a ledger posting, a usage record): the transaction rolls back and the caller
 * answers with the refusal. Never leaves the package.
 */
final class RefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient SettlementOutcome.Refused<?> refused;

    RefusedException(SettlementOutcome.Refused<?> refused) {
        super(refused.reason() + ": " + refused.detail(), null, false, false);
        this.refused = refused;
    }

    @SuppressWarnings("unchecked")
    <T> SettlementOutcome.Refused<T> refused() {
        return (SettlementOutcome.Refused<T>) refused;
    }
}
