package org.corridor.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.corridor.ConflictException;
import org.corridor.NotFoundException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditLog;
import org.corridor.audit.CanonicalJson;
import org.corridor.transaction.Transaction;

/**
 * Opening accounts and changing their flags, in the unit of work it is given; each change appends
 * its audit entry last. Thread-safe.
 */
record Accounts(AccountStore store, AuditLog audit, LedgerClock clock) {

    /** Batches of accounts list at most this many in their audit entry. */
    private static final int AUDIT_LISTED_IDS = 100;

    /** Creates the accounts that are new and valid; one result per account, in order. */
    List<AccountOutcome> create(Transaction transaction, Actor actor, List<NewAccount> accounts) {
        List<UUID> ids = accounts.stream().map(NewAccount::id).toList();
        Map<UUID, Account> existing = store.existing(transaction, ids);
        Instant now = clock.now();
        List<AccountOutcome> outcomes = new ArrayList<>(accounts.size());
        List<NewAccount> created = new ArrayList<>();
        for (NewAccount account : accounts) {
            AccountResult result = judge(account, existing.get(account.id()));
            outcomes.add(new AccountOutcome(account.id(), result));
            if (result == AccountResult.OK) {
                existing.put(
                        account.id(),
                        new Account(
                                account.id(),
                                account.currency(),
                                account.code(),
                                account.holder(),
                                account.flags(),
                                Balances.ZERO,
                                now));
                created.add(account);
            }
        }
        if (created.isEmpty()) {
            return outcomes;
        }
        if (store.insert(transaction, created, now) != created.size()) {
            throw new ConcurrentPostingException("an account id was created concurrently");
        }
        audit.append(transaction, created(actor, accounts.size(), created, outcomes));
        return outcomes;
    }

    private static AuditEvent created(Actor actor, int asked, List<NewAccount> created, List<AccountOutcome> outcomes) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("count", asked);
        command.put(
                "accounts",
                created.stream()
                        .limit(AUDIT_LISTED_IDS)
                        .map(a -> CanonicalJson.fields(
                                "id", a.id().toString(),
                                "currency", a.currency().code(),
                                "code", a.code().name(),
                                "holder", a.holder(),
                                "flags", flagNames(a.flags())))
                        .toList());
        Map<String, Integer> results = new TreeMap<>();
        outcomes.forEach(outcome -> results.merge(outcome.result().name(), 1, Integer::sum));
        return AuditEvent.of(
                actor,
                "LEDGER_ACCOUNTS_CREATED",
                created.size() == 1
                        ? "account:" + created.get(0).id()
                        : "account-batch:" + created.get(0).id(),
                command,
                CanonicalJson.fields("created", created.size(), "results", results));
    }

    private static AccountResult judge(NewAccount account, Account existing) {
        if (account.id().equals(NewTransfer.NONE)) {
            return AccountResult.ID_MUST_NOT_BE_ZERO;
        }
        if (account.holder().isBlank() || account.holder().length() > 200) {
            return AccountResult.HOLDER_INVALID;
        }
        if (account.flags().contains(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)
                && account.flags().contains(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS)) {
            return AccountResult.FLAGS_ARE_MUTUALLY_EXCLUSIVE;
        }
        if (!AccountFlag.AT_CREATION.containsAll(account.flags())) {
            return AccountResult.FLAG_NOT_ALLOWED_AT_CREATION;
        }
        if (existing == null) {
            return AccountResult.OK;
        }
        if (!existing.currency().equals(account.currency())) {
            return AccountResult.EXISTS_WITH_DIFFERENT_LEDGER;
        }
        if (existing.code() != account.code()) {
            return AccountResult.EXISTS_WITH_DIFFERENT_CODE;
        }
        if (!existing.holder().equals(account.holder())) {
            return AccountResult.EXISTS_WITH_DIFFERENT_HOLDER;
        }
        for (AccountFlag flag : AccountFlag.IMMUTABLE) {
            if (existing.has(flag) != account.flags().contains(flag)) {
                return AccountResult.EXISTS_WITH_DIFFERENT_FLAGS;
            }
        }
        return AccountResult.EXISTS;
    }

    /** Sets or clears one flag of an account; refuses changes to a closed account. */
    Account changeFlag(Transaction transaction, Actor actor, UUID id, AccountFlag flag, boolean set, String action) {
        Account account = store.lock(transaction, id)
                .orElseThrow(() -> new NotFoundException("ACCOUNT_NOT_FOUND", "no account " + id));
        if (account.has(AccountFlag.CLOSED)) {
            throw new ConflictException("ACCOUNT_CLOSED", "account " + id + " is closed");
        }
        if (account.has(flag) == set) {
            return account;
        }
        if (flag == AccountFlag.CLOSED) {
            requireEmpty(account);
        }
        int bits = AccountFlag.bits(account.flags());
        int newBits = set ? bits | flag.bit() : bits & ~flag.bit();
        store.setFlags(transaction, id, newBits);
        audit.append(
                transaction,
                AuditEvent.of(
                        actor,
                        action,
                        "account:" + id,
                        CanonicalJson.fields("id", id.toString(), "flag", flag.name(), "set", set),
                        CanonicalJson.fields("flags", flagNames(AccountFlag.of(newBits)))));
        return new Account(
                account.id(),
                account.currency(),
                account.code(),
                account.holder(),
                AccountFlag.of(newBits),
                account.balances(),
                account.createdAt());
    }

    private static void requireEmpty(Account account) {
        Balances balances = account.balances();
        if (balances.debitsPending() != 0 || balances.creditsPending() != 0) {
            throw new ConflictException("ACCOUNT_HAS_HOLDS", "account " + account.id() + " has pending holds");
        }
        if (balances.debitsPosted() != balances.creditsPosted()) {
            throw new ConflictException(
                    "ACCOUNT_BALANCE_NOT_ZERO", "account " + account.id() + " still has a balance; move it out first");
        }
    }

    private static TreeSet<String> flagNames(Set<AccountFlag> flags) {
        return new TreeSet<>(flags.stream().map(Enum::name).toList());
    }
}
