package org.corridor.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEntry;
import org.corridor.audit.CanonicalJson;
import org.corridor.money.Currency;
import org.corridor.testing.TestCorridor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Single transfers posted at the same time by many callers share batches (issue 21): each caller
 * gets its own transfer's outcome, a refused transfer refuses no other, callers are never mixed in
 * one batch's audit entry, and a repeated id is answered as a repeat.
 */
class GroupCommitTest {

    private static final int THREADS = 12;
    private static final int EACH = 15;

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
    void concurrent_single_transfers_share_batches_and_each_caller_gets_its_own_outcome() throws Exception {
        Ledger ledger = corridor.ledger();
        List<UUID> accounts = fundedAccounts(THREADS, 1_000);
        Map<UUID, TransferResult> results = new ConcurrentHashMap<>();
        Map<UUID, String> actorOf = new ConcurrentHashMap<>();
        run(THREADS, t -> {
            Actor actor = new Actor("caller-" + (t % 3), "OPERATOR");
            for (int i = 0; i < EACH; i++) {
                // Every fifth transfer overdraws its account: refused, and only it.
                long amount = i % 5 == 4 ? 1_000_000 : 10;
                UUID id = TransferIds.next();
                actorOf.put(id, actor.name());
                UUID to = accounts.get((t + 1) % THREADS);
                TransferOutcome outcome = ledger.post(
                        actor, NewTransfer.posted(id, accounts.get(t), to, amount, Currency.EUR, "TRANSFER"));
                assertThat(outcome.id()).isEqualTo(id);
                results.put(id, outcome.result());
            }
            return null;
        });
        assertThat(results).hasSize(THREADS * EACH);
        results.forEach((id, result) -> assertThat(result)
                .isIn(TransferResult.OK, TransferResult.EXCEEDS_CREDITS)
                .isEqualTo(results.get(id)));
        assertThat(results.values().stream().filter(r -> r == TransferResult.EXCEEDS_CREDITS))
                .hasSize(THREADS * (EACH / 5));

        Map<UUID, Integer> listed = new HashMap<>();
        int shared = 0;
        for (AuditEntry entry :
                corridor.audit().list(Instant.EPOCH, Instant.now().plusSeconds(60), 0, 10_000)) {
            if (!entry.action().equals("LEDGER_TRANSFERS_POSTED")) {
                continue;
            }
            JsonNode ids = CanonicalJson.read(entry.command()).get("ids");
            for (JsonNode id : ids) {
                UUID transfer = UUID.fromString(id.asText());
                if (actorOf.containsKey(transfer)) {
                    listed.merge(transfer, 1, Integer::sum);
                    assertThat(entry.actor()).isEqualTo(actorOf.get(transfer));
                }
            }
            shared += ids.size() > 1
                            && actorOf.containsKey(UUID.fromString(ids.get(0).asText()))
                    ? 1
                    : 0;
        }
        assertThat(listed.keySet()).isEqualTo(actorOf.keySet());
        assertThat(listed.values()).allMatch(times -> times == 1);
        assertThat(shared).as("batches carrying several callers' transfers").isPositive();
        assertThat(ledger.check().findings()).isEmpty();
    }

    @Test
    void the_same_id_sent_by_two_callers_at_once_is_posted_once_and_answered_as_a_repeat() throws Exception {
        Ledger ledger = corridor.ledger();
        List<UUID> accounts = fundedAccounts(2, 1_000);
        Actor actor = new Actor("twice", "OPERATOR");
        for (int round = 0; round < 10; round++) {
            UUID id = TransferIds.next();
            NewTransfer transfer =
                    NewTransfer.posted(id, accounts.get(0), accounts.get(1), 1, Currency.EUR, "TRANSFER");
            List<TransferResult> both = new ArrayList<>(
                            run(2, t -> ledger.post(actor, transfer).result()))
                    .stream().sorted().toList();
            assertThat(both).containsExactly(TransferResult.OK, TransferResult.EXISTS);
        }
        assertThat(ledger.balances(accounts.get(1)).creditsPosted()).isEqualTo(1_000 + 10);
    }

    private static List<UUID> fundedAccounts(int count, long each) {
        return org.corridor.testing.FundedAccounts.open(corridor.ledger(), count, each);
    }

    /** Thread {@code t} of {@code threads} runs {@code work.call(t)}, all released together; their results. */
    private static <T> List<T> run(int threads, Work<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<T> task = () -> {
                    go.await();
                    return work.call(thread);
                };
                futures.add(pool.submit(task));
            }
            go.countDown();
            List<T> done = new ArrayList<>();
            for (Future<T> future : futures) {
                done.add(future.get());
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    private interface Work<T> {
        T call(int thread) throws Exception;
    }
}
