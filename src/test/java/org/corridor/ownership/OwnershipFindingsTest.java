package org.corridor.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Finding 5 of issue 23 as it was reported, on graphs built in memory. */
class OwnershipFindingsTest {

    @Test
    void nothing_is_multiplied_through_an_owner_that_is_not_blocked_so_c_is_not_blocked() {
        OwnershipAssessment c = new TestGraph()
                .listed("A")
                .owns("A", "49", "B")
                .owns("B", "98", "C")
                .owns("A", "2", "C")
                .assess("C");

        assertThat(c.status()).isNotEqualTo(OwnershipStatus.BLOCKED_BY_OWNERSHIP);
        assertThat(c.blockedSharePercent()).isEqualByComparingTo("2");
    }

    @Test
    void control_by_a_listed_person_flags_what_the_controlled_entity_owns() {
        OwnershipAssessment c = new TestGraph()
                .listedOn("A", "OFAC_SDN:1")
                .controls("A", "B")
                .owns("B", "60", "C")
                .assess("C");

        assertThat(c.status()).isEqualTo(OwnershipStatus.ESCALATE);
        assertThat(c.explanation()).anyMatch(line -> line.contains("B, controlled by A"));
    }
}
