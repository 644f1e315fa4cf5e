package org.corridor.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The order of sequenced batches, without a database: who is judged on what, and who waits for whom. */
class PostingSequencerTest {

    private static final UUID X = new UUID(0, 1);
    private static final UUID Y = new UUID(0, 2);
    private static final UUID Z = new UUID(0, 3);

    private final PostingSequencer sequencer = new PostingSequencer(100);
    private final Map<UUID, AccountState> committed = new HashMap<>();

    PostingSequencerTest() {
        for (UUID id : List.of(X, Y, Z, new UUID(0, 8), new UUID(0, 9))) {
            committed.put(id, new AccountState(id, "EUR", 1, 0, 0, 0, 1_000));
        }
    }

    /** Sequences a batch that moves {@code amount} from {@code debit} to {@code credit}. */
    private Optional<PostingSequencer.Sequenced> move(UUID transferId, UUID debit, UUID credit, long amount) {
        AtomicReference<Map<UUID, AccountState>> judged = new AtomicReference<>();
        Optional<PostingSequencer.Sequenced> sequenced = sequencer.sequence(
                new java.util.TreeSet<>(Set.of(debit, credit)),
                List.of(transferId),
                ids -> {
                    Map<UUID, AccountState> read = new HashMap<>();
                    ids.forEach(id -> {
                        AccountState state = committed.get(id);
                        read.put(id, PostingSequencer.Snapshot.of(state).toState(id));
                    });
                    return read;
                },
                accounts -> {
                    judged.set(accounts);
                    accounts.get(debit).debitsPosted += amount;
                    accounts.get(credit).creditsPosted += amount;
                    return new PostingRules.Plan(
                            new TransferResult[0], new java.time.Instant[0], List.of(), List.of(), List.of());
                });
        return sequenced;
    }

    @Test
    void a_batch_is_judged_on_what_the_batch_before_it_will_leave() {
        PostingSequencer.Sequenced first = move(new UUID(1, 1), X, Y, 100).orElseThrow();
        PostingSequencer.Sequenced second = move(new UUID(1, 2), X, Z, 50).orElseThrow();

        assertThat(first.before().get(X).debitsPosted()).isZero();
        assertThat(first.after().get(X).debitsPosted()).isEqualTo(100);
        // X comes from the first batch's result; Z, which nobody in flight touched, from the database.
        assertThat(second.before().get(X)).isEqualTo(first.after().get(X));
        assertThat(second.before().get(Z).creditsPosted()).isEqualTo(1_000);
        assertThat(second.after().get(X).debitsPosted()).isEqualTo(150);
    }

    @Test
    void a_batch_waits_for_the_batches_it_was_judged_after_and_no_other() throws Exception {
        PostingSequencer.Sequenced first = move(new UUID(1, 1), X, Y, 100).orElseThrow();
        PostingSequencer.Sequenced second = move(new UUID(1, 2), Y, Z, 10).orElseThrow();
        PostingSequencer.Sequenced elsewhere =
                move(new UUID(1, 3), new UUID(0, 9), new UUID(0, 8), 5).orElseThrow();

        assertThat(first.ticket().awaitPredecessors(Duration.ofMillis(10))).isTrue();
        assertThat(second.ticket().awaitPredecessors(Duration.ofMillis(50))).isFalse();
        // Accounts nobody in flight touched: nothing to wait for.
        assertThat(elsewhere.ticket().awaitPredecessors(Duration.ofMillis(10))).isTrue();
        sequencer.release(first, List.of(new UUID(1, 1)), true);
        assertThat(second.ticket().awaitPredecessors(Duration.ofMillis(10))).isTrue();
    }

    @Test
    void an_id_in_flight_sends_the_second_batch_the_careful_way() {
        UUID id = new UUID(1, 1);
        PostingSequencer.Sequenced first = move(id, X, Y, 100).orElseThrow();

        assertThat(move(id, Y, Z, 10)).isEmpty();

        sequencer.release(first, List.of(id), true);
        assertThat(move(id, Y, Z, 10)).isPresent();
    }

    @Test
    void released_accounts_are_read_from_the_database_again_unless_a_later_batch_owns_them() {
        PostingSequencer.Sequenced first = move(new UUID(1, 1), X, Y, 100).orElseThrow();
        PostingSequencer.Sequenced second = move(new UUID(1, 2), Y, Z, 10).orElseThrow();
        // The first batch rolled back: the database still holds X and Y as they were.
        sequencer.release(first, List.of(new UUID(1, 1)), false);

        PostingSequencer.Sequenced third = move(new UUID(1, 3), X, Y, 1).orElseThrow();

        assertThat(third.before().get(X).debitsPosted()).isZero();
        // Y is the second batch's, still in flight; its compare will fail and so will the third's.
        assertThat(third.before().get(Y)).isEqualTo(second.after().get(Y));
    }

    @Test
    void what_a_committed_batch_left_is_remembered_until_forgotten() throws Exception {
        PostingSequencer.Sequenced first = move(new UUID(1, 1), X, Y, 100).orElseThrow();
        sequencer.release(first, List.of(new UUID(1, 1)), true);
        committed.clear(); // a read of the database now would fail the test

        PostingSequencer.Sequenced second = move(new UUID(1, 2), X, Y, 1).orElseThrow();
        assertThat(second.before().get(X)).isEqualTo(first.after().get(X));
        assertThat(second.ticket().awaitPredecessors(Duration.ZERO)).isTrue();
        sequencer.release(second, List.of(new UUID(1, 2)), false);

        // A batch that rolled back leaves nothing remembered: its accounts are read again.
        committed.put(X, new AccountState(X, "EUR", 1, 0, 7, 0, 1_000));
        committed.put(Y, new AccountState(Y, "EUR", 1, 0, 0, 0, 1_100));
        PostingSequencer.Sequenced third = move(new UUID(1, 3), X, Y, 1).orElseThrow();
        assertThat(third.before().get(X).debitsPosted()).isEqualTo(7);
        sequencer.release(third, List.of(new UUID(1, 3)), true);

        sequencer.forget(List.of(X));
        committed.put(X, new AccountState(X, "EUR", 1, 0, 9, 0, 1_000));
        PostingSequencer.Sequenced fourth = move(new UUID(1, 4), X, Y, 1).orElseThrow();
        assertThat(fourth.before().get(X).debitsPosted()).isEqualTo(9);
        assertThat(fourth.before().get(Y)).isEqualTo(third.after().get(Y));
    }
}
