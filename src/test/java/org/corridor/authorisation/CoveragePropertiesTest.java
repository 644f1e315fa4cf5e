package org.corridor.authorisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.corridor.InvalidInputException;
import org.corridor.money.Currency;
import org.corridor.money.Money;

/**
 * Coverage never fails open: a movement that lacks a field the authorisation's terms need is not
 * covered, and one that lacks any other field is never covered on easier terms.
 */
class CoveragePropertiesTest {

    private static final LocalDate ON = LocalDate.parse("2024-07-05");

    /** W-19 with a notification threshold aggregated over linked payments and a cap on conversions. */
    private static final Authorisation W19 = Scenario.recorded(Scenario.w19()
            .threshold(Threshold.of(
                    Threshold.Action.NOTIFY_AUTHORITY,
                    Threshold.Comparison.ABOVE,
                    Money.parse("10000.00", Currency.EUR),
                    List.of(MovementKind.DISBURSEMENT),
                    30))
            .cap(Cap.perTransaction(Money.parse("200000000.00", Currency.EUR), List.of(MovementKind.CONVERSION)))
            .build());

    /** The fields a movement may lack. */
    enum Field {
        REFERENCE,
        COUNTER_AMOUNT,
        PURPOSES,
        ACCOUNT_LOCATION,
        DESTINATION_LOCATION,
        PRIOR_APPROVAL,
        LINKED_PAYMENT_KEY
    }

    /** Which fields each kind needs under W-19's terms: without them it must not be covered. */
    private static final Map<MovementKind, Set<Field>> NEEDED = Map.of(
            MovementKind.DEPOSIT, EnumSet.of(Field.ACCOUNT_LOCATION),
            MovementKind.DISBURSEMENT, EnumSet.of(Field.PURPOSES, Field.ACCOUNT_LOCATION, Field.PRIOR_APPROVAL),
            MovementKind.CONVERSION,
                    EnumSet.of(
                            Field.COUNTER_AMOUNT,
                            Field.ACCOUNT_LOCATION,
                            Field.DESTINATION_LOCATION,
                            Field.PRIOR_APPROVAL),
            MovementKind.TRANSFER, EnumSet.of(Field.ACCOUNT_LOCATION, Field.DESTINATION_LOCATION));

    @Example
    void the_complete_movements_are_covered() {
        for (Movement movement : complete()) {
            assertThat(cover(movement).covered()).as(movement.kind().name()).isTrue();
        }
    }

    @Property(tries = 300)
    void no_movement_lacking_a_field_is_covered_on_easier_terms(
            @ForAll("completeMovements") Movement movement, @ForAll Set<Field> missing) {
        Movement incomplete = without(movement, missing);
        Coverage coverage = cover(incomplete);
        boolean needed = missing.stream().anyMatch(NEEDED.get(movement.kind())::contains);
        if (needed) {
            assertThat(coverage).isInstanceOf(Coverage.NotCovered.class);
            return;
        }
        if (coverage instanceof Coverage.Covered covered) {
            Coverage.Covered full = (Coverage.Covered) cover(movement);
            assertThat(kinds(covered)).containsAll(kinds(full));
        }
    }

    @Property(tries = 200)
    void a_currency_the_authorisation_does_not_permit_is_never_covered(
            @ForAll("completeMovements") Movement movement, @ForAll("otherCurrencies") Currency currency) {
        Movement foreign = new Movement(
                movement.reference(),
                movement.kind(),
                movement.executionDate(),
                Money.ofMinor(movement.amount().amountMinor(), currency),
                movement.counterAmount(),
                movement.purposes(),
                movement.accountLocation(),
                movement.destinationLocation(),
                movement.priorApprovalReference(),
                movement.linkedPaymentKey());
        Coverage coverage = cover(foreign);
        assertThat(coverage).isInstanceOf(Coverage.NotCovered.class);
        assertThat(((Coverage.NotCovered) coverage).reasons())
                .containsAnyOf(CoverageReason.CURRENCY_PROHIBITED, CoverageReason.CURRENCY_NOT_PERMITTED);
    }

    @Property(tries = 200)
    void an_unknown_location_is_never_covered(
            @ForAll("completeMovements") Movement movement, @ForAll("locations") String location) {
        Coverage coverage = cover(movement.withAccountLocation(location));
        assertThat(coverage).isInstanceOf(Coverage.NotCovered.class);
        assertThat(((Coverage.NotCovered) coverage).primary()).isEqualTo(CoverageReason.LOCATION_NOT_PERMITTED);
    }

    @Property(tries = 200)
    void no_date_outside_the_validity_is_covered(
            @ForAll("completeMovements") Movement movement, @ForAll("daysOutside") int offset) {
        LocalDate date = offset < 0 ? Scenario.W19_FROM.plusDays(offset) : Scenario.W19_TO.plusDays(offset);
        Coverage coverage = cover(movement.withExecutionDate(date));
        assertThat(coverage).isInstanceOf(Coverage.NotCovered.class);
        assertThat(((Coverage.NotCovered) coverage).primary())
                .isEqualTo(offset < 0 ? CoverageReason.NOT_YET_VALID : CoverageReason.AUTHORISATION_EXPIRED);
    }

    @Example
    void a_movement_without_kind_date_or_amount_cannot_even_be_asked_about() {
        Money amount = Money.parse("1.00", Currency.EUR);
        assertThatThrownBy(() -> Movement.of(null, ON, amount)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Movement.of(MovementKind.DEPOSIT, null, amount))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Movement.of(MovementKind.DEPOSIT, ON, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Movement.of(MovementKind.DEPOSIT, ON, Money.zero(Currency.EUR)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Example
    void an_empty_register_covers_nothing() {
        Coverage coverage = CoverageRules.cover(List.of(), Scenario.deposit(ON), Map.of(), List.of());
        assertThat(((Coverage.NotCovered) coverage).reasons()).containsExactly(CoverageReason.NO_AUTHORISATION);
    }

    @Provide
    Arbitrary<Movement> completeMovements() {
        return Arbitraries.of(complete());
    }

    @Provide
    Arbitrary<Currency> otherCurrencies() {
        return Arbitraries.of("USD", "GBP", "CHF", "IRR", "KRW", "INR", "OMR", "JPY")
                .map(Currency::of);
    }

    @Provide
    Arbitrary<String> locations() {
        return Arbitraries.oneOf(
                Arbitraries.of("IR", "US", "CH", "AE", "unknown", "?"),
                Arbitraries.strings().alpha().ofLength(3));
    }

    @Provide
    Arbitrary<Integer> daysOutside() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(-400, -1), Arbitraries.integers().between(1, 400));
    }

    private static List<Movement> complete() {
        Movement transfer = Movement.of(MovementKind.TRANSFER, ON, Money.parse("1000000.00", Currency.EUR))
                .withReference("TRF-1")
                .withAccountLocation("IQ")
                .withDestinationLocation("OM");
        return List.of(Scenario.deposit(ON), Scenario.release(ON), Scenario.conversion(ON), transfer);
    }

    private static Coverage cover(Movement movement) {
        return CoverageRules.cover(List.of(W19), movement, Map.of(), List.of());
    }

    private static Set<Requirement.Kind> kinds(Coverage.Covered covered) {
        return covered.primary().requirements().stream().map(Requirement::kind).collect(Collectors.toSet());
    }

    private static Movement without(Movement m, Set<Field> missing) {
        return new Movement(
                missing.contains(Field.REFERENCE) ? Optional.empty() : m.reference(),
                m.kind(),
                m.executionDate(),
                m.amount(),
                missing.contains(Field.COUNTER_AMOUNT) ? Optional.empty() : m.counterAmount(),
                missing.contains(Field.PURPOSES) ? Set.of() : m.purposes(),
                missing.contains(Field.ACCOUNT_LOCATION) ? Optional.empty() : m.accountLocation(),
                missing.contains(Field.DESTINATION_LOCATION) ? Optional.empty() : m.destinationLocation(),
                missing.contains(Field.PRIOR_APPROVAL) ? Optional.empty() : m.priorApprovalReference(),
                missing.contains(Field.LINKED_PAYMENT_KEY) ? Optional.empty() : m.linkedPaymentKey());
    }
}
