package org.corridor.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PartialDateTest {

    @Test
    void parses_year_month_and_day_precision() {
        assertThat(PartialDate.parse("1957").precision()).isEqualTo(DatePrecision.YEAR);
        assertThat(PartialDate.parse("1957-03").precision()).isEqualTo(DatePrecision.MONTH);
        assertThat(PartialDate.parse("1957-03-11")).isEqualTo(new PartialDate(1957, 3, 11));
        assertThat(PartialDate.parse("1957-00-00")).isEqualTo(PartialDate.ofYear(1957));
        assertThat(PartialDate.parse("1957-03-11").toString()).isEqualTo("1957-03-11");
    }

    @Test
    void refuses_what_is_not_a_date() {
        assertThatThrownBy(() -> PartialDate.parse("11/03/1957")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PartialDate.parse("1957-13")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PartialDate.parse("1957-02-30")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PartialDate.parse("57")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void agreement_uses_only_the_parts_both_dates_know() {
        assertThat(PartialDate.parse("1957").agreesWith(PartialDate.parse("1957-03-11")))
                .isTrue();
        assertThat(PartialDate.parse("1957-03").agreesWith(PartialDate.parse("1957-04-11")))
                .isFalse();
        assertThat(PartialDate.parse("1957-03-11").monthsApart(PartialDate.parse("1958-01")))
                .isEqualTo(10);
    }
}
