-- Ledger: double-entry accounts and immutable transfers with holds (pending transfers), after
-- TigerBeetle's model. Amounts and balances are signed 64-bit counts of minor units of the account's
-- currency (the "ledger"); the checks below are a last line of defence behind the rules the
-- application evaluates before it writes.

create table ledger_account (
    id              uuid primary key,
    currency        char(3) not null,
    code            text not null,
    holder          text not null,
    flags           integer not null,           -- bit set of AccountFlag, see AccountFlag.bit()
    debits_pending  bigint not null default 0 check (debits_pending >= 0),
    debits_posted   bigint not null default 0 check (debits_posted >= 0),
    credits_pending bigint not null default 0 check (credits_pending >= 0),
    credits_posted  bigint not null default 0 check (credits_posted >= 0),
    created_at      timestamptz not null,
    -- DEBITS_MUST_NOT_EXCEED_CREDITS (bit 1) and CREDITS_MUST_NOT_EXCEED_DEBITS (bit 2).
    check (flags & 1 = 0 or debits_pending + debits_posted <= credits_posted),
    check (flags & 2 = 0 or credits_pending + credits_posted <= debits_posted)
) with (fillfactor = 70); -- room on each page so balance updates stay HOT (no index changes)
create index ledger_account_holder on ledger_account (holder);

-- Every transfer the ledger was asked to make, accepted or refused: one table so that its primary
-- key is the single arbiter of a client-supplied id. Accepted rows have failure null; a refused
-- row keeps the reason, so that an id that failed stays failed. Rows are never updated or deleted.
create table ledger_transfer (
    id                      uuid primary key,
    ts                      timestamptz not null,   -- assigned by the ledger, unique and increasing per process
    kind                    text not null check (kind in
                                ('POSTED', 'PENDING', 'POST_PENDING', 'VOID_PENDING', 'EXPIRE_PENDING')),
    debit_account_id        uuid not null,
    credit_account_id       uuid not null,
    amount                  bigint not null check (amount >= 0),
    currency                char(3) not null,
    code                    text not null,
    pending_id              uuid,                   -- the hold that a post, void or expiry resolves
    pending_amount          bigint,                 -- what that hold had reserved
    expires_at              timestamptz,            -- holds only
    refs                    jsonb not null,         -- free references: invoice, request, authorisation ids
    metadata                text not null,          -- canonical JSON object, exactly as compared
    failure                 text,                   -- null when accepted
    -- The balances of both accounts just after this transfer: balance at an instant and a
    -- statement's running balance are then one index lookup away.
    debit_debits_pending    bigint,
    debit_debits_posted     bigint,
    debit_credits_pending   bigint,
    debit_credits_posted    bigint,
    credit_debits_pending   bigint,
    credit_debits_posted    bigint,
    credit_credits_pending  bigint,
    credit_credits_posted   bigint
);
-- The ledger's order is (ts, id): timestamps are unique within a process, ids break ties between
-- processes.
create index ledger_transfer_debit on ledger_transfer (debit_account_id, ts, id) where failure is null;
create index ledger_transfer_credit on ledger_transfer (credit_account_id, ts, id) where failure is null;
-- A hold is resolved (posted, voided or expired) at most once.
create unique index ledger_transfer_resolves on ledger_transfer (pending_id)
    where pending_id is not null and failure is null;
-- Only transfers that carry references are indexed: GIN would otherwise add an entry for every
-- empty object.
create index ledger_transfer_refs on ledger_transfer using gin (refs jsonb_path_ops)
    where failure is null and refs <> '{}'::jsonb;

-- Open holds with an expiry: the work list of the expiry job. A row leaves when its hold is posted,
-- voided or expired; the transfers themselves stay as they are.
create table ledger_open_hold (
    transfer_id uuid primary key,
    expires_at  timestamptz not null
);
create index ledger_open_hold_expires_at on ledger_open_hold (expires_at);

create function ledger_row_is_permanent() returns trigger language plpgsql as $$
begin
    raise exception '% rows are permanent: % refused', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger ledger_transfer_no_update_or_delete
    before update or delete on ledger_transfer
    for each row execute function ledger_row_is_permanent();

create trigger ledger_transfer_no_truncate
    before truncate on ledger_transfer
    for each statement execute function ledger_row_is_permanent();

create trigger ledger_account_no_delete
    before delete on ledger_account
    for each row execute function ledger_row_is_permanent();
