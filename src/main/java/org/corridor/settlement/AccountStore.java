package org.corridor.settlement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.db.Handles;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.transaction.Transaction;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * SQL for restricted accounts, their opening balances and conversion rules, in the caller's unit
 * of work. Stateless and thread-safe.
 */
final class AccountStore extends SettlementStore {

    /** A restricted account's own record; its status lives with the ledger account. */
    record AccountRow(
            UUID id, String name, String holder, Currency currency, String bank, String country, Instant createdAt) {}

    private static final RowMapper<AccountRow> ACCOUNT = (rs, ctx) -> new AccountRow(
            rs.getObject("id", UUID.class),
            rs.getString("name"),
            rs.getString("holder"),
            Currency.of(rs.getString("currency")),
            rs.getString("bank"),
            rs.getString("country"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant());

    // ---------------------------------------------------------------- accounts

    Optional<AccountRow> byId(Transaction transaction, UUID id) {
        return first(transaction, "select * from settlement_account where id = :id", ACCOUNT, "id", id);
    }

    Optional<AccountRow> byName(Transaction transaction, String name) {
        return first(transaction, "select * from settlement_account where name = :name", ACCOUNT, "name", name);
    }

    /** Every restricted account, by name. */
    List<AccountRow> all(Transaction transaction) {
        return list(transaction, "select * from settlement_account order by name", ACCOUNT);
    }

    void insert(Transaction transaction, AccountRow account, String by) {
        Handles.of(transaction)
                .createUpdate("""
                        insert into settlement_account (id, name, holder, currency, bank, country, created_at, created_by)
                        values (:id, :name, :holder, :currency, :bank, :country, :now, :by)
                        """)
                .bind("id", account.id())
                .bind("name", account.name())
                .bind("holder", account.holder())
                .bind("currency", account.currency().code())
                .bind("bank", account.bank())
                .bind("country", account.country())
                .bind("now", utc(account.createdAt()))
                .bind("by", by)
                .execute();
    }

    /** Locks the account's row until the unit of work ends: one movement out of it at a time. */
    void lock(Transaction transaction, UUID accountId) {
        query(transaction, "select id from settlement_account where id = :id for update", "id", accountId)
                .mapTo(UUID.class)
                .one();
    }

    // ---------------------------------------------------------------- opening balances

    /** The request an opening balance was recorded for, if it was. */
    Optional<String> openingBalanceRequest(Transaction transaction, UUID id) {
        return request(transaction, "settlement_opening_balance", id);
    }

    Optional<OpeningBalance> openingBalance(Transaction transaction, UUID id) {
        return first(transaction, OPENING_BALANCES + " where o.id = :id", OPENING_BALANCE, "id", id);
    }

    /** Inserts the opening balance; false when another unit of work recorded its id first. */
    boolean insertOpeningBalance(Transaction transaction, OpeningBalance balance, String request) {
        return Handles.of(transaction)
                        .createUpdate("""
                                insert into settlement_opening_balance
                                  (id, account_id, amount_minor, value_date, note, ledger_transfer_id, request,
                                   recorded_at, recorded_by)
                                values (:id, :account, :amount, :valueDate, :note, :transfer, :request, :now, :by)
                                on conflict (id) do nothing
                                """)
                        .bind("id", balance.id())
                        .bind("account", balance.accountId())
                        .bind("amount", balance.amount().amountMinor())
                        .bind("valueDate", balance.valueDate())
                        .bind("note", balance.note())
                        .bind("transfer", balance.ledgerTransferId())
                        .bind("request", request)
                        .bind("now", utc(balance.recordedAt()))
                        .bind("by", balance.recordedBy())
                        .execute()
                > 0;
    }

    List<OpeningBalance> openingBalances(Transaction transaction, UUID accountId) {
        return list(
                transaction,
                OPENING_BALANCES + " where o.account_id = :account order by o.value_date, o.recorded_at",
                OPENING_BALANCE,
                "account",
                accountId);
    }

    private static final String OPENING_BALANCES = """
            select o.*, a.currency from settlement_opening_balance o
            join settlement_account a on a.id = o.account_id
            """;

    private static final RowMapper<OpeningBalance> OPENING_BALANCE = (rs, ctx) -> new OpeningBalance(
            rs.getObject("id", UUID.class),
            rs.getObject("account_id", UUID.class),
            Money.ofMinor(rs.getLong("amount_minor"), Currency.of(rs.getString("currency"))),
            rs.getObject("value_date", LocalDate.class),
            rs.getString("note"),
            rs.getObject("ledger_transfer_id", UUID.class),
            rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
            rs.getString("recorded_by"));

    // ---------------------------------------------------------------- conversion rules

    /** The version the account's next conversion rule gets: one more than its latest. */
    int nextRuleVersion(Transaction transaction, UUID accountId) {
        String sql = "select coalesce(max(version), 0) from settlement_conversion_rule where account_id = :id";
        return query(transaction, sql, "id", accountId).mapTo(Integer.class).one() + 1;
    }

    void insertRule(Transaction transaction, ConversionRule rule) {
        Handles.of(transaction)
                .createUpdate("""
                        insert into settlement_conversion_rule
                          (account_id, version, weekly_cap_minor, tranche_max_minor, source, changed_at, changed_by)
                        values (:id, :version, cast(:cap as bigint), cast(:tranche as bigint), :source, :now, :by)
                        """)
                .bind("id", rule.accountId())
                .bind("version", rule.version())
                .bind("cap", rule.weeklyCap().map(Money::amountMinor).orElse(null))
                .bind("tranche", rule.trancheMax().map(Money::amountMinor).orElse(null))
                .bind("source", rule.source())
                .bind("now", utc(rule.changedAt()))
                .bind("by", rule.changedBy())
                .execute();
    }

    /** The account's conversion rule in force: its latest version. */
    Optional<ConversionRule> rule(Transaction transaction, UUID accountId) {
        return first(transaction, """
                select r.*, a.currency from settlement_conversion_rule r
                join settlement_account a on a.id = r.account_id
                where r.account_id = :id order by r.version desc limit 1
                """, RULE, "id", accountId);
    }

    private static final RowMapper<ConversionRule> RULE = (rs, ctx) -> {
        Currency currency = Currency.of(rs.getString("currency"));
        return new ConversionRule(
                rs.getObject("account_id", UUID.class),
                rs.getInt("version"),
                optionalMoney(rs, "weekly_cap_minor", currency),
                optionalMoney(rs, "tranche_max_minor", currency),
                rs.getString("source"),
                rs.getObject("changed_at", OffsetDateTime.class).toInstant(),
                rs.getString("changed_by"));
    };

    private static Optional<Money> optionalMoney(ResultSet rs, String column, Currency currency) throws SQLException {
        long minor = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Money.ofMinor(minor, currency));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
