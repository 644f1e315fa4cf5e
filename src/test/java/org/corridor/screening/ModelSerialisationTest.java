package org.corridor.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The entity model is plain data: it survives a JSON round trip unchanged, so it can be stored. */
class ModelSerialisationTest {

    @Test
    void a_list_snapshot_round_trips_through_json() throws Exception {
        ListSnapshot un = ShippedLists.load(EnumSet.of(SanctionsList.UN)).get(0);
        ObjectMapper json = new ObjectMapper();

        String text = json.writeValueAsString(un);
        ListSnapshot back = json.readValue(text, ListSnapshot.class);

        assertThat(back).isEqualTo(un);
        assertThat(ListDelta.between(un, back).isEmpty()).isTrue();
    }

    @Test
    void partial_dates_keep_their_precision() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<PartialDate> dates =
                List.of(PartialDate.ofYear(1957), new PartialDate(1957, 3, 0), new PartialDate(1957, 3, 11));

        for (PartialDate date : dates) {
            PartialDate back = json.readValue(json.writeValueAsString(date), PartialDate.class);
            assertThat(back).isEqualTo(date);
            assertThat(back.precision()).isEqualTo(date.precision());
        }
    }
}
