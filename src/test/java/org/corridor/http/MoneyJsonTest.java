package org.corridor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.corridor.InvalidInputException;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.junit.jupiter.api.Test;

class MoneyJsonTest {

    record Payment(Money amount, Currency settledIn) {}

    @Test
    void money_in_a_domain_record_is_written_as_a_decimal_string_and_its_currency() throws Exception {
        String json = JsonSupport.mapper()
                .writeValueAsString(new Payment(Money.parse("9687600000000.000", Currency.IQD), Currency.EUR));
        assertThat(json)
                .isEqualTo(
                        "{\"amount\":{\"amount\":\"9687600000000.000\",\"currency\":\"IQD\"},\"settled_in\":\"EUR\"}");
    }

    @Test
    void the_same_shape_reads_back_exactly() throws Exception {
        Payment read = JsonSupport.mapper()
                .readValue(
                        "{\"amount\":{\"amount\":\"4704000.00\",\"currency\":\"EUR\"},\"settled_in\":\"EUR\"}",
                        Payment.class);
        assertThat(read.amount()).isEqualTo(Money.ofMinor(470_400_000L, Currency.EUR));
        assertThat(read.settledIn()).isEqualTo(Currency.EUR);
    }

    @Test
    void too_many_decimals_a_number_or_a_missing_currency_are_refused() {
        assertThatThrownBy(() -> JsonSupport.mapper()
                        .readValue(
                                "{\"amount\":{\"amount\":\"1.001\",\"currency\":\"EUR\"},\"settled_in\":\"EUR\"}",
                                Payment.class))
                .hasRootCauseInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> JsonSupport.mapper()
                        .readValue(
                                "{\"amount\":{\"amount\":1.5,\"currency\":\"EUR\"},\"settled_in\":\"EUR\"}",
                                Payment.class))
                .isInstanceOf(JsonMappingException.class);
        assertThatThrownBy(() -> JsonSupport.mapper()
                        .readValue("{\"amount\":{\"amount\":\"1.50\"},\"settled_in\":\"EUR\"}", Payment.class))
                .hasRootCauseInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> JsonSupport.mapper()
                        .readValue(
                                "{\"amount\":{\"amount\":\"1.50\",\"currency\":\"EUR\",\"x\":1},\"settled_in\":\"EUR\"}",
                                Payment.class))
                .isInstanceOf(JsonMappingException.class);
    }
}
