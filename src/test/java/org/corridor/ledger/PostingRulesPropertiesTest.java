package org.corridor.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.corridor.money.Currency;

/** The ledger's invariants over random batches, judged by the pure rules alone: fast and many. */
class PostingRulesPropertiesTest {

    static final Instant NOW = Instant.parse("2024-07-05T09:00:00Z");

    @Provide
    Arbitrary<List<List<RandomBatches.Operation>>> batches() {
        return RandomBatches.batches(6, 40);
    }

    @Property(tries = 300)
    void random_batches_keep_every_invariant(@ForAll("batches") List<List<RandomBatches.Operation>> batches) {
        RandomBatches.Book book = RandomBatches.Book.fresh();
        RandomBatches.Writer writer = new RandomBatches.Writer(book);
        Map<UUID, AccountState> accounts = new HashMap<>();
        Map<UUID, Currency> currencies = new HashMap<>();
        Map<UUID, java.util.Set<AccountFlag>> flags = new HashMap<>();
        for (NewAccount account : book.accounts()) {
            accounts.put(
                    account.id(),
                    new AccountState(
                            account.id(), account.currency().code(), AccountFlag.bits(account.flags()), 0, 0, 0, 0));
            currencies.put(account.id(), account.currency());
            flags.put(account.id(), account.flags());
        }
        Map<UUID, TransferRow> rows = new HashMap<>();
        Map<UUID, TransferKind> resolutions = new HashMap<>();
        List<RandomBatches.Effect> effects = new ArrayList<>();
        Instant now = NOW;
        for (List<RandomBatches.Operation> operations : batches) {
            List<NewTransfer> batch = writer.transfers(operations, now);
            PostingRules.Plan plan =
                    PostingRules.evaluate(batch, new PostingRules.State(accounts, rows, rows, resolutions), now);
            RandomBatches.assertChainsWhole(batch, Arrays.asList(plan.results()));
            for (TransferRow row : plan.accepted()) {
                rows.put(row.id(), row);
                row.pendingId().ifPresent(hold -> resolutions.put(hold, row.kind()));
                effects.add(new RandomBatches.Effect(
                        row.kind(),
                        row.debitAccountId(),
                        row.creditAccountId(),
                        row.amountMinor(),
                        row.pendingAmountMinor().orElse(0),
                        row.pendingId(),
                        row.id()));
            }
            plan.failed().forEach(row -> rows.put(row.id(), row));
            accounts.values().forEach(account -> account.changed = false);
            now = now.plusSeconds(1);
        }
        Map<UUID, Balances> balances = new HashMap<>();
        accounts.forEach((id, account) -> balances.put(id, account.balances()));
        RandomBatches.assertInvariants(currencies, balances, flags, effects);
    }
}
