-- The timestamp of the latest accepted transfer on each account, in microseconds since the epoch
-- (0 for none). Kept with the balances, so that the posting sequencer's compare-and-set covers it:
-- a batch is timed after its accounts' latest transfer and writes only where that is still the
-- latest, whichever server posted it (issue 21). Replaces a query per batch for the latest transfer.
alter table ledger_account add column last_transfer_us bigint not null default 0;

update ledger_account a
   set last_transfer_us = coalesce((extract(epoch from greatest(
        (select max(ts) from ledger_transfer where debit_account_id = a.id and failure is null),
        (select max(ts) from ledger_transfer where credit_account_id = a.id and failure is null)))
        * 1000000)::bigint, 0);
