package org.corridor.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.corridor.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Of several servers on one database, one leads the timed work, and another takes over when the
 * leader's session dies (issue 21). Two leaderships on separate sessions stand for two servers; the
 * leader's death is its backend terminated, which is what PostgreSQL does when a client is killed.
 */
class LeadershipTest {

    @Test
    void one_session_leads_and_another_takes_over_when_the_leaders_session_dies() throws Exception {
        try (Database database = TestDatabase.fresh();
                Leadership first = new Leadership(database.pool(), Leadership.TIMED_WORK);
                Leadership second = new Leadership(database.pool(), Leadership.TIMED_WORK)) {
            assertThat(first.getAsBoolean()).isTrue();
            assertThat(second.getAsBoolean()).isFalse();
            assertThat(first.getAsBoolean()).as("the leader keeps the lead").isTrue();

            database.jdbi().useHandle(handle -> handle.execute("""
                    select pg_terminate_backend(pid) from pg_locks
                    where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())
                    """));
            boolean tookOver = false;
            for (int attempt = 0; attempt < 50 && !tookOver; attempt++) {
                tookOver = second.getAsBoolean();
                Thread.sleep(100);
            }
            assertThat(tookOver).as("the other session takes the lead").isTrue();
            assertThat(first.getAsBoolean())
                    .as("the dead leader's server no longer leads")
                    .isFalse();
        }
    }

    @Test
    void a_leader_that_gives_up_hands_the_lead_to_the_next_to_ask() {
        try (Database database = TestDatabase.fresh();
                Leadership second = new Leadership(database.pool(), Leadership.TIMED_WORK)) {
            Leadership first = new Leadership(database.pool(), Leadership.TIMED_WORK);
            assertThat(first.getAsBoolean()).isTrue();
            assertThat(second.getAsBoolean()).isFalse();
            first.close();
            assertThat(second.getAsBoolean()).isTrue();
        }
    }
}
