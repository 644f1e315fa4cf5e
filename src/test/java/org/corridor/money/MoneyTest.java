package org.corridor.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.corridor.InvalidInputException;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amounts_for_people_are_grouped_and_carry_their_currencys_decimals() {
        assertThat(Money.parse("9687600000000", Currency.IQD).display()).isEqualTo("IQD 9,687,600,000,000.000");
        assertThat(Money.parse("4704000", Currency.EUR).display()).isEqualTo("EUR 4,704,000.00");
        assertThat(Money.parse("-0.5", Currency.EUR).display()).isEqualTo("EUR -0.50");
        assertThat(Money.parse("999", Currency.of("JPY")).display()).isEqualTo("JPY 999");
    }

    @Test
    void iqd_has_three_decimals_and_eur_two() {
        assertThat(Currency.IQD.exponent()).isEqualTo(3);
        assertThat(Currency.EUR.exponent()).isEqualTo(2);
        assertThat(Money.parse("332547930000", Currency.IQD).amountMinor()).isEqualTo(332_547_930_000_000L);
        assertThat(Money.parse("4704000.00", Currency.EUR).toDecimalString()).isEqualTo("4704000.00");
    }

    @Test
    void refuses_more_decimals_than_the_currency_has() {
        assertThatThrownBy(() -> Money.parse("1.001", Currency.EUR))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("EUR has 2 decimals");
    }

    @Test
    void refuses_overflow_negative_zero_exponents_and_garbage() {
        assertThatThrownBy(() -> Money.parse("92233720368547758.08", Currency.EUR))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).code())
                .isEqualTo("AMOUNT_OVERFLOW");
        assertThatThrownBy(() -> Money.parse("-0.00", Currency.EUR))
                .extracting(e -> ((InvalidInputException) e).code())
                .isEqualTo("AMOUNT_NEGATIVE_ZERO");
        for (String bad : new String[] {"1e5", "NaN", "", " 1", "1,000", "+1", "0x10", "1.", ".5"}) {
            assertThatThrownBy(() -> Money.parse(bad, Currency.EUR)).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void refuses_unknown_currencies_and_those_without_a_minor_unit() {
        assertThatThrownBy(() -> Currency.of("XYZ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Currency.of("XAU")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Currency.of("EURO")).isInstanceOf(InvalidInputException.class);
        assertThat(Currency.of("krw").exponent()).isZero();
    }

    @Test
    void arithmetic_refuses_overflow_and_mixed_currencies() {
        Money max = Money.ofMinor(Long.MAX_VALUE, Currency.EUR);
        // A named refusal (HTTP 422), never an unchecked ArithmeticException (HTTP 500): issue 23.
        assertThatThrownBy(() -> max.plus(Money.ofMinor(1, Currency.EUR)))
                .isInstanceOf(org.corridor.InvalidInputException.class)
                .hasFieldOrPropertyWithValue("code", "AMOUNT_OVERFLOW");
        assertThatThrownBy(() -> Money.ofMinor(Long.MIN_VALUE + 1, Currency.EUR).minus(Money.ofMinor(2, Currency.EUR)))
                .hasFieldOrPropertyWithValue("code", "AMOUNT_OVERFLOW");
        assertThatThrownBy(() -> max.plus(Money.ofMinor(1, Currency.IQD))).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void decimal_strings_round_trip(@ForAll long minor, @ForAll @IntRange(min = 0, max = 4) int exponent) {
        Currency currency = new Currency("TST", exponent);
        Money money = Money.ofMinor(minor, currency);
        assertThat(Money.parse(money.toDecimalString(), currency)).isEqualTo(money);
    }

    @Property
    void addition_then_subtraction_restores_the_amount(
            @ForAll @IntRange(min = -1_000_000_000, max = 1_000_000_000) int a,
            @ForAll @IntRange(min = -1_000_000_000, max = 1_000_000_000) int b) {
        Money first = Money.ofMinor(a, Currency.IQD);
        Money second = Money.ofMinor(b, Currency.IQD);
        assertThat(first.plus(second).minus(second)).isEqualTo(first);
    }
}
