package org.corridor.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.corridor.ConflictException;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditLog;
import org.corridor.transaction.Transaction;
import org.corridor.transaction.Transactions;

/**
 * The ledger's public face for the other features and the edges: create accounts, post batches of
 * transfers with per-transfer results, look transfers and balances up, read statements, and expire
 * holds. It opens the units of work; the posting engine ({@link SequencedPosting}, {@link
 * CarefulPosting}) judges and writes batches in them, and the stores hold the SQL. Thread-safe;
 * every posting is durable and audited when the call returns. docs/ledger.md has the whole story.
 */
public final class Ledger {

    /** The most transfers (or accounts) one call may carry. */
    public static final int MAX_BATCH = 8_000;

    /** The largest statement page. */
    public static final int MAX_STATEMENT_PAGE = 1_000;

    /** Accounts whose last committed state the sequencer keeps, so that hot accounts are not read again. */
    private static final int REMEMBERED_ACCOUNTS = 100_000;

    private static final int EXPIRY_BATCH = 1_000;

    private final Transactions transactions;
    private final Transactions reports;
    private final LedgerClock clock;
    private final AccountStore accountStore = new AccountStore();
    private final TransferStore transferStore = new TransferStore();
    private final Accounts accounts;
    private final CarefulPosting careful;
    private final SequencedPosting sequenced;
    private final AtomicLong postedCarefully = new AtomicLong();
    private final LedgerIntegrity integrity;
    private final GroupCommit groupCommit;

    /** A ledger whose single transfers share batches as {@link GroupCommit.Settings#DEFAULT} says. */
    public Ledger(Transactions transactions, Transactions singleAttempts, AuditLog audit, Clock clock) {
        this(transactions, singleAttempts, audit, clock, GroupCommit.Settings.DEFAULT);
    }

    /**
     * @param transactions the units of work of every use case (retried as {@link Transactions} says)
     * @param singleAttempts units of work run once, for the sequenced path, whose fallback is the
     *     careful path
     * @param grouping how single transfers posted at the same time share batches (issue 21)
     */
    public Ledger(
            Transactions transactions,
            Transactions singleAttempts,
            AuditLog audit,
            Clock clock,
            GroupCommit.Settings grouping) {
        this(transactions, singleAttempts, transactions, audit, clock, grouping);
    }

    /**
     * @param reports where statements and past balances are read: a standby may serve them
     *     (CORRIDOR_DB_READ_URL), since they report what was posted and decide nothing
     */
    public Ledger(
            Transactions transactions,
            Transactions singleAttempts,
            Transactions reports,
            AuditLog audit,
            Clock clock,
            GroupCommit.Settings grouping) {
        this.transactions = transactions;
        this.reports = reports;
        this.groupCommit = new GroupCommit(grouping, this::postBatch);
        this.clock = new LedgerClock(clock);
        PostingSequencer sequencer = new PostingSequencer(REMEMBERED_ACCOUNTS);
        this.accounts = new Accounts(accountStore, audit, this.clock);
        this.integrity = new LedgerIntegrity(audit);
        this.careful = new CarefulPosting(accountStore, transferStore, audit, this.clock, sequencer);
        this.sequenced =
                new SequencedPosting(singleAttempts, accountStore, transferStore, audit, this.clock, sequencer);
    }

    // ---------------------------------------------------------------- posting

    /**
     * Posts {@code transfers} in the caller's unit of work, with the accounts locked in id order
     * (the careful path): for features whose use case moves money together with changes of their
     * own. One outcome per transfer, in order; the caller rolls back when an outcome it needs failed.
     * Appends one audit entry for the batch (if anything was written); the caller appends its own
     * after. This is the path by which the channel's features debit restricted accounts, under one
     * of the {@link ChannelCodes}; any other debit of a RESTRICTED account is refused ACCOUNT_RESTRICTED.
     *
     * <p>Rarely, a concurrent batch creates one of the same ids first: then this throws an exception
     * whose cause has SQLSTATE 40001, and the caller's unit of work runs again, callback and all.
     *
     * @throws InvalidInputException BATCH_TOO_LARGE beyond {@value #MAX_BATCH} transfers
     */
    public List<TransferOutcome> post(Transaction transaction, Actor by, List<NewTransfer> transfers) {
        return careful.post(transaction, by, Batch.of(transfers, PostingRules.Origin.CHANNEL), Set.of())
                .outcomes();
    }

    /**
     * Posts a batch of up to {@value #MAX_BATCH} transfers in a unit of work of its own: one outcome
     * per transfer, in order. Transfers are independent unless linked; a failed one does not stop the
     * others. Repeating a batch is safe: accepted ids answer EXISTS, failed ids their first reason.
     * A RESTRICTED account may be debited only under one of the {@link ChannelCodes}.
     */
    public List<TransferOutcome> post(Actor by, List<NewTransfer> transfers) {
        return postAlone(by, Batch.of(transfers, PostingRules.Origin.CHANNEL));
    }

    public TransferOutcome post(Actor by, NewTransfer transfer) {
        return post(by, List.of(transfer)).get(0);
    }

    /**
     * Posts a transfer keyed in by a person at a generic edge (the CLI's {@code ledger transfer}):
     * like {@link #post(Actor, NewTransfer)}, except that it neither debits nor credits a RESTRICTED
     * account, whatever its code (ACCOUNT_RESTRICTED). Restricted money moves only through the
     * channel's own movements (FR-6).
     */
    public TransferOutcome postManually(Actor by, NewTransfer transfer) {
        return postAlone(by, Batch.of(List.of(transfer), PostingRules.Origin.EDGE))
                .get(0);
    }

    /**
     * For the HTTP edge: transfers whose input was malformed carry their reason in {@code preset};
     * none may debit or credit a RESTRICTED account.
     */
    List<TransferOutcome> post(Actor by, List<NewTransfer> transfers, TransferResult[] preset) {
        return postAlone(by, new Batch(transfers, preset, PostingRules.Origin.EDGE));
    }

    /**
     * A batch in a unit of work of its own; a single transfer shares one with those of other callers
     * posted at the same time ({@link GroupCommit}).
     */
    private List<TransferOutcome> postAlone(Actor by, Batch batch) {
        return groupCommit.takes(batch) ? groupCommit.post(by, batch) : postBatch(by, batch);
    }

    /**
     * A batch in a unit of work of its own: the sequenced way first; the careful way (retried) when
     * the batch resolves holds or anything moved under it.
     */
    private List<TransferOutcome> postBatch(Actor by, Batch batch) {
        Optional<List<TransferOutcome>> posted = sequenced.post(by, batch);
        if (posted.isPresent()) {
            return posted.get();
        }
        postedCarefully.incrementAndGet();
        try {
            return transactions.inTransaction(transaction ->
                    careful.post(transaction, by, batch, Set.of()).outcomes());
        } finally {
            careful.forget(batch.accountIds());
        }
    }

    /** How many batches posted alone went the careful way, accounts locked first, since the start. */
    long postedCarefully() {
        return postedCarefully.get();
    }

    /** Voids every hold whose expiry has passed, a batch at a time, recording each void; returns how many. */
    public int expireHolds() {
        int expired = 0;
        while (true) {
            Instant now = clock.instant();
            List<UUID> due = transactions.read(transaction -> transferStore.dueHolds(transaction, now, EXPIRY_BATCH));
            if (due.isEmpty()) {
                return expired;
            }
            int voided = transactions.inTransaction(
                    transaction -> careful.post(transaction, Actor.SYSTEM, Batch.none(), new LinkedHashSet<>(due))
                            .expired());
            expired += voided;
            if (voided == 0 || due.size() < EXPIRY_BATCH) {
                return expired;
            }
        }
    }

    // ---------------------------------------------------------------- accounts

    /** Creates accounts under their client-supplied ids; one result per account, in order. */
    public List<AccountOutcome> createAccounts(Actor by, List<NewAccount> newAccounts) {
        if (newAccounts.size() > MAX_BATCH) {
            throw new InvalidInputException(
                    "BATCH_TOO_LARGE", "at most " + MAX_BATCH + " accounts per batch, got " + newAccounts.size());
        }
        return transactions.inTransaction(transaction -> accounts.create(transaction, by, newAccounts));
    }

    /** Creates one account, or finds it created before with the same content. */
    public Account createAccount(Actor by, NewAccount account) {
        AccountResult result = createAccounts(by, List.of(account)).get(0).result();
        if (!result.succeeded()) {
            throw new ConflictException(result.name(), "account " + account.id() + " not created: " + result);
        }
        return requireAccount(account.id());
    }

    public Optional<Account> account(UUID id) {
        return transactions.read(transaction -> accountStore.find(transaction, id));
    }

    /** @throws NotFoundException ACCOUNT_NOT_FOUND */
    public Account requireAccount(UUID id) {
        return account(id).orElseThrow(() -> new NotFoundException("ACCOUNT_NOT_FOUND", "no account " + id));
    }

    public List<Account> accountsOf(String holder) {
        return transactions.read(transaction -> accountStore.ofHolder(transaction, holder));
    }

    /** Freezes an account: it refuses new transfers (its holds may still be voided or expire). */
    public Account block(Actor by, UUID id) {
        return changeFlag(by, id, AccountFlag.BLOCKED, true, "LEDGER_ACCOUNT_BLOCKED");
    }

    public Account unblock(Actor by, UUID id) {
        return changeFlag(by, id, AccountFlag.BLOCKED, false, "LEDGER_ACCOUNT_UNBLOCKED");
    }

    /** Closes an account for good; refused while it has holds or a balance. */
    public Account close(Actor by, UUID id) {
        return changeFlag(by, id, AccountFlag.CLOSED, true, "LEDGER_ACCOUNT_CLOSED");
    }

    private Account changeFlag(Actor by, UUID id, AccountFlag flag, boolean set, String action) {
        try {
            return transactions.inTransaction(
                    transaction -> accounts.changeFlag(transaction, by, id, flag, set, action));
        } finally {
            careful.forget(Set.of(id));
        }
    }

    // ---------------------------------------------------------------- integrity

    /**
     * Checks the ledger against itself and against the audit trail, in one snapshot of its own:
     * {@link LedgerCheck} says what. Reads every transfer: for the command line, not for requests.
     */
    public LedgerCheck check() {
        return transactions.inTransaction(this::check);
    }

    /**
     * As {@link #check()}, in the caller's unit of work, which must not have read anything yet (the
     * check sets it to one read-only snapshot), so that a caller can check more in the same snapshot.
     */
    public LedgerCheck check(Transaction transaction) {
        return integrity.check(transaction);
    }

    /** An account as it stands in the caller's unit of work. */
    public Optional<Account> account(Transaction transaction, UUID id) {
        return accountStore.find(transaction, id);
    }

    // ---------------------------------------------------------------- queries

    /** An accepted transfer by id; refused ids are not transfers. */
    public Optional<Transfer> transfer(UUID id) {
        return transactions.read(transaction -> transferStore.accepted(transaction, id));
    }

    /** Accepted transfers carrying {@code key -> value} among their references, oldest first. */
    public List<Transfer> transfersByReference(String key, String value, int limit) {
        requirePageLimit(limit);
        return transactions.read(transaction -> transferStore.byReference(transaction, key, value, limit));
    }

    /** Where a hold stands; empty if the id names no hold. */
    public Optional<HoldState> holdState(UUID pendingId) {
        return transactions.read(transaction -> transferStore.holdState(transaction, pendingId));
    }

    /**
     * An account's balances in the caller's unit of work: read in one snapshot with the caller's own
     * tables (the books' check sets a restricted account's lots against them).
     *
     * @throws NotFoundException ACCOUNT_NOT_FOUND
     */
    public Balances balances(Transaction transaction, UUID accountId) {
        return accountStore
                .find(transaction, accountId)
                .orElseThrow(() -> new NotFoundException("ACCOUNT_NOT_FOUND", "no account " + accountId))
                .balances();
    }

    /** An account's current balances. */
    public Balances balances(UUID accountId) {
        return requireAccount(accountId).balances();
    }

    /** An account's balances as they stood at {@code at}, counting transfers stamped at or before it. */
    public Balances balanceAt(UUID accountId, Instant at) {
        requireAccount(accountId);
        return reports.read(transaction -> transferStore.balancesUpTo(transaction, accountId, at, Position.LAST_ID));
    }

    /**
     * The account's transfers stamped in {@code [from, to)}, at most {@code limit} per page, each with
     * the account's balances after it.
     *
     * @param cursor the previous page's {@link Statement#nextCursor()}, or empty for the first page
     */
    public Statement statement(UUID accountId, Instant from, Instant to, Optional<String> cursor, int limit) {
        requirePageLimit(limit);
        if (!from.isBefore(to)) {
            throw new InvalidInputException("PARAMETER_INVALID", "from must be before to");
        }
        Account account = requireAccount(accountId);
        Position after =
                cursor.map(Position::parse).orElse(new Position(from.minus(1, ChronoUnit.MICROS), Position.LAST_ID));
        return reports.read(transaction -> {
            List<StatementLine> lines = transferStore.statementLines(
                    transaction, accountId, from, to, after.timestamp(), after.id(), limit + 1);
            Optional<String> next = Optional.empty();
            if (lines.size() > limit) {
                lines = lines.subList(0, limit);
                Transfer last = lines.get(limit - 1).transfer();
                next = Optional.of(new Position(last.timestamp(), last.id()).toString());
            }
            Balances opening = transferStore.balancesUpTo(transaction, accountId, after.timestamp(), after.id());
            return new Statement(account, from, to, opening, lines, next);
        });
    }

    private static void requirePageLimit(int limit) {
        if (limit < 1 || limit > MAX_STATEMENT_PAGE) {
            throw new InvalidInputException("PARAMETER_INVALID", "limit must be from 1 to " + MAX_STATEMENT_PAGE);
        }
    }

    public Instant now() {
        return clock.instant();
    }

    /** A place in the ledger's order: a timestamp, and the transfer id that breaks ties. */
    record Position(Instant timestamp, UUID id) {

        /** The greatest id in PostgreSQL's order: "every transfer of that microsecond". */
        static final UUID LAST_ID = new UUID(-1L, -1L);

        static Position parse(String cursor) {
            int colon = cursor.indexOf(':');
            try {
                if (colon < 1) {
                    throw new IllegalArgumentException("no colon");
                }
                long micros = Long.parseLong(cursor.substring(0, colon));
                UUID id = UUID.fromString(cursor.substring(colon + 1));
                return new Position(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
            } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
                throw new InvalidInputException("CURSOR_INVALID", "not a statement cursor: " + abbreviate(cursor));
            }
        }

        @Override
        public String toString() {
            return LedgerClock.micros(timestamp) + ":" + id;
        }

        private static String abbreviate(String text) {
            return text.length() > 40 ? text.substring(0, 40) + "..." : text;
        }
    }
}
