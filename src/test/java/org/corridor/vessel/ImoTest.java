package org.corridor.vessel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.corridor.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImoTest {

    @ParameterizedTest(name = "{0} check digit valid: {1}, expected {2}")
    @CsvSource({
        "9074729, true, 9",
        "IMO 9074729, true, 9",
        "imo9176187, true, 7",
        "9000001, false, 3",
        "9000003, true, 3",
    })
    void the_last_digit_is_checked_against_the_first_six(String text, boolean valid, int expected) {
        Imo imo = Imo.parse(text);
        assertThat(imo.checkDigitValid()).isEqualTo(valid);
        assertThat(imo.expectedCheckDigit()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "907472", "90747290", "IMO 90747A9", "00000000-0000-0000-0000-000000000000"})
    void anything_but_seven_digits_is_refused(String text) {
        assertThatThrownBy(() -> Imo.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("an IMO number is seven digits");
    }
}
