package org.corridor.settlement;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.corridor.ConflictException;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.CanonicalJson;
import org.corridor.ledger.Account;
import org.corridor.ledger.AccountCode;
import org.corridor.ledger.AccountFlag;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.NewAccount;
import org.corridor.ledger.NewTransfer;
import org.corridor.money.Money;
import org.corridor.transaction.Transaction;

/**
 * Restricted accounts per beneficial holder and currency (FR-6): open them in the ledger and here,
 * look them up, record opening balances with their original value dates, and set the conversion
 * rules. Thread-safe.
 */
public final class RestrictedAccounts {

    private static final Pattern UUID_SHAPE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final AccountStore store = new AccountStore();
    private final SettlementSupport support;
    private final Lots lots;

    RestrictedAccounts(SettlementSupport support, Lots lots) {
        this.support = support;
        this.lots = lots;
    }

    /**
     * Opens a restricted account: a ledger account of code RESTRICTED, flagged RESTRICTED and
     * without overdraft (and BLOCKED if asked), and the channel's record of its bank and country.
     * Opening the same account again returns it.
     */
    public RestrictedAccount open(Actor by, NewRestrictedAccount account) {
        UUID id = account.accountId();
        Optional<AccountStore.AccountRow> named = support.read(tx -> store.byName(tx, account.name()));
        if (named.isPresent() && !named.get().id().equals(id)) {
            throw new ConflictException(
                    "RESTRICTED_ACCOUNT_EXISTS_WITH_DIFFERENT_CONTENT",
                    "restricted account " + account.name() + " exists under id "
                            + named.get().id());
        }
        openInLedger(by, id, account);
        return withStatus(support.inTransaction(tx -> record(tx, by, id, account)));
    }

    private void openInLedger(Actor by, UUID id, NewRestrictedAccount account) {
        Ledger ledger = support.ledger();
        if (ledger.account(id).isEmpty()) {
            Set<AccountFlag> flags = EnumSet.of(AccountFlag.RESTRICTED, AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS);
            if (account.status() == AccountStatus.BLOCKED) {
                flags.add(AccountFlag.BLOCKED);
            }
            ledger.createAccount(
                    by, new NewAccount(id, account.currency(), AccountCode.RESTRICTED, account.holder(), flags));
            return;
        }
        Account existing = ledger.requireAccount(id);
        if (existing.code() != AccountCode.RESTRICTED
                || !existing.has(AccountFlag.RESTRICTED)
                || !existing.holder().equals(account.holder())
                || !existing.currency().equals(account.currency())) {
            throw new ConflictException(
                    "RESTRICTED_ACCOUNT_EXISTS_WITH_DIFFERENT_CONTENT",
                    "ledger account " + id + " is not a restricted account of " + account.holder() + " in "
                            + account.currency());
        }
    }

    /** Records the account; the same account again changes nothing, another under its name is refused. */
    private AccountStore.AccountRow record(Transaction tx, Actor by, UUID id, NewRestrictedAccount account) {
        AccountStore.AccountRow asked = new AccountStore.AccountRow(
                id,
                account.name(),
                account.holder(),
                account.currency(),
                account.bank(),
                account.country(),
                support.now());
        Optional<AccountStore.AccountRow> existing =
                store.byName(tx, account.name()).or(() -> store.byId(tx, id));
        if (existing.isPresent()) {
            AccountStore.AccountRow row = existing.get();
            if (!sameAccount(row, asked)) {
                throw new ConflictException(
                        "RESTRICTED_ACCOUNT_EXISTS_WITH_DIFFERENT_CONTENT",
                        "restricted account " + row.name() + " (" + row.id() + ") exists with other content");
            }
            return row;
        }
        store.insert(tx, asked, by.name());
        support.audit(
                tx,
                AuditEvent.of(
                        by,
                        "RESTRICTED_ACCOUNT_OPENED",
                        "restricted-account:" + account.name(),
                        CanonicalJson.fields(
                                "name", account.name(),
                                "holder", account.holder(),
                                "currency", account.currency().code(),
                                "bank", account.bank(),
                                "country", account.country(),
                                "status", account.status().name()),
                        CanonicalJson.fields("id", id.toString())));
        return asked;
    }

    private static boolean sameAccount(AccountStore.AccountRow row, AccountStore.AccountRow asked) {
        return row.id().equals(asked.id())
                && row.name().equals(asked.name())
                && row.holder().equals(asked.holder())
                && row.currency().equals(asked.currency())
                && row.bank().equals(asked.bank())
                && row.country().equals(asked.country());
    }

    public List<RestrictedAccount> list() {
        return support.read(store::all).stream().map(this::withStatus).toList();
    }

    /** @throws NotFoundException RESTRICTED_ACCOUNT_NOT_FOUND */
    public RestrictedAccount get(UUID id) {
        return withStatus(row(id));
    }

    public Optional<RestrictedAccount> byName(String name) {
        return support.read(tx -> store.byName(tx, name)).map(this::withStatus);
    }

    /** An account named by its id or its name (NIGC-IQD-R). */
    public RestrictedAccount find(String idOrName) {
        return withStatus(row(idOrName));
    }

    /**
     * A ledger account's id from its UUID or, for a restricted account, its name ({@code NIGC-EUR-R}),
     * so that every door that addresses an account by id also takes its name.
     *
     * @throws NotFoundException ACCOUNT_NOT_FOUND when it is neither a UUID nor a restricted account's name
     */
    public UUID accountId(String idOrName) {
        String key = idOrName.trim();
        if (UUID_SHAPE.matcher(key).matches()) {
            return UUID.fromString(key);
        }
        return support.read(tx -> store.byName(tx, key))
                .map(AccountStore.AccountRow::id)
                .orElseThrow(() -> new NotFoundException(
                        "ACCOUNT_NOT_FOUND",
                        "no account " + (key.length() > 60 ? key.substring(0, 60) + "..." : key)
                                + ": name it by its UUID or by a restricted account's name such as NIGC-EUR-R"));
    }

    /** The beneficial holder's restricted accounts, in every currency and country. */
    public List<RestrictedAccount> ofHolder(String holder) {
        return support.read(store::all).stream()
                .filter(row -> row.holder().equals(holder))
                .map(this::withStatus)
                .toList();
    }

    /** The account's posted balance in the ledger now. */
    public Money balance(UUID id) {
        return support.ledger().requireAccount(row(id).id()).postedCreditBalance();
    }

    // ---------------------------------------------------------------- opening balances

    /**
     * Brings a legacy balance in from the opening-balance suspense account, dated by when it
     * originally arrived, so that its age is right (6(b): NIGC-IQD-R's IQD 9,828 bn older than a
     * year), and opens a lot dated by that value date. The same id and content again return the
     * original; other content is refused.
     */
    public SettlementOutcome<OpeningBalance> recordOpeningBalance(Actor by, String account, NewOpeningBalance balance) {
        AccountStore.AccountRow row = row(account);
        if (!balance.amount().currency().equals(row.currency())) {
            throw new InvalidInputException(
                    "CURRENCY_MISMATCH",
                    row.name() + " holds " + row.currency() + ", not "
                            + balance.amount().currency());
        }
        if (balance.valueDate().isAfter(support.today())) {
            throw new InvalidInputException(
                    "VALUE_DATE_IN_FUTURE", "an opening balance arrived in the past, not on " + balance.valueDate());
        }
        UUID suspense = support.channel().openingBalances(by, row.currency());
        String request = CanonicalJson.write(CanonicalJson.fields(
                "account_id", row.id().toString(),
                "amount", balance.amount().toString(),
                "value_date", balance.valueDate().toString(),
                "note", balance.note()));
        try {
            return support.inTransaction(tx -> recordOpeningBalance(tx, by, row, balance, suspense, request));
        } catch (RefusedException e) {
            return e.refused();
        }
    }

    private SettlementOutcome<OpeningBalance> recordOpeningBalance(
            Transaction tx,
            Actor by,
            AccountStore.AccountRow account,
            NewOpeningBalance balance,
            UUID suspense,
            String request) {
        if (SettlementSupport.repeated(
                store.openingBalanceRequest(tx, balance.id()),
                request,
                "OPENING_BALANCE_EXISTS_WITH_DIFFERENT_CONTENT",
                "opening balance " + balance.id() + " was recorded with other content")) {
            return new SettlementOutcome.Done<>(
                    store.openingBalance(tx, balance.id()).orElseThrow(), true);
        }
        UUID transferId = Ids.derived(balance.id(), "opening-balance");
        support.post(tx, by, List.of(posting(balance, suspense, account, transferId)));
        Instant now = support.now();
        OpeningBalance recorded = new OpeningBalance(
                balance.id(),
                account.id(),
                balance.amount(),
                balance.valueDate(),
                balance.note(),
                transferId,
                now,
                by.name());
        if (!store.insertOpeningBalance(tx, recorded, request)) {
            throw new ConcurrentChangeException("opening balance " + balance.id() + " recorded concurrently");
        }
        lots.add(
                tx,
                Ids.derived(balance.id(), "lot"),
                account.id(),
                balance.amount(),
                balance.valueDate(),
                LotSource.OPENING_BALANCE,
                "opening-balance:" + balance.id(),
                List.of());
        support.audit(
                tx,
                AuditEvent.of(
                        by,
                        "OPENING_BALANCE_RECORDED",
                        "restricted-account:" + account.name(),
                        CanonicalJson.read(request),
                        CanonicalJson.fields(
                                "id", balance.id().toString(), "ledger_transfer_id", transferId.toString())));
        return new SettlementOutcome.Done<>(recorded, false);
    }

    private static NewTransfer posting(
            NewOpeningBalance balance, UUID suspense, AccountStore.AccountRow account, UUID transferId) {
        return NewTransfer.posted(
                        transferId,
                        suspense,
                        account.id(),
                        balance.amount().amountMinor(),
                        balance.amount().currency(),
                        "OPENING_BALANCE")
                .withReferences(Map.of("opening_balance", balance.id().toString()))
                .withMetadata(Map.of("value_date", balance.valueDate().toString()));
    }

    public List<OpeningBalance> openingBalances(UUID accountId) {
        UUID id = row(accountId).id();
        return support.read(tx -> store.openingBalances(tx, id));
    }

    // ---------------------------------------------------------------- conversion rules

    /** Sets the account's conversion limits (FR-15) as a new version of its rule. */
    public ConversionRule setConversionRule(
            Actor by, String account, Optional<Money> weeklyCap, Optional<Money> trancheMax, String source) {
        AccountStore.AccountRow row = row(account);
        for (Optional<Money> limit : List.of(weeklyCap, trancheMax)) {
            if (limit.isPresent()
                    && (!limit.get().isPositive() || !limit.get().currency().equals(row.currency()))) {
                throw new InvalidInputException(
                        "CONVERSION_RULE_INVALID",
                        "limits are positive amounts in " + row.currency() + ", not " + limit.get());
            }
        }
        if (source == null || source.isBlank()) {
            throw new InvalidInputException("FIELD_MISSING", "a conversion rule names its source");
        }
        return support.inTransaction(tx -> {
            ConversionRule rule = new ConversionRule(
                    row.id(),
                    store.nextRuleVersion(tx, row.id()),
                    weeklyCap,
                    trancheMax,
                    source.trim(),
                    support.now(),
                    by.name());
            store.insertRule(tx, rule);
            support.audit(
                    tx,
                    AuditEvent.of(
                            by,
                            "CONVERSION_RULE_SET",
                            "restricted-account:" + row.name(),
                            CanonicalJson.fields(
                                    "weekly_cap", weeklyCap.map(Money::toString).orElse("none"),
                                    "tranche_max",
                                            trancheMax.map(Money::toString).orElse("none"),
                                    "source", rule.source()),
                            CanonicalJson.fields("version", rule.version())));
            return rule;
        });
    }

    public Optional<ConversionRule> conversionRule(UUID accountId) {
        UUID id = row(accountId).id();
        return support.read(tx -> store.rule(tx, id));
    }

    // ---------------------------------------------------------------- lookups for the other use cases

    AccountStore.AccountRow row(UUID id) {
        return support.read(tx -> store.byId(tx, id))
                .orElseThrow(
                        () -> new NotFoundException("RESTRICTED_ACCOUNT_NOT_FOUND", "no restricted account " + id));
    }

    AccountStore.AccountRow row(String idOrName) {
        if (idOrName == null || idOrName.isBlank()) {
            throw new InvalidInputException("FIELD_MISSING", "name a restricted account by id or name");
        }
        String key = idOrName.trim();
        try {
            return row(UUID.fromString(key));
        } catch (IllegalArgumentException e) {
            return support.read(tx -> store.byName(tx, key))
                    .orElseThrow(() ->
                            new NotFoundException("RESTRICTED_ACCOUNT_NOT_FOUND", "no restricted account " + key));
        }
    }

    boolean blocked(UUID id) {
        return support.ledger()
                .account(id)
                .map(account -> account.has(AccountFlag.BLOCKED))
                .orElse(false);
    }

    private RestrictedAccount withStatus(AccountStore.AccountRow row) {
        return new RestrictedAccount(
                row.id(),
                row.name(),
                row.holder(),
                row.currency(),
                row.bank(),
                row.country(),
                blocked(row.id()) ? AccountStatus.BLOCKED : AccountStatus.RESTRICTED,
                row.createdAt());
    }
}
