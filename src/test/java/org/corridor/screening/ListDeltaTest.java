package org.corridor.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ListDeltaTest {

    private static ListedEntity person(String id, String name, String... programmes) {
        return new ListedEntity(
                SanctionsList.OFAC_SDN,
                id,
                EntityType.PERSON,
                List.of(new ListedName(name, NameKind.PRIMARY)),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(programmes),
                List.of());
    }

    private static ListSnapshot snapshot(ListedEntity... entities) {
        return new ListSnapshot(SanctionsList.OFAC_SDN, "", "", List.of(entities));
    }

    @Test
    void finds_added_removed_and_changed_entities() {
        ListSnapshot older =
                snapshot(person("1", "DOE, John", "SDGT"), person("2", "ROE, Jane"), person("3", "POE, Al"));
        ListSnapshot newer =
                snapshot(person("1", "DOE, John", "SDGT", "IRGC"), person("3", "POE, Al"), person("4", "NEW, One"));

        ListDelta delta = ListDelta.between(older, newer);

        assertThat(delta.added()).extracting(ListedEntity::id).containsExactly("4");
        assertThat(delta.removed()).extracting(ListedEntity::id).containsExactly("2");
        assertThat(delta.changed()).hasSize(1);
        assertThat(delta.changed().get(0).before().programmes()).containsExactly("SDGT");
        assertThat(delta.changed().get(0).after().programmes()).containsExactly("SDGT", "IRGC");
        assertThat(delta.entitiesToRescreen()).extracting(ListedEntity::id).containsExactly("4", "1");
        assertThat(delta.isEmpty()).isFalse();
    }

    @Test
    void identical_versions_have_an_empty_delta() {
        ListSnapshot version = snapshot(person("1", "DOE, John"));

        assertThat(ListDelta.between(version, version).isEmpty()).isTrue();
    }

    @Test
    void shipped_snapshot_compared_with_itself_is_empty() {
        ListSnapshot un =
                ShippedLists.load(java.util.EnumSet.of(SanctionsList.UN)).get(0);

        assertThat(ListDelta.between(un, un).isEmpty()).isTrue();
    }

    @Test
    void refuses_to_compare_different_lists() {
        ListSnapshot ofac = snapshot(person("1", "DOE, John"));
        ListSnapshot un = new ListSnapshot(SanctionsList.UN, "", "", List.of());

        assertThatThrownBy(() -> ListDelta.between(ofac, un)).isInstanceOf(IllegalArgumentException.class);
    }
}
