package org.corridor.settlement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.corridor.ConflictException;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.audit.Actor;
import org.corridor.ledger.Account;
import org.corridor.ledger.AccountCode;
import org.corridor.ledger.AccountFlag;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.NewAccount;
import org.corridor.money.Money;

/**
 * Restricted accounts per beneficial holder and currency (FR-6): open them in the ledger and here,
 * look them up, record opening balances with their original value dates, and set the conversion
 * rules. Thread-safe.
 */
public final class RestrictedAccounts {

    private final AccountStore store;
    private final Ledger ledger;
    private final ChannelAccounts channel;
    private final Clock clock;
    private final ZoneId zone;

    RestrictedAccounts(AccountStore store, Ledger ledger, ChannelAccounts channel, Clock clock, ZoneId zone) {
        this.store = store;
        this.ledger = ledger;
        this.channel = channel;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Opens a restricted account: a ledger account of code RESTRICTED, flagged RESTRICTED and
     * without overdraft (and BLOCKED if asked), and the channel's record of its bank and country.
     * Opening the same account again returns it.
     */
    public RestrictedAccount open(Actor by, NewRestrictedAccount account) {
        Set<AccountFlag> flags = EnumSet.of(AccountFlag.RESTRICTED, AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS);
        if (account.status() == AccountStatus.BLOCKED) {
            flags.add(AccountFlag.BLOCKED);
        }
        UUID id = account.accountId();
        Optional<AccountStore.AccountRow> named = store.byName(account.name());
        if (named.isPresent() && !named.get().id().equals(id)) {
            throw new ConflictException(
                    "RESTRICTED_ACCOUNT_EXISTS_WITH_DIFFERENT_CONTENT",
                    "restricted account " + account.name() + " exists under id "
                            + named.get().id());
        }
        if (ledger.account(id).isEmpty()) {
            ledger.createAccount(
                    by, new NewAccount(id, account.currency(), AccountCode.RESTRICTED, account.holder(), flags));
        } else {
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
        return withStatus(store.insert(by, account));
    }

    public List<RestrictedAccount> list() {
        return store.all().stream().map(this::withStatus).toList();
    }

    /** @throws NotFoundException RESTRICTED_ACCOUNT_NOT_FOUND */
    public RestrictedAccount get(UUID id) {
        return withStatus(row(id));
    }

    public Optional<RestrictedAccount> byName(String name) {
        return store.byName(name).map(this::withStatus);
    }

    /** An account named by its id or its name (NIGC-IQD-R). */
    public RestrictedAccount find(String idOrName) {
        return withStatus(row(idOrName));
    }

    /** The beneficial holder's restricted accounts, in every currency and country. */
    public List<RestrictedAccount> ofHolder(String holder) {
        return store.all().stream()
                .filter(row -> row.holder().equals(holder))
                .map(this::withStatus)
                .toList();
    }

    /** The account's posted balance in the ledger now. */
    public Money balance(UUID id) {
        return ledger.requireAccount(row(id).id()).postedCreditBalance();
    }

    /**
     * Brings a legacy balance in from the opening-balance suspense account, dated by when it
     * originally arrived, so that its age is right (6(b): NIGC-IQD-R's IQD 9,828 bn older than a
     * year). The same id and content again return the original; other content is refused.
     */
    public SettlementOutcome<OpeningBalance> recordOpeningBalance(Actor by, String account, NewOpeningBalance balance) {
        AccountStore.AccountRow row = row(account);
        if (!balance.amount().currency().equals(row.currency())) {
            throw new InvalidInputException(
                    "CURRENCY_MISMATCH",
                    row.name() + " holds " + row.currency() + ", not "
                            + balance.amount().currency());
        }
        if (balance.valueDate().isAfter(LocalDate.now(clock.withZone(zone)))) {
            throw new InvalidInputException(
                    "VALUE_DATE_IN_FUTURE", "an opening balance arrived in the past, not on " + balance.valueDate());
        }
        UUID suspense = channel.openingBalances(by, row.currency());
        return store.recordOpeningBalance(by, row, balance, suspense);
    }

    public List<OpeningBalance> openingBalances(UUID accountId) {
        return store.openingBalances(row(accountId).id());
    }

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
        return store.setRule(by, row, weeklyCap, trancheMax, source.trim());
    }

    public Optional<ConversionRule> conversionRule(UUID accountId) {
        return store.rule(row(accountId).id());
    }

    AccountStore.AccountRow row(UUID id) {
        return store.byId(id)
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
            return store.byName(key)
                    .orElseThrow(() ->
                            new NotFoundException("RESTRICTED_ACCOUNT_NOT_FOUND", "no restricted account " + key));
        }
    }

    boolean blocked(UUID id) {
        return ledger.account(id)
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
