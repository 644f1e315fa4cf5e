package org.corridor.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.money.Currency;
import org.corridor.testing.TestCorridor;

/**
 * The ledger's invariants over random batches on the real database, posted one after another and
 * from several threads at once; checked against the stored accounts and transfers.
 */
class LedgerPropertiesTest {

    static final Actor ACTOR = new Actor("property", "OPERATOR");

    private static Corridor corridor;

    @BeforeContainer
    static void start() {
        corridor = TestCorridor.create();
    }

    @AfterContainer
    static void stop() {
        corridor.close();
    }

    @Provide
    Arbitrary<List<List<RandomBatches.Operation>>> batches() {
        return RandomBatches.batches(4, 40);
    }

    @Provide
    Arbitrary<List<List<RandomBatches.Operation>>> manyBatches() {
        return RandomBatches.batches(16, 30).filter(batches -> batches.size() >= 8);
    }

    @Property(tries = 12)
    void batches_posted_in_turn_keep_every_invariant(@ForAll("batches") List<List<RandomBatches.Operation>> batches) {
        Ledger ledger = corridor.ledger();
        RandomBatches.Book book = open(ledger);
        RandomBatches.Writer writer = new RandomBatches.Writer(book);
        for (List<RandomBatches.Operation> operations : batches) {
            List<NewTransfer> batch = writer.transfers(operations, ledger.now());
            List<TransferOutcome> outcomes = ledger.post(ACTOR, batch);
            RandomBatches.assertChainsWhole(
                    batch, outcomes.stream().map(TransferOutcome::result).toList());
            // Sending the batch again changes nothing.
            List<TransferOutcome> again = ledger.post(ACTOR, batch);
            for (int i = 0; i < batch.size(); i++) {
                TransferResult first = outcomes.get(i).result();
                if (first.succeeded()) {
                    assertThat(again.get(i).result()).isIn(TransferResult.EXISTS, TransferResult.LINKED_EVENT_FAILED);
                }
            }
        }
        assertStoredInvariants(ledger, book);
    }

    @Property(tries = 3)
    void batches_posted_from_many_threads_at_once_keep_every_invariant(
            @ForAll("manyBatches") List<List<RandomBatches.Operation>> batches) throws Exception {
        Ledger ledger = corridor.ledger();
        RandomBatches.Book book = open(ledger);
        RandomBatches.Writer writer = new RandomBatches.Writer(book);
        // Fund the limited accounts first, so that many transfers succeed and contend.
        List<NewTransfer> funding = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            funding.add(NewTransfer.posted(
                    UUID.randomUUID(), book.ids().get(0), book.ids().get(i), 50_000, Currency.EUR, "DEPOSIT"));
        }
        ledger.post(ACTOR, funding);
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (List<RandomBatches.Operation> operations : batches) {
                running.add(threads.submit(() -> {
                    List<NewTransfer> batch = writer.transfers(operations, ledger.now());
                    List<TransferOutcome> outcomes = ledger.post(ACTOR, batch);
                    RandomBatches.assertChainsWhole(
                            batch,
                            outcomes.stream().map(TransferOutcome::result).toList());
                    return null;
                }));
            }
            for (Future<?> batch : running) {
                batch.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertStoredInvariants(ledger, book);
    }

    private static RandomBatches.Book open(Ledger ledger) {
        RandomBatches.Book book = RandomBatches.Book.fresh();
        assertThat(ledger.createAccounts(ACTOR, book.accounts()))
                .allMatch(outcome -> outcome.result() == AccountResult.OK);
        return book;
    }

    /** Reads the accounts and every accepted transfer that touched them back from the database. */
    private static void assertStoredInvariants(Ledger ledger, RandomBatches.Book book) {
        Map<UUID, Currency> currencies = new HashMap<>();
        Map<UUID, Balances> balances = new HashMap<>();
        Map<UUID, java.util.Set<AccountFlag>> flags = new HashMap<>();
        for (UUID id : book.ids()) {
            Account account = ledger.requireAccount(id);
            currencies.put(id, account.currency());
            balances.put(id, account.balances());
            flags.put(id, account.flags());
            // The balance recorded with the last transfer is the account's balance now.
            assertThat(ledger.balanceAt(id, ledger.now().plusSeconds(1))).isEqualTo(account.balances());
        }
        List<RandomBatches.Effect> effects = corridor.database()
                .jdbi()
                .withHandle(handle -> handle.createQuery("""
                                select id, kind, debit_account_id, credit_account_id, amount, pending_amount, pending_id
                                from ledger_transfer
                                where failure is null and (debit_account_id = any(:ids) or credit_account_id = any(:ids))
                                """)
                        .bindArray("ids", UUID.class, book.ids())
                        .map((rs, ctx) -> new RandomBatches.Effect(
                                TransferKind.valueOf(rs.getString("kind")),
                                rs.getObject("debit_account_id", UUID.class),
                                rs.getObject("credit_account_id", UUID.class),
                                rs.getLong("amount"),
                                rs.getLong("pending_amount"),
                                Optional.ofNullable(rs.getObject("pending_id", UUID.class)),
                                rs.getObject("id", UUID.class)))
                        .list());
        RandomBatches.assertInvariants(currencies, balances, flags, effects);
    }
}
