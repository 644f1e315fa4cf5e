-- Returns of released payments (issue 18): money that comes back to a restricted account goes back
-- into the lots it was taken from, so that it keeps its original age (FR-31). A restoration undoes
-- part of one movement's consumption of one lot from its own value date on; like consumptions it is
-- append-only, and as-of views count it by its value date. Numbered in the release/payments range
-- because a return is what writes it.

create table settlement_lot_restoration (
    account_id             uuid not null references settlement_account (id),
    reference              text not null,             -- the restoring movement: return:<message>:<return id>
    consumption_reference  text not null,             -- the movement whose consumption it undoes (a release's id)
    lot_id                 uuid not null references settlement_lot (id),
    value_date             date not null,             -- when the money came back
    amount_minor           bigint not null check (amount_minor > 0),
    recorded_at            timestamptz not null,
    primary key (account_id, reference, lot_id)
);
create index settlement_lot_restoration_consumption on settlement_lot_restoration (consumption_reference);
create index settlement_lot_restoration_lot on settlement_lot_restoration (lot_id, value_date);
