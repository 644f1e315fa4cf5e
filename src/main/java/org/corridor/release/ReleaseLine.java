package org.corridor.release;

import java.util.Optional;

/**
 * A goods line of a request part as decided: the quantity that goes ahead in this part and its
 * amount (quantity times unit price, rounded half-even at the currency's minor unit).
 *
 * @param decision ALLOWED for an approvable part, ESCALATE for a held part
 */
public record ReleaseLine(
        String line,
        String description,
        String hsCode,
        String quantity,
        String unit,
        String unitPrice,
        String amount,
        String category,
        String origin,
        String decision,
        Optional<String> reason) {}
