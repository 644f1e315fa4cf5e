package org.corridor.settlement;

/**
 * A recorded delivery statement with the invoice it produced.
 *
 * @param created false when the same statement had been recorded before (nothing changed)
 */
public record StatementOutcome(DeliveryStatement statement, Invoice invoice, boolean created) {}
