package org.corridor.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.ConflictException;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.audit.Actor;
import org.corridor.transaction.Transaction;

/**
 * The ledger's public face for the other features and the edges: create accounts, post batches of
 * transfers with per-transfer results, look transfers and balances up, read statements, and expire
 * holds. Thread-safe; every posting is durable and audited when the call returns.
 */
public final class Ledger {

    /** The most transfers (or accounts) one call may carry. */
    public static final int MAX_BATCH = LedgerStore.MAX_BATCH;

    /** The largest statement page. */
    public static final int MAX_STATEMENT_PAGE = 1_000;

    private final LedgerStore store;
    private final Clock clock;

    public Ledger(LedgerStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Posts {@code transfers} in the caller's unit of work, with the accounts locked in id order
     * (the careful path): for features whose use case moves money together with changes of their
     * own. One outcome per transfer, in order; the caller rolls back when an outcome it needs failed.
     */
    public List<TransferOutcome> post(Transaction transaction, Actor by, List<NewTransfer> transfers) {
        return store.postWithin(transaction, by, transfers);
    }

    /** Creates accounts under their client-supplied ids; one result per account, in order. */
    public List<AccountOutcome> createAccounts(Actor by, List<NewAccount> accounts) {
        return store.createAccounts(by, accounts);
    }

    /** Creates one account, or finds it created before with the same content. */
    public Account createAccount(Actor by, NewAccount account) {
        AccountResult result = store.createAccounts(by, List.of(account)).get(0).result();
        if (!result.succeeded()) {
            throw new ConflictException(result.name(), "account " + account.id() + " not created: " + result);
        }
        return requireAccount(account.id());
    }

    public Optional<Account> account(UUID id) {
        return store.account(id);
    }

    /** @throws NotFoundException ACCOUNT_NOT_FOUND */
    public Account requireAccount(UUID id) {
        return store.account(id).orElseThrow(() -> new NotFoundException("ACCOUNT_NOT_FOUND", "no account " + id));
    }

    public List<Account> accountsOf(String holder) {
        return store.accountsOf(holder);
    }

    /** Freezes an account: it refuses new transfers (its holds may still be voided or expire). */
    public Account block(Actor by, UUID id) {
        return store.changeFlags(by, id, AccountFlag.BLOCKED, true, "LEDGER_ACCOUNT_BLOCKED");
    }

    public Account unblock(Actor by, UUID id) {
        return store.changeFlags(by, id, AccountFlag.BLOCKED, false, "LEDGER_ACCOUNT_UNBLOCKED");
    }

    /** Closes an account for good; refused while it has holds or a balance. */
    public Account close(Actor by, UUID id) {
        return store.changeFlags(by, id, AccountFlag.CLOSED, true, "LEDGER_ACCOUNT_CLOSED");
    }

    /**
     * Posts a batch of up to {@value #MAX_BATCH} transfers in one transaction: one outcome per
     * transfer, in order. Transfers are independent unless linked; a failed one does not stop the
     * others. Repeating a batch is safe: accepted ids answer EXISTS, failed ids their first reason.
     * A RESTRICTED account may be debited only under one of the {@link ChannelCodes}.
     */
    public List<TransferOutcome> post(Actor by, List<NewTransfer> transfers) {
        return store.post(by, transfers, new TransferResult[transfers.size()], PostingRules.Origin.CHANNEL);
    }

    public TransferOutcome post(Actor by, NewTransfer transfer) {
        return post(by, List.of(transfer)).get(0);
    }

    /**
     * Posts a transfer keyed in by a person at a generic edge (the CLI's {@code ledger transfer}):
     * like {@link #post(Actor, NewTransfer)}, except that it never debits a RESTRICTED account,
     * whatever its code (ACCOUNT_RESTRICTED). Restricted money moves only through the channel's
     * own movements (FR-6).
     */
    public TransferOutcome postManually(Actor by, NewTransfer transfer) {
        return store.post(by, List.of(transfer), new TransferResult[1], PostingRules.Origin.EDGE)
                .get(0);
    }

    /**
     * For the HTTP edge: transfers whose input was malformed carry their reason in {@code preset};
     * none may debit a RESTRICTED account.
     */
    List<TransferOutcome> post(Actor by, List<NewTransfer> transfers, TransferResult[] preset) {
        return store.post(by, transfers, preset, PostingRules.Origin.EDGE);
    }

    /** An accepted transfer by id; refused ids are not transfers. */
    public Optional<Transfer> transfer(UUID id) {
        return store.transfer(id);
    }

    /** Accepted transfers carrying {@code key -> value} among their references, oldest first. */
    public List<Transfer> transfersByReference(String key, String value, int limit) {
        if (limit < 1 || limit > MAX_STATEMENT_PAGE) {
            throw new InvalidInputException("PARAMETER_INVALID", "limit must be from 1 to " + MAX_STATEMENT_PAGE);
        }
        return store.transfersByReference(key, value, limit);
    }

    /** Where a hold stands; empty if the id names no hold. */
    public Optional<HoldState> holdState(UUID pendingId) {
        return store.holdState(pendingId);
    }

    /** An account's current balances. */
    public Balances balances(UUID accountId) {
        return requireAccount(accountId).balances();
    }

    /** An account's balances as they stood at {@code at}, counting transfers stamped at or before it. */
    public Balances balanceAt(UUID accountId, Instant at) {
        requireAccount(accountId);
        return store.balancesUpTo(accountId, at, Position.LAST_ID);
    }

    /**
     * The account's transfers stamped in {@code [from, to)}, at most {@code limit} per page, each with
     * the account's balances after it.
     *
     * @param cursor the previous page's {@link Statement#nextCursor()}, or empty for the first page
     */
    public Statement statement(UUID accountId, Instant from, Instant to, Optional<String> cursor, int limit) {
        if (limit < 1 || limit > MAX_STATEMENT_PAGE) {
            throw new InvalidInputException("PARAMETER_INVALID", "limit must be from 1 to " + MAX_STATEMENT_PAGE);
        }
        if (!from.isBefore(to)) {
            throw new InvalidInputException("PARAMETER_INVALID", "from must be before to");
        }
        Account account = requireAccount(accountId);
        Position after =
                cursor.map(Position::parse).orElse(new Position(from.minus(1, ChronoUnit.MICROS), Position.LAST_ID));
        List<StatementLine> lines = store.statementLines(accountId, from, to, after.timestamp(), after.id(), limit + 1);
        Optional<String> next = Optional.empty();
        if (lines.size() > limit) {
            lines = lines.subList(0, limit);
            Transfer last = lines.get(limit - 1).transfer();
            next = Optional.of(new Position(last.timestamp(), last.id()).toString());
        }
        Balances opening = store.balancesUpTo(accountId, after.timestamp(), after.id());
        return new Statement(account, from, to, opening, lines, next);
    }

    /** Voids every hold whose expiry has passed, recording each void; returns how many. */
    public int expireHolds() {
        return store.expireHolds();
    }

    /** Runs {@link #expireHolds()} every {@code period} on a thread of its own until closed. */
    public HoldExpiry startHoldExpiry(Duration period) {
        return HoldExpiry.start(this, period);
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
            return LedgerStore.micros(timestamp) + ":" + id;
        }

        private static String abbreviate(String text) {
            return text.length() > 40 ? text.substring(0, 40) + "..." : text;
        }
    }
}
