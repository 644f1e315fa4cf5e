package org.corridor.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.corridor.InvalidInputException;
import org.corridor.screening.EntityType;
import org.junit.jupiter.api.Test;

/** A request's parties declare whether they are a person, an organisation, a vessel or an aircraft. */
class PartyTypeTest {

    private static NewRequest.PartyInput typed(String type) {
        return new NewRequest.PartyInput(
                Optional.empty(), "Mohammed Ali Trading", "AE", Optional.empty(), Optional.of(type));
    }

    @Test
    void a_party_is_a_person_an_organisation_a_vessel_or_an_aircraft_in_the_words_people_use() {
        assertThat(RequestChecks.partyType(typed("ORGANISATION"), "vendor")).contains(EntityType.ORGANISATION);
        assertThat(RequestChecks.partyType(typed("Company"), "vendor")).contains(EntityType.ORGANISATION);
        assertThat(RequestChecks.partyType(typed("individual"), "vendor")).contains(EntityType.PERSON);
        assertThat(RequestChecks.partyType(typed("Vessel"), "end_users[0]")).contains(EntityType.VESSEL);
        assertThat(RequestChecks.partyType(typed("ship"), "end_users[0]")).contains(EntityType.VESSEL);
        assertThat(RequestChecks.partyType(typed("AIRCRAFT"), "purchaser")).contains(EntityType.AIRCRAFT);
        assertThat(RequestChecks.partyType(typed("Airplane"), "purchaser")).contains(EntityType.AIRCRAFT);
        assertThat(RequestChecks.partyType(typed(" "), "vendor")).isEmpty();
        assertThat(RequestChecks.partyType(
                        new NewRequest.PartyInput(Optional.empty(), "A", "AE", Optional.empty()), "vendor"))
                .isEmpty();
    }

    @Test
    void any_other_type_is_refused_naming_the_field() {
        assertThatThrownBy(() -> RequestChecks.party(typed("LegalEntity"), "purchaser"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("purchaser.type");
        assertThatThrownBy(() -> RequestChecks.party(typed("Spaceship"), "vendor"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("vendor.type");
    }
}
