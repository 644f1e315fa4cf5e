package org.corridor.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.corridor.db.Database;
import org.corridor.testing.TestDatabase;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditLogTest {

    private Database database;
    private AuditLog log;

    @BeforeEach
    void setUp() {
        database = TestDatabase.fresh();
        log = new AuditLog(database.transactions(), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private void append(int count) {
        for (int i = 0; i < count; i++) {
            log.appendAlone(new AuditEvent(
                    new Actor("alice", "OPERATOR"),
                    "THING_DONE",
                    "thing:" + i,
                    Map.of("n", i, "note", "café ünïcode"),
                    Map.of("status", "OK"),
                    Map.of("rules", "3")));
        }
    }

    @Test
    void an_untouched_chain_verifies_intact() {
        append(25);
        assertThat(log.verify()).isEqualTo(new ChainVerification.Intact(25));
        AuditEntry first = log.entry(1).orElseThrow();
        assertThat(first.previousHash()).isEqualTo(AuditEntry.GENESIS_HASH);
        assertThat(log.entry(2).orElseThrow().previousHash()).isEqualTo(first.hash());
        assertThat(first.command()).isEqualTo("{\"n\":0,\"note\":\"café ünïcode\"}");
    }

    @Test
    void the_table_refuses_update_and_delete() {
        append(2);
        assertThatThrownBy(() -> database.jdbi().useHandle(h -> h.execute("update audit_entry set actor = 'mallory'")))
                .isInstanceOf(UnableToExecuteStatementException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> database.jdbi().useHandle(h -> h.execute("delete from audit_entry")))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> database.jdbi().useHandle(h -> h.execute("truncate audit_entry")))
                .hasMessageContaining("append-only");
    }

    @Test
    void altering_a_row_behind_the_application_breaks_the_chain_at_that_entry() throws Exception {
        append(10);
        tamper("update audit_entry set outcome = '{\"status\":\"FORGED\"}' where seq = 7");
        ChainVerification result = log.verify();
        assertThat(result).isInstanceOf(ChainVerification.Broken.class);
        ChainVerification.Broken broken = (ChainVerification.Broken) result;
        assertThat(broken.seq()).isEqualTo(7);
        assertThat(broken.reason()).isEqualTo("HASH_MISMATCH");
    }

    @Test
    void rehashing_a_forged_row_still_breaks_the_link_to_its_successor() throws Exception {
        append(5);
        AuditEntry original = log.entry(3).orElseThrow();
        AuditEntry forged = new AuditEntry(
                3,
                original.recordedAt(),
                "mallory",
                original.actorRole(),
                original.action(),
                original.subject(),
                original.command(),
                original.outcome(),
                original.versions(),
                original.previousHash(),
                "");
        String forgedHash = forged.computeHash();
        tamper("update audit_entry set actor = 'mallory', hash = '" + forgedHash + "' where seq = 3");
        ChainVerification.Broken broken = (ChainVerification.Broken) log.verify();
        assertThat(broken.seq()).isEqualTo(4);
        assertThat(broken.reason()).isEqualTo("PREVIOUS_HASH_MISMATCH");
    }

    @Test
    void deleting_a_row_behind_the_application_is_a_sequence_gap() throws Exception {
        append(6);
        tamper("delete from audit_entry where seq = 2");
        ChainVerification.Broken broken = (ChainVerification.Broken) log.verify();
        assertThat(broken.seq()).isEqualTo(2);
        assertThat(broken.reason()).isEqualTo("SEQUENCE_GAP");
    }

    @Test
    void concurrent_appends_from_eight_threads_keep_one_linear_chain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            futures.add(pool.submit(() -> append(25)));
        }
        for (Future<?> future : futures) {
            future.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(log.verify()).isEqualTo(new ChainVerification.Intact(200));
        assertThat(log.size()).isEqualTo(200);
    }

    @Test
    void an_entry_is_written_only_if_its_transaction_commits() {
        append(1);
        assertThatThrownBy(() -> database.transactions().useTransaction(transaction -> {
                    log.append(transaction, AuditEvent.of(Actor.SYSTEM, "DOOMED", "x", Map.of(), Map.of()));
                    throw new IllegalStateException("the change failed");
                }))
                .isInstanceOf(IllegalStateException.class);
        append(1);
        assertThat(log.verify()).isEqualTo(new ChainVerification.Intact(2));
        assertThat(log.entry(2).orElseThrow().action()).isEqualTo("THING_DONE");
    }

    /** Changes rows with the trigger disabled, as an attacker with database access could. */
    private void tamper(String sql) throws Exception {
        String url = database.pool().getJdbcUrl();
        try (Connection connection = TestDatabase.superuser(url);
                Statement statement = connection.createStatement()) {
            statement.execute("alter table audit_entry disable trigger user");
            statement.execute(sql);
            statement.execute("alter table audit_entry enable trigger user");
        }
    }
}
