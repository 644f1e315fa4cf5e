package org.corridor.authorisation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.corridor.InvalidInputException;
import org.corridor.money.Money;

/**
 * A money movement to be checked against the register (FR-2): what it is, on which business date
 * it executes, how much, for what and where. Fields a movement lacks are empty, and coverage treats
 * an empty field the rules need as a refusal, never as a pass.
 *
 * @param reference the caller's own id of the movement; needed to record usage, and excluded from
 *     the sums when the same movement is checked again
 * @param executionDate the business date in the channel's zone (see {@link #executionDate(Instant, ZoneId)})
 * @param counterAmount the other side of a conversion (estimated at approval, actual at execution)
 * @param purposes the goods categories a disbursement pays for
 * @param accountLocation where the debited (for a deposit, the credited) restricted account is held
 * @param destinationLocation where the receiving restricted account of a transfer or conversion is held
 * @param priorApprovalReference the Authority's approval of this movement, such as AUTH-DSB-0412
 * @param linkedPaymentKey what links payments for threshold aggregation (same vendor, purchaser or
 *     contract), such as {@code vendor:alpenmed}
 */
public record Movement(
        Optional<String> reference,
        MovementKind kind,
        LocalDate executionDate,
        Money amount,
        Optional<Money> counterAmount,
        Set<Category> purposes,
        Optional<String> accountLocation,
        Optional<String> destinationLocation,
        Optional<String> priorApprovalReference,
        Optional<String> linkedPaymentKey) {

    public Movement {
        if (kind == null) {
            throw new InvalidInputException("MOVEMENT_INCOMPLETE", "a movement needs its kind");
        }
        if (executionDate == null) {
            throw new InvalidInputException("MOVEMENT_INCOMPLETE", "a movement needs its execution date");
        }
        if (amount == null) {
            throw new InvalidInputException("MOVEMENT_INCOMPLETE", "a movement needs its amount");
        }
        if (!amount.isPositive()) {
            throw new InvalidInputException("MOVEMENT_AMOUNT_INVALID", "a movement amount is positive: " + amount);
        }
        counterAmount = counterAmount == null ? Optional.empty() : counterAmount;
        if (counterAmount.isPresent() && !counterAmount.get().isPositive()) {
            throw new InvalidInputException(
                    "MOVEMENT_AMOUNT_INVALID", "a counter amount is positive: " + counterAmount.get());
        }
        reference = text(reference);
        purposes = Sets.enums(Category.class, purposes);
        accountLocation = text(accountLocation).flatMap(Locations::normalise);
        destinationLocation = text(destinationLocation).flatMap(Locations::normalise);
        priorApprovalReference = text(priorApprovalReference);
        linkedPaymentKey = text(linkedPaymentKey);
    }

    /** A movement with only its kind, date and amount; add the rest with the {@code with...} methods. */
    public static Movement of(MovementKind kind, LocalDate executionDate, Money amount) {
        return new Movement(
                Optional.empty(),
                kind,
                executionDate,
                amount,
                Optional.empty(),
                Set.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** The business date of an execution instant in the channel's zone: 2024-07-08T22:30Z is 2024-07-09 in Baghdad. */
    public static LocalDate executionDate(Instant executedAt, ZoneId zone) {
        return executedAt.atZone(zone).toLocalDate();
    }

    public Movement withReference(String value) {
        return with(fields -> fields.reference = Optional.ofNullable(value));
    }

    public Movement withExecutionDate(LocalDate value) {
        return with(fields -> fields.executionDate = value);
    }

    public Movement withCounterAmount(Money value) {
        return with(fields -> fields.counterAmount = Optional.ofNullable(value));
    }

    public Movement withPurposes(Category... values) {
        return with(fields -> fields.purposes = Set.copyOf(List.of(values)));
    }

    public Movement withAccountLocation(String value) {
        return with(fields -> fields.accountLocation = Optional.ofNullable(value));
    }

    public Movement withDestinationLocation(String value) {
        return with(fields -> fields.destinationLocation = Optional.ofNullable(value));
    }

    public Movement withPriorApproval(String value) {
        return with(fields -> fields.priorApprovalReference = Optional.ofNullable(value));
    }

    public Movement withLinkedPaymentKey(String value) {
        return with(fields -> fields.linkedPaymentKey = Optional.ofNullable(value));
    }

    /** This movement with {@code change} made to a copy of its fields, checked again as a new one. */
    private Movement with(Consumer<Fields> change) {
        Fields fields = new Fields(this);
        change.accept(fields);
        return new Movement(
                fields.reference,
                kind,
                fields.executionDate,
                amount,
                fields.counterAmount,
                fields.purposes,
                fields.accountLocation,
                fields.destinationLocation,
                fields.priorApprovalReference,
                fields.linkedPaymentKey);
    }

    /** The fields a {@code with...} method may change. */
    private static final class Fields {
        Optional<String> reference;
        LocalDate executionDate;
        Optional<Money> counterAmount;
        Set<Category> purposes;
        Optional<String> accountLocation;
        Optional<String> destinationLocation;
        Optional<String> priorApprovalReference;
        Optional<String> linkedPaymentKey;

        Fields(Movement movement) {
            reference = movement.reference;
            executionDate = movement.executionDate;
            counterAmount = movement.counterAmount;
            purposes = movement.purposes;
            accountLocation = movement.accountLocation;
            destinationLocation = movement.destinationLocation;
            priorApprovalReference = movement.priorApprovalReference;
            linkedPaymentKey = movement.linkedPaymentKey;
        }
    }

    private static Optional<String> text(Optional<String> value) {
        return value == null ? Optional.empty() : value.map(String::trim).filter(s -> !s.isEmpty());
    }
}
