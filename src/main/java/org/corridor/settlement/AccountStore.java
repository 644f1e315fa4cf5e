package org.corridor.settlement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.corridor.ConflictException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditStore;
import org.corridor.audit.CanonicalJson;
import org.corridor.db.Database;
import org.corridor.ledger.LedgerStore;
import org.corridor.ledger.NewTransfer;
import org.corridor.ledger.TransferOutcome;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for restricted accounts, their opening balances and conversion rules. Thread-safe. */
final class AccountStore {

    /** A restricted account's own record; its status lives with the ledger account. */
    record AccountRow(
            UUID id, String name, String holder, Currency currency, String bank, String country, Instant createdAt) {}

    private final Jdbi jdbi;
    private final AuditStore audit;
    private final LedgerStore ledger;
    private final LotStore lots;
    private final Clock clock;

    AccountStore(Database database, AuditStore audit, LedgerStore ledger, LotStore lots, Clock clock) {
        this.jdbi = database.jdbi();
        this.audit = audit;
        this.ledger = ledger;
        this.lots = lots;
        this.clock = clock;
    }

    /** Records a restricted account; the same account again changes nothing, another under its name is refused. */
    AccountRow insert(Actor actor, NewRestrictedAccount account) {
        UUID id = account.accountId();
        return jdbi.inTransaction(handle -> {
            Optional<AccountRow> byName = query(handle, "where name = :key", account.name());
            Optional<AccountRow> byId = query(handle, "where id = cast(:key as uuid)", id.toString());
            Optional<AccountRow> existing = byName.or(() -> byId);
            if (existing.isPresent()) {
                AccountRow row = existing.get();
                if (row.id().equals(id)
                        && row.name().equals(account.name())
                        && row.holder().equals(account.holder())
                        && row.currency().equals(account.currency())
                        && row.bank().equals(account.bank())
                        && row.country().equals(account.country())) {
                    return row;
                }
                throw new ConflictException(
                        "RESTRICTED_ACCOUNT_EXISTS_WITH_DIFFERENT_CONTENT",
                        "restricted account " + row.name() + " (" + row.id() + ") exists with other content");
            }
            Instant now = now();
            handle.createUpdate("""
                            insert into settlement_account (id, name, holder, currency, bank, country, created_at, created_by)
                            values (:id, :name, :holder, :currency, :bank, :country, :now, :by)
                            """)
                    .bind("id", id)
                    .bind("name", account.name())
                    .bind("holder", account.holder())
                    .bind("currency", account.currency().code())
                    .bind("bank", account.bank())
                    .bind("country", account.country())
                    .bind("now", utc(now))
                    .bind("by", actor.name())
                    .execute();
            audit.append(
                    handle,
                    AuditEvent.of(
                            actor,
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
            return new AccountRow(
                    id, account.name(), account.holder(), account.currency(), account.bank(), account.country(), now);
        });
    }

    Optional<AccountRow> byId(UUID id) {
        return jdbi.withHandle(handle -> query(handle, "where id = cast(:key as uuid)", id.toString()));
    }

    Optional<AccountRow> byName(String name) {
        return jdbi.withHandle(handle -> query(handle, "where name = :key", name));
    }

    List<AccountRow> all() {
        return jdbi.withHandle(handle -> handle.createQuery("select * from settlement_account order by name")
                .map(ACCOUNT)
                .list());
    }

    private static Optional<AccountRow> query(Handle handle, String where, String key) {
        return handle.createQuery("select * from settlement_account " + where)
                .bind("key", key)
                .map(ACCOUNT)
                .findFirst();
    }

    /**
     * Posts an opening balance from the suspense account into the restricted account and opens a
     * lot dated by its original value date, in one transaction with its audit entry.
     */
    SettlementOutcome<OpeningBalance> recordOpeningBalance(
            Actor actor, AccountRow account, NewOpeningBalance balance, UUID suspenseAccountId) {
        String request = CanonicalJson.write(CanonicalJson.fields(
                "account_id", account.id().toString(),
                "amount", balance.amount().toString(),
                "value_date", balance.valueDate().toString(),
                "note", balance.note()));
        try {
            return jdbi.inTransaction(handle -> {
                Optional<OpeningBalance> earlier = openingBalance(handle, balance.id(), request);
                if (earlier.isPresent()) {
                    return new SettlementOutcome.Done<>(earlier.get(), true);
                }
                UUID transferId = Ids.derived(balance.id(), "opening-balance");
                List<TransferOutcome> posted = ledger.postWithin(
                        handle,
                        actor,
                        List.of(NewTransfer.posted(
                                        transferId,
                                        suspenseAccountId,
                                        account.id(),
                                        balance.amount().amountMinor(),
                                        balance.amount().currency(),
                                        "OPENING_BALANCE")
                                .withReferences(
                                        Map.of("opening_balance", balance.id().toString()))
                                .withMetadata(
                                        Map.of("value_date", balance.valueDate().toString()))));
                CoverageStore.requirePosted(posted);
                Instant now = now();
                int inserted = handle.createUpdate("""
                                insert into settlement_opening_balance
                                  (id, account_id, amount_minor, value_date, note, ledger_transfer_id, request,
                                   recorded_at, recorded_by)
                                values (:id, :account, :amount, :valueDate, :note, :transfer, :request, :now, :by)
                                on conflict (id) do nothing
                                """)
                        .bind("id", balance.id())
                        .bind("account", account.id())
                        .bind("amount", balance.amount().amountMinor())
                        .bind("valueDate", balance.valueDate())
                        .bind("note", balance.note())
                        .bind("transfer", transferId)
                        .bind("request", request)
                        .bind("now", utc(now))
                        .bind("by", actor.name())
                        .execute();
                if (inserted == 0) {
                    throw new ConcurrentChangeException("opening balance " + balance.id() + " recorded concurrently");
                }
                lots.addWithin(
                        handle,
                        Ids.derived(balance.id(), "lot"),
                        account.id(),
                        balance.amount(),
                        balance.valueDate(),
                        LotSource.OPENING_BALANCE,
                        "opening-balance:" + balance.id(),
                        List.of());
                audit.append(
                        handle,
                        AuditEvent.of(
                                actor,
                                "OPENING_BALANCE_RECORDED",
                                "restricted-account:" + account.name(),
                                CanonicalJson.read(request),
                                CanonicalJson.fields(
                                        "id", balance.id().toString(), "ledger_transfer_id", transferId.toString())));
                return new SettlementOutcome.Done<>(
                        new OpeningBalance(
                                balance.id(),
                                account.id(),
                                balance.amount(),
                                balance.valueDate(),
                                balance.note(),
                                transferId,
                                now,
                                actor.name()),
                        false);
            });
        } catch (RefusedException e) {
            return e.refused();
        }
    }

    private static Optional<OpeningBalance> openingBalance(Handle handle, UUID id, String request) {
        Optional<Map.Entry<String, OpeningBalance>> row = handle.createQuery("""
                        select o.*, a.currency from settlement_opening_balance o
                        join settlement_account a on a.id = o.account_id where o.id = :id
                        """)
                .bind("id", id)
                .map((rs, ctx) -> Map.entry(rs.getString("request"), openingBalance(rs)))
                .findFirst();
        if (row.isPresent() && !row.get().getKey().equals(request)) {
            throw new ConflictException(
                    "OPENING_BALANCE_EXISTS_WITH_DIFFERENT_CONTENT",
                    "opening balance " + id + " was recorded with other content");
        }
        return row.map(Map.Entry::getValue);
    }

    List<OpeningBalance> openingBalances(UUID accountId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        select o.*, a.currency from settlement_opening_balance o
                        join settlement_account a on a.id = o.account_id
                        where o.account_id = :account order by o.value_date, o.recorded_at
                        """)
                .bind("account", accountId)
                .map((rs, ctx) -> openingBalance(rs))
                .list());
    }

    private static OpeningBalance openingBalance(ResultSet rs) throws SQLException {
        return new OpeningBalance(
                rs.getObject("id", UUID.class),
                rs.getObject("account_id", UUID.class),
                Money.ofMinor(rs.getLong("amount_minor"), Currency.of(rs.getString("currency"))),
                rs.getObject("value_date", LocalDate.class),
                rs.getString("note"),
                rs.getObject("ledger_transfer_id", UUID.class),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getString("recorded_by"));
    }

    /** Records the next version of an account's conversion rule. */
    ConversionRule setRule(
            Actor actor, AccountRow account, Optional<Money> weeklyCap, Optional<Money> trancheMax, String source) {
        return jdbi.inTransaction(handle -> {
            int version = handle.createQuery(
                                    "select coalesce(max(version), 0) from settlement_conversion_rule where account_id = :id")
                            .bind("id", account.id())
                            .mapTo(Integer.class)
                            .one()
                    + 1;
            Instant now = now();
            handle.createUpdate("""
                            insert into settlement_conversion_rule
                              (account_id, version, weekly_cap_minor, tranche_max_minor, source, changed_at, changed_by)
                            values (:id, :version, cast(:cap as bigint), cast(:tranche as bigint), :source, :now, :by)
                            """)
                    .bind("id", account.id())
                    .bind("version", version)
                    .bind("cap", weeklyCap.map(Money::amountMinor).orElse(null))
                    .bind("tranche", trancheMax.map(Money::amountMinor).orElse(null))
                    .bind("source", source)
                    .bind("now", utc(now))
                    .bind("by", actor.name())
                    .execute();
            ConversionRule rule =
                    new ConversionRule(account.id(), version, weeklyCap, trancheMax, source, now, actor.name());
            audit.append(
                    handle,
                    AuditEvent.of(
                            actor,
                            "CONVERSION_RULE_SET",
                            "restricted-account:" + account.name(),
                            CanonicalJson.fields(
                                    "weekly_cap", weeklyCap.map(Money::toString).orElse("none"),
                                    "tranche_max",
                                            trancheMax.map(Money::toString).orElse("none"),
                                    "source", source),
                            CanonicalJson.fields("version", version)));
            return rule;
        });
    }

    Optional<ConversionRule> rule(UUID accountId) {
        return jdbi.withHandle(handle -> rule(handle, accountId));
    }

    static Optional<ConversionRule> rule(Handle handle, UUID accountId) {
        return handle.createQuery("""
                        select r.*, a.currency from settlement_conversion_rule r
                        join settlement_account a on a.id = r.account_id
                        where r.account_id = :id order by r.version desc limit 1
                        """)
                .bind("id", accountId)
                .map((rs, ctx) -> {
                    Currency currency = Currency.of(rs.getString("currency"));
                    long cap = rs.getLong("weekly_cap_minor");
                    Optional<Money> weeklyCap =
                            rs.wasNull() ? Optional.empty() : Optional.of(Money.ofMinor(cap, currency));
                    long tranche = rs.getLong("tranche_max_minor");
                    Optional<Money> trancheMax =
                            rs.wasNull() ? Optional.empty() : Optional.of(Money.ofMinor(tranche, currency));
                    return new ConversionRule(
                            accountId,
                            rs.getInt("version"),
                            weeklyCap,
                            trancheMax,
                            rs.getString("source"),
                            rs.getObject("changed_at", OffsetDateTime.class).toInstant(),
                            rs.getString("changed_by"));
                })
                .findFirst();
    }

    private static final RowMapper<AccountRow> ACCOUNT = (rs, ctx) -> new AccountRow(
            rs.getObject("id", UUID.class),
            rs.getString("name"),
            rs.getString("holder"),
            Currency.of(rs.getString("currency")),
            rs.getString("bank"),
            rs.getString("country"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant());

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
