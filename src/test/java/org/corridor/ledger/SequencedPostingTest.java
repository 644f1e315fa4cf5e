package org.corridor.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.money.Currency;
import org.corridor.testing.TestCorridor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Batches posted from several threads at once go through the sequencer, judged on what the batches
 * before them will leave, while other writers move the same accounts behind its back: postings
 * inside another transaction, flag changes. Whatever interleaving happens, what is stored adds up.
 */
class SequencedPostingTest {

    private static final Actor ACTOR = new Actor("sequenced", "OPERATOR");
    private static final int ACCOUNTS = 12;

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
    void concurrent_batches_and_other_writers_leave_balances_that_add_up() throws Exception {
        Ledger ledger = corridor.ledger();
        org.corridor.testing.FundedAccounts.Funded funded =
                org.corridor.testing.FundedAccounts.fund(ledger, ACCOUNTS, 5_000);
        UUID payer = funded.payer();
        List<UUID> accounts = funded.accounts();

        Map<UUID, TransferResult> outcomes = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> posters = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long seed = t;
                posters.add(threads.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    for (int b = 0; b < 40; b++) {
                        List<NewTransfer> batch = new ArrayList<>();
                        for (int i = 0; i < 30; i++) {
                            batch.add(randomMove(random, accounts));
                        }
                        List<TransferOutcome> posted = ledger.post(ACTOR, batch);
                        posted.forEach(outcome -> outcomes.put(outcome.id(), outcome.result()));
                    }
                    return null;
                }));
            }
            // Behind the sequencer's back: a feature posting inside its own transaction, and flag changes.
            Future<?> within = threads.submit(() -> {
                SplittableRandom random = new SplittableRandom(99);
                while (running.get()) {
                    List<NewTransfer> batch = List.of(randomMove(random, accounts), randomMove(random, accounts));
                    List<TransferOutcome> posted = corridor.database()
                            .transactions()
                            .inTransaction(transaction -> ledger.post(transaction, ACTOR, batch));
                    posted.forEach(outcome -> outcomes.put(outcome.id(), outcome.result()));
                }
                return null;
            });
            Future<?> flags = threads.submit(() -> {
                while (running.get()) {
                    ledger.block(ACTOR, accounts.get(0));
                    ledger.unblock(ACTOR, accounts.get(0));
                }
                return null;
            });
            for (Future<?> poster : posters) {
                poster.get(120, TimeUnit.SECONDS);
            }
            running.set(false);
            within.get(30, TimeUnit.SECONDS);
            flags.get(30, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }

        assertThat(outcomes).hasSizeGreaterThan(4 * 40 * 30);
        // The flag changes and the other transactions made some sequenced batches find their accounts
        // moved; those were rolled back and posted again with the accounts locked.
        assertThat(ledger.postedCarefully()).isPositive();
        assertThat(outcomes.values()).contains(TransferResult.OK);
        assertStoredBooksBalance(ledger, payer, accounts, outcomes);
    }

    /**
     * Another server's clock runs ahead: its transfer on an account is stamped later than this
     * server's clock reads. A batch of this server on the same account, judged on the account read
     * fresh (so its compare succeeds), must still be stamped after it: it reads the account's latest
     * transfer with its balances.
     */
    @Test
    void a_batch_after_another_servers_transfer_is_stamped_after_it_whatever_its_clock() {
        // Ledgers of their own, so that the clock pulled forward stays out of the other tests' ledger.
        Ledger here = serverWithClock(java.time.Clock.systemUTC());
        Ledger ahead =
                serverWithClock(java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofSeconds(30)));
        List<UUID> accounts = org.corridor.testing.FundedAccounts.open(ahead, 2, 1_000);
        NewTransfer first =
                NewTransfer.posted(TransferIds.next(), accounts.get(0), accounts.get(1), 10, Currency.EUR, "TRANSFER");
        NewTransfer then =
                NewTransfer.posted(TransferIds.next(), accounts.get(1), accounts.get(0), 5, Currency.EUR, "TRANSFER");
        assertThat(ahead.post(ACTOR, first).succeeded()).isTrue();
        assertThat(here.post(ACTOR, then).succeeded()).isTrue();
        assertThat(here.transfer(then.id()).orElseThrow().timestamp())
                .isAfter(here.transfer(first.id()).orElseThrow().timestamp());
        assertThat(here.check().findings()).isEmpty();
    }

    /** The ledger of another server on the same database, whose clock is {@code clock}. */
    private static Ledger serverWithClock(java.time.Clock clock) {
        return new Ledger(
                corridor.database().transactions(), corridor.database().singleAttempts(), corridor.audit(), clock);
    }

    @Test
    void a_batch_sent_again_is_answered_from_what_was_recorded() {
        Ledger ledger = corridor.ledger();
        UUID payer = UUID.randomUUID();
        UUID limited = UUID.randomUUID();
        ledger.createAccounts(
                ACTOR,
                List.of(
                        NewAccount.of(payer, Currency.EUR, AccountCode.PAYER, "payer"),
                        NewAccount.of(
                                limited,
                                Currency.EUR,
                                AccountCode.SETTLEMENT,
                                "limited",
                                AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)));
        List<NewTransfer> batch = List.of(
                NewTransfer.posted(TransferIds.next(), payer, limited, 100, Currency.EUR, "DEPOSIT"),
                NewTransfer.posted(TransferIds.next(), limited, payer, 500, Currency.EUR, "RESTRICTED_TRANSFER"));
        long careful = ledger.postedCarefully();

        List<TransferOutcome> first = ledger.post(ACTOR, batch);
        List<TransferOutcome> again = ledger.post(ACTOR, batch);

        assertThat(first)
                .extracting(TransferOutcome::result)
                .containsExactly(TransferResult.OK, TransferResult.EXCEEDS_CREDITS);
        // The ids were judged new, the copy met them on the primary key, and the careful way answered.
        assertThat(again)
                .extracting(TransferOutcome::result)
                .containsExactly(TransferResult.EXISTS, TransferResult.EXCEEDS_CREDITS);
        assertThat(ledger.postedCarefully()).isEqualTo(careful + 1);
        assertThat(ledger.requireAccount(limited).balances().creditsPosted()).isEqualTo(100);
    }

    private static NewTransfer randomMove(SplittableRandom random, List<UUID> accounts) {
        UUID debit = accounts.get(random.nextInt(accounts.size()));
        UUID credit;
        do {
            credit = accounts.get(random.nextInt(accounts.size()));
        } while (credit.equals(debit));
        // Large enough that some transfers overdraw and fail EXCEEDS_CREDITS on the state they were judged on.
        return NewTransfer.posted(
                TransferIds.next(), debit, credit, 1 + random.nextInt(900), Currency.EUR, "RESTRICTED_TRANSFER");
    }

    /** Every account's balances are the sums of its accepted transfers, and the outcomes said so too. */
    private static void assertStoredBooksBalance(
            Ledger ledger, UUID payer, List<UUID> accounts, Map<UUID, TransferResult> outcomes) {
        Map<UUID, long[]> sums = new HashMap<>();
        corridor.database()
                .jdbi()
                .useHandle(handle -> handle.createQuery("""
                        select id, debit_account_id, credit_account_id, amount, failure
                        from ledger_transfer where debit_account_id = any(:ids) or credit_account_id = any(:ids)
                        """)
                        .bindArray("ids", UUID.class, accounts)
                        .map((rs, ctx) -> {
                            UUID id = rs.getObject(1, UUID.class);
                            boolean accepted = rs.getString(5) == null;
                            TransferResult said = outcomes.get(id);
                            if (said != null) {
                                assertThat(said.succeeded())
                                        .as("outcome of %s", id)
                                        .isEqualTo(accepted);
                            }
                            if (accepted) {
                                sums.computeIfAbsent(rs.getObject(2, UUID.class), k -> new long[2])[0] += rs.getLong(4);
                                sums.computeIfAbsent(rs.getObject(3, UUID.class), k -> new long[2])[1] += rs.getLong(4);
                            }
                            return id;
                        })
                        .list());
        long debits = 0;
        long credits = 0;
        for (UUID id : accounts) {
            Balances balances = ledger.requireAccount(id).balances();
            long[] sum = sums.getOrDefault(id, new long[2]);
            assertThat(balances.debitsPosted()).as("debits of %s", id).isEqualTo(sum[0]);
            assertThat(balances.creditsPosted()).as("credits of %s", id).isEqualTo(sum[1]);
            assertThat(balances.debitsPosted()).isLessThanOrEqualTo(balances.creditsPosted());
            // The balance recorded with the last transfer is the account's balance now.
            assertThat(ledger.balanceAt(id, ledger.now().plusSeconds(1))).isEqualTo(balances);
            debits += balances.debitsPosted();
            credits += balances.creditsPosted();
        }
        Balances paid = ledger.requireAccount(payer).balances();
        assertThat(debits + paid.debitsPosted()).isEqualTo(credits + paid.creditsPosted());
    }
}
