package org.corridor.ledger;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.corridor.db.Handles;
import org.corridor.transaction.Transaction;

/**
 * SQL that checks the ledger's tables against themselves, in the caller's unit of work: the
 * accepted rows by batch, balances recomputed from the transfers, the running balances each row
 * recorded, and debits against credits per currency. Stateless and thread-safe.
 */
final class IntegrityStore {

    /** An account whose stored balances differ from the sums of its transfers. */
    record Drift(UUID account, Balances stored, Balances summed) {}

    /** Reads everything that follows in one snapshot; must be the unit of work's first statement. */
    void snapshot(Transaction transaction) {
        Handles.of(transaction).execute("set transaction isolation level repeatable read, read only");
    }

    /** An accepted row and the batch it was written in (empty for rows older than batch digests). */
    record Stored(Optional<UUID> batch, TransferRow row) {}

    /** Every accepted row with its batch, by batch then id, streamed. */
    void forEachAccepted(Transaction transaction, Consumer<Stored> sink) {
        Handles.of(transaction)
                .createQuery("select * from ledger_transfer where failure is null order by batch_id nulls first, id")
                .setFetchSize(5_000)
                .map((rs, ctx) -> new Stored(
                        Optional.ofNullable(rs.getObject("batch_id", UUID.class)), TransferStore.ROW.map(rs, ctx)))
                .useStream(stream -> stream.forEach(sink));
    }

    /** How many accepted transfers existed when batch digests began, if this database records it. */
    Optional<Long> legacyTransfers(Transaction transaction) {
        return Handles.of(transaction)
                .createQuery("select legacy_transfers from ledger_digest_start")
                .mapTo(Long.class)
                .findFirst();
    }

    long accounts(Transaction transaction) {
        return Handles.of(transaction)
                .createQuery("select count(*) from ledger_account")
                .mapTo(Long.class)
                .one();
    }

    /** Accounts whose balances are not the sums of their accepted transfers. */
    List<Drift> drifts(Transaction transaction, int limit) {
        return Handles.of(transaction)
                .createQuery("""
                        with accepted as (select * from ledger_transfer where failure is null),
                        moves as (
                            select debit_account_id as account, amount as dp, 0::bigint as cp, 0::bigint as dq,
                                   0::bigint as cq
                              from accepted where kind in ('POSTED', 'POST_PENDING')
                            union all
                            select credit_account_id, 0, amount, 0, 0 from accepted where kind in ('POSTED', 'POST_PENDING')
                            union all
                            select debit_account_id, 0, 0, amount, 0 from accepted where kind = 'PENDING'
                            union all
                            select credit_account_id, 0, 0, 0, amount from accepted where kind = 'PENDING'
                            union all
                            select debit_account_id, 0, 0, -pending_amount, 0 from accepted
                              where kind in ('POST_PENDING', 'VOID_PENDING', 'EXPIRE_PENDING')
                            union all
                            select credit_account_id, 0, 0, 0, -pending_amount from accepted
                              where kind in ('POST_PENDING', 'VOID_PENDING', 'EXPIRE_PENDING')
                        ),
                        sums as (
                            select account, sum(dp) dp, sum(cp) cp, sum(dq) dq, sum(cq) cq from moves group by account
                        )
                        select a.id, a.debits_pending, a.debits_posted, a.credits_pending, a.credits_posted,
                               coalesce(s.dq, 0) as s_dq, coalesce(s.dp, 0) as s_dp, coalesce(s.cq, 0) as s_cq,
                               coalesce(s.cp, 0) as s_cp
                        from ledger_account a left join sums s on s.account = a.id
                        where a.debits_posted <> coalesce(s.dp, 0) or a.credits_posted <> coalesce(s.cp, 0)
                           or a.debits_pending <> coalesce(s.dq, 0) or a.credits_pending <> coalesce(s.cq, 0)
                        order by a.id limit :limit
                        """)
                .bind("limit", limit)
                .map((rs, ctx) -> new Drift(
                        rs.getObject("id", UUID.class),
                        new Balances(
                                rs.getLong("debits_pending"),
                                rs.getLong("debits_posted"),
                                rs.getLong("credits_pending"),
                                rs.getLong("credits_posted")),
                        new Balances(rs.getLong("s_dq"), rs.getLong("s_dp"), rs.getLong("s_cq"), rs.getLong("s_cp"))))
                .list();
    }

    /**
     * Transfers whose recorded balances after them do not follow from the account's balances
     * recorded after the transfer before (in the ledger's order) and their own amount: a changed
     * amount is found and named here even when the account's balances were adjusted to match.
     */
    List<UUID> inconsistentSteps(Transaction transaction, int limit) {
        return Handles.of(transaction)
                .createQuery("""
                        with sides as (
                            select id, ts, debit_account_id as account, kind, amount, pending_amount, true as debit,
                                   debit_debits_pending as dq, debit_debits_posted as dp,
                                   debit_credits_pending as cq, debit_credits_posted as cp
                              from ledger_transfer where failure is null
                            union all
                            select id, ts, credit_account_id, kind, amount, pending_amount, false,
                                   credit_debits_pending, credit_debits_posted, credit_credits_pending, credit_credits_posted
                              from ledger_transfer where failure is null
                        ),
                        steps as (
                            select *,
                                   case kind when 'PENDING' then amount when 'POSTED' then 0 else -pending_amount end
                                       as pending_change,
                                   case when kind in ('POSTED', 'POST_PENDING') then amount else 0 end as posted_change,
                                   dq - lag(dq, 1, 0::bigint) over w as dq_step, dp - lag(dp, 1, 0::bigint) over w as dp_step,
                                   cq - lag(cq, 1, 0::bigint) over w as cq_step, cp - lag(cp, 1, 0::bigint) over w as cp_step
                            from sides window w as (partition by account order by ts, id)
                        )
                        select distinct id from steps
                        where dq_step <> case when debit then pending_change else 0 end
                           or dp_step <> case when debit then posted_change else 0 end
                           or cq_step <> case when debit then 0 else pending_change end
                           or cp_step <> case when debit then 0 else posted_change end
                        order by id limit :limit
                        """)
                .bind("limit", limit)
                .mapTo(UUID.class)
                .list();
    }

    /** Currencies whose debits and credits (posted or pending) differ over all accounts. */
    List<String> unbalancedCurrencies(Transaction transaction) {
        return Handles.of(transaction).createQuery("""
                        select currency from ledger_account group by currency
                        having sum(debits_posted) <> sum(credits_posted) or sum(debits_pending) <> sum(credits_pending)
                        order by currency
                        """).mapTo(String.class).list();
    }
}
