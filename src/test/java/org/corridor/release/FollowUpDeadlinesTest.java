package org.corridor.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.corridor.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Follow-up deadlines are configuration, read from CORRIDOR_FOLLOW_UP_DAYS_<KIND> like the other thresholds. */
class FollowUpDeadlinesTest {

    @Test
    void a_kind_set_in_the_environment_replaces_its_default_and_the_others_keep_theirs() {
        FollowUpDeadlines deadlines = FollowUpDeadlines.fromEnvironment(
                Map.of("CORRIDOR_FOLLOW_UP_DAYS_BILL_OF_LADING", "45", "PATH", "/usr/bin"));
        assertThat(deadlines.days())
                .containsEntry("BILL_OF_LADING", 45)
                .containsEntry("CERTIFICATE_OF_ORIGIN", 30)
                .containsEntry("END_USE_STATEMENT", 90)
                .hasSize(5);
        assertThat(FollowUpDeadlines.fromEnvironment(Map.of())).isEqualTo(FollowUpDeadlines.DEFAULTS);
    }

    @Test
    void an_unknown_kind_a_word_or_a_day_count_out_of_range_is_refused_by_name() {
        assertThatThrownBy(() -> FollowUpDeadlines.fromEnvironment(Map.of("CORRIDOR_FOLLOW_UP_DAYS_INVOICE", "30")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("CORRIDOR_FOLLOW_UP_DAYS_INVOICE names no follow-up document");
        assertThatThrownBy(() ->
                        FollowUpDeadlines.fromEnvironment(Map.of("CORRIDOR_FOLLOW_UP_DAYS_BILL_OF_LADING", "soon")))
                .hasMessageContaining("is a number of days");
        assertThatThrownBy(() ->
                        FollowUpDeadlines.fromEnvironment(Map.of("CORRIDOR_FOLLOW_UP_DAYS_END_USE_STATEMENT", "0")))
                .hasMessageContaining("from 1 to 3650");
    }
}
