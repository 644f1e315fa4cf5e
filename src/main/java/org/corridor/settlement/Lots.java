package org.corridor.settlement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.corridor.ConflictException;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.audit.Finding;
import org.corridor.ledger.Account;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.transaction.Transaction;

/**
 * The restricted accounts' money by age (FR-31, RPT-2): first-in-first-out lots dated by value
 * date, their ageing as of any date, and the flows in and out per period. Movements out that belong
 * to other features (a release's disbursement) consume lots in their own unit of work through
 * {@link #consume}. Thread-safe.
 */
public final class Lots {

    private final LotStore store = new LotStore();
    private final AccountStore accounts = new AccountStore();
    private final SettlementSupport support;

    Lots(SettlementSupport support) {
        this.support = support;
    }

    /**
     * Consumes {@code amount} from the account's oldest lots dated up to {@code valueDate}, in the
     * caller's unit of work, and records what it took from which lot under {@code reference}: money
     * cannot leave before it arrived. Call it after the ledger has posted the debit in the same unit
     * of work: the ledger's lock of the account then serialises every change to its lots. Repeating
     * {@code reference} with the same amount returns what it took the first time.
     *
     * @param reference the movement's own id, such as a release's id; one consumption per account
     * @throws ConflictException LOTS_INSUFFICIENT when the lots hold less (the caller rolls back), or
     *     CONSUMPTION_EXISTS_WITH_DIFFERENT_CONTENT
     */
    public List<LotConsumption> consume(
            Transaction transaction,
            UUID accountId,
            Money amount,
            LocalDate valueDate,
            ConsumptionKind kind,
            String reference) {
        if (!amount.isPositive()) {
            throw new InvalidInputException("AMOUNT_MUST_BE_POSITIVE", "consume a positive amount, not " + amount);
        }
        if (reference == null || reference.isBlank()) {
            throw new InvalidInputException("REFERENCE_MISSING", "a consumption names its movement");
        }
        Currency currency = currency(transaction, accountId);
        if (!currency.equals(amount.currency())) {
            throw new InvalidInputException(
                    "CURRENCY_MISMATCH", "account " + accountId + " holds " + currency + ", not " + amount.currency());
        }
        List<LotConsumption> earlier = store.consumed(transaction, reference).stream()
                .filter(c -> c.accountId().equals(accountId))
                .toList();
        if (!earlier.isEmpty()) {
            return sameReplay(
                    earlier,
                    LotConsumption::amount,
                    amount,
                    first -> first.kind() == kind && first.valueDate().equals(valueDate),
                    "CONSUMPTION_EXISTS_WITH_DIFFERENT_CONTENT",
                    total -> reference + " already consumed " + total + " from " + accountId);
        }
        List<Lot> available = store.lockAvailable(transaction, accountId, currency, valueDate);
        List<Fifo.Take> takes = Fifo.take(
                available.stream()
                        .map(lot -> new Fifo.Available(lot.id(), lot.remaining().amountMinor()))
                        .toList(),
                amount.amountMinor());
        if (takes.isEmpty()) {
            Money held = available.stream().map(Lot::remaining).reduce(Money.zero(currency), Money::plus);
            throw new ConflictException(
                    "LOTS_INSUFFICIENT",
                    "account " + accountId + " holds " + held + " dated up to " + valueDate + ", less than " + amount);
        }
        Instant now = support.now();
        List<LotConsumption> consumed = new ArrayList<>();
        for (Fifo.Take take : takes) {
            LocalDate lotValueDate = available.stream()
                    .filter(lot -> lot.id().equals(take.lotId()))
                    .findFirst()
                    .orElseThrow()
                    .valueDate();
            LotConsumption consumption = new LotConsumption(
                    take.lotId(),
                    lotValueDate,
                    accountId,
                    reference,
                    kind,
                    valueDate,
                    Money.ofMinor(take.amountMinor(), currency));
            store.take(transaction, consumption, now);
            consumed.add(consumption);
        }
        return consumed;
    }

    /**
     * A replay under a reference already used must repeat its content: the same total, and the same
     * details as the first record of it ({@code sameFirst}); otherwise it is refused, saying what was
     * recorded.
     */
    private static <T> List<T> sameReplay(
            List<T> earlier,
            Function<T, Money> amountOf,
            Money amount,
            Predicate<T> sameFirst,
            String code,
            Function<Money, String> recorded) {
        Money total = earlier.stream().map(amountOf).reduce(Money.zero(amount.currency()), Money::plus);
        if (!total.equals(amount) || !sameFirst.test(earlier.get(0))) {
            throw new ConflictException(code, recorded.apply(total));
        }
        return earlier;
    }

    /**
     * Gives back {@code amount} of what the movement {@code consumptionReference} consumed from the
     * account's lots, to the very lots it came from, in the caller's unit of work: money that comes
     * back (a returned or rejected payment) keeps its original age, so idle-funds ageing (FR-31) is
     * not reset by a return. The oldest of the consumed slices are given back first, so a return
     * never makes the account's money look younger than it is. Call it after the ledger has posted
     * the credit in the same unit of work. Repeating {@code reference} with the same amount returns
     * what it gave back the first time.
     *
     * @param consumptionReference the movement out, as {@link #consume} recorded it (a release's reference)
     * @param valueDate when the money came back: not before the movement out
     * @param reference the movement back's own reference, one restoration per account
     * @throws ConflictException LOTS_NOT_CONSUMED when less than {@code amount} of that consumption is
     *     left to give back, RESTORATION_EXISTS_WITH_DIFFERENT_CONTENT on a repeat with other content
     * @throws InvalidInputException RESTORATION_BEFORE_CONSUMPTION
     */
    public List<LotRestoration> restore(
            Transaction transaction,
            UUID accountId,
            String consumptionReference,
            Money amount,
            LocalDate valueDate,
            String reference) {
        if (!amount.isPositive()) {
            throw new InvalidInputException("AMOUNT_MUST_BE_POSITIVE", "restore a positive amount, not " + amount);
        }
        if (reference == null || reference.isBlank()) {
            throw new InvalidInputException("REFERENCE_MISSING", "a restoration names its movement");
        }
        List<LotRestoration> earlier = store.restoredBy(transaction, reference).stream()
                .filter(r -> r.accountId().equals(accountId))
                .toList();
        if (!earlier.isEmpty()) {
            return sameReplay(
                    earlier,
                    LotRestoration::amount,
                    amount,
                    first -> first.consumptionReference().equals(consumptionReference)
                            && first.valueDate().equals(valueDate),
                    "RESTORATION_EXISTS_WITH_DIFFERENT_CONTENT",
                    total -> reference + " already gave back " + total + " of "
                            + earlier.get(0).consumptionReference());
        }
        List<LotConsumption> consumed = store.consumed(transaction, consumptionReference).stream()
                .filter(c -> c.accountId().equals(accountId))
                .toList();
        store.lock(
                transaction,
                consumed.stream().map(LotConsumption::lotId).sorted().toList());
        List<Fifo.Available> restorable = restorable(transaction, consumptionReference, consumed, valueDate);
        List<Fifo.Take> takes = Fifo.take(restorable, amount.amountMinor());
        if (takes.isEmpty()) {
            long left = restorable.stream()
                    .mapToLong(Fifo.Available::remainingMinor)
                    .reduce(0, Math::addExact);
            throw new ConflictException(
                    "LOTS_NOT_CONSUMED",
                    consumptionReference + " has " + Money.ofMinor(left, amount.currency()) + " left to give back to "
                            + accountId + ", less than " + amount);
        }
        Instant now = support.now();
        List<LotRestoration> restored = new ArrayList<>();
        for (Fifo.Take take : takes) {
            LotConsumption from = consumed.stream()
                    .filter(c -> c.lotId().equals(take.lotId()))
                    .findFirst()
                    .orElseThrow();
            LotRestoration restoration = new LotRestoration(
                    take.lotId(),
                    from.lotValueDate(),
                    accountId,
                    consumptionReference,
                    reference,
                    valueDate,
                    Money.ofMinor(take.amountMinor(), amount.currency()));
            store.restore(transaction, restoration, now);
            restored.add(restoration);
        }
        return restored;
    }

    /** What is left to give back of each consumed slice, oldest lot first; refuses a date before it. */
    private List<Fifo.Available> restorable(
            Transaction transaction, String consumptionReference, List<LotConsumption> consumed, LocalDate valueDate) {
        List<LotRestoration> before = store.restorationsOf(transaction, consumptionReference);
        List<Fifo.Available> restorable = new ArrayList<>();
        for (LotConsumption consumption : consumed) {
            if (valueDate.isBefore(consumption.valueDate())) {
                throw new InvalidInputException(
                        "RESTORATION_BEFORE_CONSUMPTION",
                        "money taken on " + consumption.valueDate() + " cannot come back on " + valueDate);
            }
            long given = 0;
            for (LotRestoration restoration : before) {
                if (restoration.lotId().equals(consumption.lotId())
                        && restoration.accountId().equals(consumption.accountId())) {
                    given = Math.addExact(given, restoration.amount().amountMinor());
                }
            }
            restorable.add(new Fifo.Available(
                    consumption.lotId(), Math.subtractExact(consumption.amount().amountMinor(), given)));
        }
        return restorable;
    }

    /** What returns have given back of the movement {@code consumptionReference}, oldest lot first. */
    public List<LotRestoration> restorations(String consumptionReference) {
        return support.read(tx -> store.restorationsOf(tx, consumptionReference));
    }

    /** Opens a lot of {@code amount} in the caller's unit of work, with the lots it came from, if any. */
    Lot add(
            Transaction transaction,
            UUID lotId,
            UUID accountId,
            Money amount,
            LocalDate valueDate,
            LotSource source,
            String reference,
            List<LotConsumption> provenance) {
        Lot lot = new Lot(lotId, accountId, valueDate, amount, amount, source, reference);
        store.add(transaction, lot, provenance, support.now());
        return lot;
    }

    /**
     * Refuses (INSUFFICIENT_FUNDS) a movement of {@code amount} out of an account whose lots dated up
     * to {@code valueDate} hold less, in the caller's unit of work: money cannot leave before it arrived.
     */
    void requireAvailable(Transaction transaction, AccountStore.AccountRow account, Money amount, LocalDate valueDate) {
        Money available = Money.ofMinor(store.available(transaction, account.id(), valueDate), amount.currency());
        if (available.compareTo(amount) < 0) {
            throw new RefusedException(SettlementOutcome.Refused.of(
                    Refusal.INSUFFICIENT_FUNDS,
                    account.name() + " holds " + available + " dated up to " + valueDate + ", less than " + amount));
        }
    }

    /**
     * The account's balance as of the end of {@code asOf}, by value date, in the buckets 0-30,
     * 31-90, 91-365 and more than 365 days old.
     */
    public Ageing ageing(UUID accountId, LocalDate asOf) {
        return support.read(tx -> ageing(tx, accountId, asOf));
    }

    private Ageing ageing(Transaction transaction, UUID accountId, LocalDate asOf) {
        Currency currency = currency(transaction, accountId);
        return Ageing.of(accountId, currency, asOf, store.lotsAsOf(transaction, accountId, currency, asOf));
    }

    /** The ageing of every restricted account as of {@code asOf}, by account name. */
    public List<Ageing> ageing(LocalDate asOf) {
        return support.read(tx -> accounts.all(tx).stream()
                .map(account -> ageing(tx, account.id(), asOf))
                .toList());
    }

    /** The account's lots as they stand now, oldest first, spent ones included. */
    public List<Lot> lots(UUID accountId) {
        return support.read(tx -> store.lots(tx, accountId, currency(tx, accountId)));
    }

    /** The account's lots dated up to {@code asOf}, with what was left of each at the end of that day. */
    public List<Lot> lotsAsOf(UUID accountId, LocalDate asOf) {
        return support.read(tx -> store.lotsAsOf(tx, accountId, currency(tx, accountId), asOf));
    }

    /** The account's balance at the end of {@code asOf}, by value date. */
    public Money balanceAsOf(UUID accountId, LocalDate asOf) {
        return ageing(accountId, asOf).balance();
    }

    /**
     * What came in and went out of the account by value date in {@code [from, to]}: deposits,
     * opening balances, conversions and transfers in and out, disbursements.
     */
    public Flows flows(UUID accountId, LocalDate from, LocalDate to) {
        requirePeriod(from, to);
        return support.read(tx -> flows(tx, accountId, currency(tx, accountId), from, to));
    }

    /** The flows of every restricted account in the period. */
    public List<Flows> flows(LocalDate from, LocalDate to) {
        return support.read(tx -> accounts.all(tx).stream()
                .map(account -> flows(tx, account.id(), account.currency(), from, to))
                .toList());
    }

    private Flows flows(Transaction transaction, UUID accountId, Currency currency, LocalDate from, LocalDate to) {
        requirePeriod(from, to);
        return store.flows(transaction, accountId, currency, from, to);
    }

    private static void requirePeriod(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("PERIOD_INVALID", "the period ends " + to + ", before it starts " + from);
        }
    }

    /**
     * For every restricted account, in the caller's unit of work: its open lots add up to its posted
     * ledger balance. A credit that reached the account outside its flows (so with no lot), or a lot
     * changed behind Corridor's back, is a LOTS_MISMATCH naming the account.
     */
    List<Finding> check(Transaction transaction) {
        Map<UUID, Long> remaining = store.remainingByAccount(transaction);
        List<Finding> findings = new ArrayList<>();
        for (AccountStore.AccountRow account : accounts.all(transaction)) {
            long lots = remaining.getOrDefault(account.id(), 0L);
            Optional<Account> ledgerAccount = support.ledger().account(transaction, account.id());
            if (ledgerAccount.isEmpty()) {
                findings.add(
                        new Finding("LOTS_MISMATCH", account.name() + " (" + account.id() + ") has no ledger account"));
                continue;
            }
            long posted = ledgerAccount.get().balances().postedCreditBalance();
            if (lots != posted) {
                findings.add(new Finding(
                        "LOTS_MISMATCH",
                        account.name() + " (" + account.id() + "): its open lots hold "
                                + Money.ofMinor(lots, account.currency()) + " but its posted balance is "
                                + Money.ofMinor(posted, account.currency())));
            }
        }
        return findings;
    }

    /** How many restricted accounts there are, in the caller's unit of work. */
    int accountCount(Transaction transaction) {
        return accounts.all(transaction).size();
    }

    /** @throws NotFoundException RESTRICTED_ACCOUNT_NOT_FOUND */
    private Currency currency(Transaction transaction, UUID accountId) {
        return accounts.byId(transaction, accountId)
                .map(AccountStore.AccountRow::currency)
                .orElseThrow(() ->
                        new NotFoundException("RESTRICTED_ACCOUNT_NOT_FOUND", "no restricted account " + accountId));
    }
}
