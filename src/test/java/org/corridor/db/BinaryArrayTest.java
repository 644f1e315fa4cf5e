package org.corridor.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.corridor.app.Corridor;
import org.corridor.testing.TestCorridor;
import org.jdbi.v3.core.argument.Argument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Arrays sent in binary reach PostgreSQL element for element, empty ones included. */
class BinaryArrayTest {

    private static Corridor corridor;

    @BeforeAll
    static void start() {
        corridor = TestCorridor.create();
    }

    @AfterAll
    static void stop() {
        corridor.close();
    }

    @Test
    void uuids_and_bigints_arrive_in_order() {
        // The high bit set on purpose: PostgreSQL orders uuids unsigned, Java's compareTo signed.
        List<UUID> ids = List.of(new UUID(-1L, 7), UUID.randomUUID(), new UUID(0, 1));
        List<String> read = corridor.database()
                .jdbi()
                .withHandle(handle -> handle.createQuery(
                                "select u.id::text || '/' || b.n from unnest(:ids::uuid[]) with ordinality u(id, i) "
                                        + "join unnest(:ns::bigint[]) with ordinality b(n, i) on u.i = b.i order by u.i")
                        .bind("ids", (Argument) BinaryArray.uuids(ids))
                        .bind("ns", (Argument) BinaryArray.bigints(new long[] {Long.MIN_VALUE, 0, Long.MAX_VALUE}))
                        .mapTo(String.class)
                        .list());
        assertThat(read)
                .containsExactly(
                        ids.get(0) + "/" + Long.MIN_VALUE, ids.get(1) + "/0", ids.get(2) + "/" + Long.MAX_VALUE);
    }

    @Test
    void empty_arrays_are_empty() {
        int count = corridor.database()
                .jdbi()
                .withHandle(
                        handle -> handle.createQuery("select cardinality(:ids::uuid[]) + cardinality(:ns::bigint[])")
                                .bind("ids", (Argument) BinaryArray.uuids(List.of()))
                                .bind("ns", (Argument) BinaryArray.bigints(new long[0]))
                                .mapTo(Integer.class)
                                .one());
        assertThat(count).isZero();
    }

    @Test
    void the_text_form_matches_for_connections_that_send_text() {
        UUID id = UUID.randomUUID();
        assertThat(BinaryArray.uuids(List.of(id, id)).getValue()).isEqualTo("{" + id + "," + id + "}");
        assertThat(BinaryArray.bigints(new long[] {-5, 6}).getValue()).isEqualTo("{-5,6}");
        assertThat(BinaryArray.bigints(new long[] {1, 2, 3}).toString()).isEqualTo("_int8 of 3 elements");
    }
}
