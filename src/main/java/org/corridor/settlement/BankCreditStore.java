package org.corridor.settlement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.db.Handles;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.transaction.Transaction;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for the bank's announced credits, in the caller's unit of work. Stateless and thread-safe. */
final class BankCreditStore extends SettlementStore {

    /** Stores a credit unless its key is taken; returns whether it was stored. */
    boolean insert(Transaction transaction, BankCredit credit) {
        return Handles.of(transaction)
                        .createUpdate("""
                                insert into settlement_bank_credit
                                  (id, key, message_id, account, account_id, amount_minor, currency, value_date, refs,
                                   payer, status, deposit_id, reason, detail, suspense_transfer_id, recorded_at,
                                   recorded_by)
                                values (:id, :key, :message, :account, cast(:accountId as uuid), :amount, :currency,
                                        :valueDate, :refs, :payer, :status, cast(:deposit as uuid), cast(:reason as text),
                                        :detail, cast(:suspense as uuid), :at, :by)
                                on conflict (key) do nothing
                                """)
                        .bind("id", credit.id())
                        .bind("key", credit.key())
                        .bind("message", credit.messageId())
                        .bind("account", credit.account())
                        .bind("accountId", credit.accountId().orElse(null))
                        .bind("amount", credit.amount().amountMinor())
                        .bind("currency", credit.amount().currency().code())
                        .bind("valueDate", credit.valueDate())
                        .bind("refs", String.join("\n", credit.references()))
                        .bind("payer", credit.payer())
                        .bind("status", credit.status())
                        .bind("deposit", credit.depositId().orElse(null))
                        .bind("reason", credit.reason().orElse(null))
                        .bind("detail", credit.detail())
                        .bind("suspense", credit.suspenseTransferId().orElse(null))
                        .bind("at", AccountStore.utc(credit.recordedAt()))
                        .bind("by", credit.recordedBy())
                        .execute()
                == 1;
    }

    Optional<BankCredit> byKey(Transaction transaction, String key) {
        return first(transaction, "select * from settlement_bank_credit where key = :key", CREDIT, "key", key);
    }

    Optional<BankCredit> lock(Transaction transaction, UUID id) {
        return first(transaction, "select * from settlement_bank_credit where id = :id for update", CREDIT, "id", id);
    }

    /** Every credit, or the suspended ones recorded with a value date up to {@code asOf}, oldest first. */
    List<BankCredit> credits(Transaction transaction, Optional<LocalDate> suspendedAsOf) {
        if (suspendedAsOf.isPresent()) {
            return list(
                    transaction,
                    "select * from settlement_bank_credit where status = 'SUSPENDED' and value_date <= :asOf"
                            + " order by value_date, recorded_at",
                    CREDIT,
                    "asOf",
                    suspendedAsOf.get());
        }
        return list(transaction, "select * from settlement_bank_credit order by value_date, recorded_at", CREDIT);
    }

    /** Marks a suspended credit resolved into {@code depositId}. */
    void resolve(Transaction transaction, UUID id, UUID depositId, Instant at, String by) {
        Handles.of(transaction)
                .createUpdate("""
                        update settlement_bank_credit set status = 'RESOLVED', deposit_id = :deposit,
                          resolved_at = :at, resolved_by = :by
                        where id = :id and status = 'SUSPENDED'
                        """)
                .bind("deposit", depositId)
                .bind("at", AccountStore.utc(at))
                .bind("by", by)
                .bind("id", id)
                .execute();
    }

    private static final RowMapper<BankCredit> CREDIT = (rs, ctx) -> new BankCredit(
            rs.getObject("id", UUID.class),
            rs.getString("key"),
            rs.getString("message_id"),
            rs.getString("account"),
            Optional.ofNullable(rs.getObject("account_id", UUID.class)),
            Money.ofMinor(rs.getLong("amount_minor"), Currency.of(rs.getString("currency"))),
            rs.getObject("value_date", LocalDate.class),
            rs.getString("refs").isEmpty()
                    ? List.of()
                    : Arrays.asList(rs.getString("refs").split("\n")),
            rs.getString("payer"),
            rs.getString("status"),
            Optional.ofNullable(rs.getObject("deposit_id", UUID.class)),
            Optional.ofNullable(rs.getString("reason")),
            rs.getString("detail"),
            Optional.ofNullable(rs.getObject("suspense_transfer_id", UUID.class)),
            rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
            rs.getString("recorded_by"),
            Optional.ofNullable(rs.getObject("resolved_at", OffsetDateTime.class))
                    .map(OffsetDateTime::toInstant),
            Optional.ofNullable(rs.getString("resolved_by")));
}
