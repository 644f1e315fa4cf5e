package org.corridor.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.corridor.testing.TestDatabase;
import org.corridor.transaction.Transactions;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class TransactionsTest {

    private static Database database;
    private static Transactions transactions;

    @BeforeAll
    static void open() {
        database = TestDatabase.fresh();
        transactions = database.transactions();
        database.jdbi().useHandle(handle -> handle.execute("create table if not exists unit_probe (n int)"));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void work_commits_and_its_after_commit_actions_run_once() {
        List<String> ran = new ArrayList<>();
        int result = transactions.inTransaction(transaction -> {
            Handles.of(transaction).execute("insert into unit_probe values (1)");
            transaction.afterCommit(() -> ran.add("committed"));
            return 7;
        });
        assertThat(result).isEqualTo(7);
        assertThat(ran).containsExactly("committed");
    }

    @Test
    void a_rolled_back_unit_runs_no_after_commit_action_and_keeps_no_row() {
        List<String> ran = new ArrayList<>();
        assertThatThrownBy(() -> transactions.useTransaction(transaction -> {
                    Handles.of(transaction).execute("insert into unit_probe values (2)");
                    transaction.afterCommit(() -> ran.add("committed"));
                    throw new IllegalStateException("refused");
                }))
                .hasMessageContaining("refused");
        assertThat(ran).isEmpty();
        assertThat(count(2)).isZero();
    }

    @Test
    void a_retried_attempt_keeps_only_the_hooks_of_the_attempt_that_committed() {
        AtomicInteger attempts = new AtomicInteger();
        List<Integer> ran = new ArrayList<>();
        transactions.useTransaction(transaction -> {
            int attempt = attempts.incrementAndGet();
            Handles.of(transaction).execute("insert into unit_probe values (3)");
            transaction.afterCommit(() -> ran.add(attempt));
            if (attempt == 1) {
                throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(
                        new PSQLException("could not serialize access", PSQLState.SERIALIZATION_FAILURE), null);
            }
        });
        assertThat(attempts).hasValue(2);
        assertThat(ran).containsExactly(2);
        assertThat(count(3)).isEqualTo(1);
    }

    @Test
    void a_single_attempt_is_never_retried_and_keeps_nothing_of_a_failed_attempt() {
        AtomicInteger attempts = new AtomicInteger();
        List<String> ran = new ArrayList<>();
        assertThatThrownBy(() -> database.singleAttempts().useTransaction(transaction -> {
                    attempts.incrementAndGet();
                    Handles.of(transaction).execute("insert into unit_probe values (4)");
                    transaction.afterCommit(() -> ran.add("committed"));
                    throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(
                            new PSQLException("could not serialize access", PSQLState.SERIALIZATION_FAILURE), null);
                }))
                .hasRootCauseInstanceOf(PSQLException.class);
        assertThat(attempts).hasValue(1);
        assertThat(ran).isEmpty();
        assertThat(count(4)).isZero();

        int result = database.singleAttempts().inTransaction(transaction -> {
            Handles.of(transaction).execute("insert into unit_probe values (4)");
            transaction.afterCommit(() -> ran.add("committed"));
            return 5;
        });
        assertThat(result).isEqualTo(5);
        assertThat(ran).containsExactly("committed");
        assertThat(count(4)).isEqualTo(1);
    }

    @Test
    void only_units_opened_by_the_database_yield_a_handle() {
        assertThatThrownBy(() -> Handles.of(action -> {})).isInstanceOf(IllegalArgumentException.class);
    }

    private static int count(int n) {
        return database.jdbi()
                .withHandle((Handle handle) -> handle.createQuery("select count(*) from unit_probe where n = :n")
                        .bind("n", n)
                        .mapTo(Integer.class)
                        .one());
    }
}
