package org.corridor.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.corridor.InvalidInputException;
import org.junit.jupiter.api.Test;

class IbanTest {

    private static final String[] VALID = {
        "CH9300762011623852957",
        "GB82WEST12345698765432",
        "DE89370400440532013000",
        "OM810180000001299123456",
        "IQ98NBIQ850123456789012",
        "FR1420041010050500013M02606"
    };

    @Test
    void accepts_registered_ibans_as_typed_or_printed() {
        assertThat(Iban.parse("ch93 0076 2011 6238 5295 7").value()).isEqualTo("CH9300762011623852957");
        for (String iban : VALID) {
            assertThat(Iban.parse(iban).value()).isEqualTo(iban);
        }
    }

    @Test
    void refuses_wrong_check_digits_lengths_countries_and_characters() {
        assertThat(code("CH9300762011623852958")).isEqualTo("IBAN_CHECKSUM");
        assertThat(code("CH930076201162385295")).isEqualTo("IBAN_LENGTH");
        assertThat(code("ZZ9300762011623852957")).isEqualTo("IBAN_COUNTRY_UNKNOWN");
        assertThat(code("CH93-0076-2011")).isEqualTo("IBAN_MALFORMED");
        assertThat(code("")).isEqualTo("IBAN_MALFORMED");
        assertThat(code("CH93\u200B00762011623852957")).isEqualTo("IBAN_MALFORMED");
    }

    @Test
    void bics_have_eight_or_eleven_characters_and_a_real_country() {
        assertThat(Bic.parse("ubswchzh80a").value()).isEqualTo("UBSWCHZH80A");
        assertThat(Bic.parse("MPBKOMRX").country()).isEqualTo("OM");
        assertThatThrownBy(() -> Bic.parse("UBSWCHZH8")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Bic.parse("UBSWQQZH")).isInstanceOf(InvalidInputException.class);
    }

    @Property
    void any_single_digit_changed_breaks_the_check(
            @ForAll @IntRange(min = 0, max = 5) int which,
            @ForAll @IntRange(min = 4, max = 14) int position,
            @ForAll @IntRange(min = 1, max = 9) int delta) {
        String iban = VALID[which];
        char original = iban.charAt(position);
        if (!Character.isDigit(original)) {
            return;
        }
        char changed = (char) ('0' + (original - '0' + delta) % 10);
        String altered = iban.substring(0, position) + changed + iban.substring(position + 1);
        assertThat(code(altered)).isEqualTo("IBAN_CHECKSUM");
    }

    private static String code(String text) {
        try {
            Iban.parse(text);
            return "VALID";
        } catch (InvalidInputException e) {
            return e.code();
        }
    }
}
