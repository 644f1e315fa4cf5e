package org.corridor.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.corridor.money.Currency;

/**
 * Random batches for the ledger's property tests, and the invariants they must keep. An operation is
 * drawn abstractly (which kind, which accounts by index, which amount, linked or not, which earlier
 * hold or transfer) and turned into a transfer against a concrete set of accounts.
 */
final class RandomBatches {

    /** Account 0 funds the others and has no limit; 1-3 may not be overdrawn; 4 may not be over-credited; 5 is in IQD. */
    static final int ACCOUNTS = 6;

    record Operation(int kind, int debit, int credit, long amount, boolean linked, int earlier, boolean expiring) {}

    static Arbitrary<Operation> operations() {
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 11);
        Arbitrary<Integer> account = Arbitraries.integers().between(0, ACCOUNTS - 1);
        Arbitrary<Long> amount = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.longs().between(1, 2_000)),
                Tuple.of(1, Arbitraries.longs().between(-3, 0)),
                Tuple.of(1, Arbitraries.longs().between(Long.MAX_VALUE - 2_000, Long.MAX_VALUE)));
        Arbitrary<Boolean> linked = Arbitraries.integers().between(0, 4).map(i -> i == 0);
        Arbitrary<Integer> earlier = Arbitraries.integers().between(0, 1_000);
        Arbitrary<Boolean> expiring = Arbitraries.of(true, false);
        return Combinators.combine(kind, account, account, amount, linked, earlier, expiring)
                .as(Operation::new);
    }

    static Arbitrary<List<List<Operation>>> batches(int maxBatches, int maxSize) {
        return operations()
                .list()
                .ofMinSize(1)
                .ofMaxSize(maxSize)
                .list()
                .ofMinSize(1)
                .ofMaxSize(maxBatches);
    }

    /** The accounts a run uses: ids, currencies and the flags of each index. */
    record Book(List<UUID> ids) {

        static Book fresh() {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < ACCOUNTS; i++) {
                ids.add(UUID.randomUUID());
            }
            return new Book(ids);
        }

        List<NewAccount> accounts() {
            List<NewAccount> accounts = new ArrayList<>();
            for (int i = 0; i < ACCOUNTS; i++) {
                accounts.add(new NewAccount(ids.get(i), currency(i), AccountCode.RESTRICTED, "holder-" + i, flags(i)));
            }
            return accounts;
        }

        static Currency currency(int index) {
            return index == 5 ? Currency.IQD : Currency.EUR;
        }

        static java.util.Set<AccountFlag> flags(int index) {
            if (index >= 1 && index <= 3) {
                return java.util.Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS);
            }
            if (index == 4) {
                return java.util.Set.of(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS);
            }
            return java.util.Set.of();
        }
    }

    /** Turns operations into transfers, remembering holds and sent transfers for later ones. Thread-safe. */
    static final class Writer {
        private final Book book;
        private final List<UUID> holds = new CopyOnWriteArrayList<>();
        private final List<NewTransfer> sent = new CopyOnWriteArrayList<>();

        Writer(Book book) {
            this.book = book;
        }

        List<NewTransfer> transfers(List<Operation> operations, Instant now) {
            List<NewTransfer> transfers = new ArrayList<>();
            for (Operation operation : operations) {
                NewTransfer transfer = transfer(operation, now);
                transfers.add(operation.linked() ? transfer.linkedToNext() : transfer);
            }
            sent.addAll(transfers);
            return transfers;
        }

        private NewTransfer transfer(Operation operation, Instant now) {
            UUID debit = book.ids().get(operation.debit());
            UUID credit = book.ids().get(operation.credit());
            Currency currency = Book.currency(operation.debit());
            int kind = operation.kind();
            if (kind <= 4) {
                return NewTransfer.posted(UUID.randomUUID(), debit, credit, operation.amount(), currency, "TRANSFER");
            }
            if (kind <= 6) {
                UUID id = UUID.randomUUID();
                holds.add(id);
                Optional<Instant> expiry =
                        operation.expiring() ? Optional.of(now.plusSeconds(3_600)) : Optional.empty();
                return NewTransfer.pending(id, debit, credit, operation.amount(), currency, "RELEASE", expiry);
            }
            if (kind <= 9 && !holds.isEmpty()) {
                UUID hold = holds.get(operation.earlier() % holds.size());
                if (kind == 9) {
                    return NewTransfer.voidPending(UUID.randomUUID(), hold, currency);
                }
                long amount = kind == 7 ? 0 : Math.floorMod(operation.amount(), 1_500);
                return NewTransfer.postPending(UUID.randomUUID(), hold, amount, currency);
            }
            if (!sent.isEmpty()) {
                // Sent again, exactly: it must not be applied twice.
                NewTransfer again = sent.get(operation.earlier() % sent.size());
                return again.linked()
                        ? new NewTransfer(
                                again.id(),
                                again.kind(),
                                again.debitAccountId(),
                                again.creditAccountId(),
                                again.amountMinor(),
                                again.currency(),
                                again.code(),
                                again.pendingId(),
                                again.expiresAt(),
                                false,
                                again.references(),
                                again.metadata())
                        : again;
            }
            return NewTransfer.posted(UUID.randomUUID(), debit, credit, 1, currency, "TRANSFER");
        }
    }

    /** An accepted transfer's effect, as the invariants recompute it. */
    record Effect(
            TransferKind kind,
            UUID debit,
            UUID credit,
            long amount,
            long pendingAmount,
            Optional<UUID> pendingId,
            UUID id) {}

    /** The four balances of every account, recomputed from the accepted transfers alone. */
    static Map<UUID, long[]> recompute(List<Effect> effects) {
        Map<UUID, long[]> balances = new HashMap<>();
        for (Effect effect : effects) {
            long[] debit = balances.computeIfAbsent(effect.debit(), id -> new long[4]);
            long[] credit = balances.computeIfAbsent(effect.credit(), id -> new long[4]);
            switch (effect.kind()) {
                case POSTED -> {
                    debit[1] = Math.addExact(debit[1], effect.amount());
                    credit[3] = Math.addExact(credit[3], effect.amount());
                }
                case PENDING -> {
                    debit[0] = Math.addExact(debit[0], effect.amount());
                    credit[2] = Math.addExact(credit[2], effect.amount());
                }
                case POST_PENDING -> {
                    debit[0] -= effect.pendingAmount();
                    credit[2] -= effect.pendingAmount();
                    debit[1] = Math.addExact(debit[1], effect.amount());
                    credit[3] = Math.addExact(credit[3], effect.amount());
                }
                case VOID_PENDING, EXPIRE_PENDING -> {
                    debit[0] -= effect.pendingAmount();
                    credit[2] -= effect.pendingAmount();
                }
            }
        }
        return balances;
    }

    /**
     * The ledger's invariants over accounts and the accepted transfers that touched them: posted
     * debits equal posted credits per currency (and pending likewise), limits hold, balances equal
     * the sum of their transfers, and no hold is resolved twice or posted beyond what it reserved.
     */
    static void assertInvariants(
            Map<UUID, Currency> currencies,
            Map<UUID, Balances> accounts,
            Map<UUID, java.util.Set<AccountFlag>> flags,
            List<Effect> effects) {
        // Sums over several accounts may pass 2^63 - 1: add them exactly.
        Map<Currency, java.math.BigInteger[]> perLedger = new HashMap<>();
        accounts.forEach((id, balances) -> {
            java.math.BigInteger[] sums =
                    perLedger.computeIfAbsent(currencies.get(id), c -> new java.math.BigInteger[] {
                        java.math.BigInteger.ZERO,
                        java.math.BigInteger.ZERO,
                        java.math.BigInteger.ZERO,
                        java.math.BigInteger.ZERO
                    });
            sums[0] = sums[0].add(java.math.BigInteger.valueOf(balances.debitsPending()));
            sums[1] = sums[1].add(java.math.BigInteger.valueOf(balances.debitsPosted()));
            sums[2] = sums[2].add(java.math.BigInteger.valueOf(balances.creditsPending()));
            sums[3] = sums[3].add(java.math.BigInteger.valueOf(balances.creditsPosted()));
            if (flags.get(id).contains(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)) {
                assertThat(balances.debitsPending() + balances.debitsPosted())
                        .as("debits of %s", id)
                        .isLessThanOrEqualTo(balances.creditsPosted());
            }
            if (flags.get(id).contains(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS)) {
                assertThat(balances.creditsPending() + balances.creditsPosted())
                        .as("credits of %s", id)
                        .isLessThanOrEqualTo(balances.debitsPosted());
            }
            assertThat(balances.debitsPending()).isNotNegative();
            assertThat(balances.creditsPending()).isNotNegative();
        });
        perLedger.forEach((currency, sums) -> {
            assertThat(sums[1])
                    .as("posted debits = posted credits in %s", currency)
                    .isEqualTo(sums[3]);
            assertThat(sums[0])
                    .as("pending debits = pending credits in %s", currency)
                    .isEqualTo(sums[2]);
        });
        Map<UUID, long[]> recomputed = recompute(effects);
        accounts.forEach((id, balances) -> {
            long[] expected = recomputed.getOrDefault(id, new long[4]);
            assertThat(new long[] {
                        balances.debitsPending(),
                        balances.debitsPosted(),
                        balances.creditsPending(),
                        balances.creditsPosted()
                    })
                    .as("balances of %s are the sum of its transfers", id)
                    .containsExactly(expected);
        });
        Map<UUID, Effect> holds = new HashMap<>();
        effects.stream().filter(e -> e.kind() == TransferKind.PENDING).forEach(e -> holds.put(e.id(), e));
        Map<UUID, Integer> resolutions = new HashMap<>();
        for (Effect effect : effects) {
            if (effect.kind().resolvesHold()) {
                UUID hold = effect.pendingId().orElseThrow();
                resolutions.merge(hold, 1, Integer::sum);
                Effect reserved = holds.get(hold);
                assertThat(reserved).as("resolved hold %s exists", hold).isNotNull();
                assertThat(effect.pendingAmount()).isEqualTo(reserved.amount());
                assertThat(effect.amount()).as("posted of hold %s", hold).isLessThanOrEqualTo(reserved.amount());
            }
        }
        assertThat(resolutions.values()).allMatch(count -> count == 1);
    }

    /** A linked chain is applied whole or not at all. */
    static void assertChainsWhole(List<NewTransfer> batch, List<TransferResult> results) {
        int start = 0;
        for (int i = 0; i < batch.size(); i++) {
            if (!batch.get(i).linked() || i == batch.size() - 1) {
                List<TransferResult> chain = results.subList(start, i + 1);
                boolean anyApplied = chain.contains(TransferResult.OK);
                boolean anyFailed = chain.stream().anyMatch(result -> !result.succeeded());
                assertThat(anyApplied && anyFailed)
                        .as("chain %s applied in part: %s", start, chain)
                        .isFalse();
                start = i + 1;
            }
        }
    }

    private RandomBatches() {}
}
