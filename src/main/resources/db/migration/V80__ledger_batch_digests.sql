-- Tamper evidence for the ledger (issue 16): every transfer row names the batch it was written in,
-- and the batch's audit entry carries the SHA-256 of its accepted rows (every column), so that a
-- row changed behind Corridor's back (an amount, with both balances adjusted to match) no longer
-- matches the digest that `corridor audit verify` recomputes. Rows written before this migration
-- have no batch; how many of them were accepted is recorded here, so that a row slipped in later
-- without a batch is still found.
alter table ledger_transfer add column batch_id uuid;

create table ledger_digest_start (
    one                bool primary key default true check (one),
    legacy_transfers   bigint not null,
    started_at         timestamptz not null
);
insert into ledger_digest_start (legacy_transfers, started_at)
select count(*) filter (where failure is null), now() from ledger_transfer;

create trigger ledger_digest_start_is_permanent
    before update or delete on ledger_digest_start
    for each row execute function ledger_row_is_permanent();
