package org.corridor.authorisation;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.corridor.money.Money;

/** A movement executed under an authorisation, as recorded for caps and threshold aggregation. */
record Usage(
        UUID authorisationId,
        String movementReference,
        MovementKind kind,
        LocalDate executionDate,
        Money amount,
        Optional<Money> counterAmount,
        Optional<String> linkedPaymentKey) {

    static Usage of(UUID authorisationId, Movement movement) {
        return new Usage(
                authorisationId,
                movement.reference().orElseThrow(),
                movement.kind(),
                movement.executionDate(),
                movement.amount(),
                movement.counterAmount(),
                movement.linkedPaymentKey());
    }

    /** True when this record describes the same movement as {@code movement}. */
    boolean sameAs(Movement movement) {
        return kind == movement.kind()
                && executionDate.equals(movement.executionDate())
                && amount.equals(movement.amount())
                && counterAmount.equals(movement.counterAmount())
                && linkedPaymentKey.equals(movement.linkedPaymentKey());
    }
}
