package org.corridor.settlement;

import java.util.UUID;
import org.corridor.money.Money;

/**
 * The part of a deposit matched to one invoice: in the invoice's currency at the deposit's rate, and
 * the dinars it stands for.
 */
public record Allocation(UUID invoiceId, String invoiceNumber, Money amount, Money depositAmount) {}
