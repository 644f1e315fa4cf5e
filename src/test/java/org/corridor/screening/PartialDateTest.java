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
    void reads_dates_as_people_write_them() {
        assertThat(PartialDate.read("1969-7-16")).contains(new PartialDate(1969, 7, 16));
        assertThat(PartialDate.read("1969/07/16")).contains(new PartialDate(1969, 7, 16));
        assertThat(PartialDate.read("16/07/1969")).contains(new PartialDate(1969, 7, 16));
        assertThat(PartialDate.read("16.07.1969")).contains(new PartialDate(1969, 7, 16));
        assertThat(PartialDate.read("07/16/1969")).contains(new PartialDate(1969, 7, 16));
        assertThat(PartialDate.read("07/1969")).contains(new PartialDate(1969, 7, 0));
        assertThat(PartialDate.read("circa 1969")).contains(PartialDate.ofYear(1969));
        assertThat(PartialDate.read("ca. 1969")).contains(PartialDate.ofYear(1969));
        assertThat(PartialDate.read("16 Jul 1969")).contains(new PartialDate(1969, 7, 16));
        assertThat(PartialDate.read("July 16, 1969")).contains(new PartialDate(1969, 7, 16));
        assertThat(PartialDate.read("Jul 1969")).contains(new PartialDate(1969, 7, 0));
    }

    @Test
    void keeps_only_the_year_when_day_and_month_could_be_either_way_round() {
        assertThat(PartialDate.read("05/07/1969")).contains(PartialDate.ofYear(1969));
    }

    @Test
    void reads_nothing_from_what_is_no_date() {
        assertThat(PartialDate.read("yesterday")).isEmpty();
        assertThat(PartialDate.read("31/02/1969")).isEmpty();
        assertThat(PartialDate.read("1969-13-01")).isEmpty();
        assertThat(PartialDate.read("13/14/1969")).isEmpty();
        assertThat(PartialDate.read("")).isEmpty();
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
