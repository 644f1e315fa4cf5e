-- Energy settlement (FR-6, FR-9 to FR-15, RPT-6): restricted accounts as the channel sees them,
-- their first-in-first-out lots dated by value date, contracts, delivery statements, invoices and
-- their notes, deposits matched to invoices, conversions and transfers between restricted
-- accounts. Money is in the ledger; these tables say where it came from and how old it is.
-- Amounts are signed 64-bit counts of minor units; quantities, prices and rates exact decimals.

create table settlement_account (
    id          uuid primary key,                  -- the ledger account's id (code RESTRICTED)
    name        text not null unique,              -- NIGC-IQD-R
    holder      text not null,                     -- the beneficial holder, the ledger account's holder
    currency    char(3) not null,
    bank        text not null,
    country     char(2) not null,                  -- where the account is held: IQ, OM
    created_at  timestamptz not null,
    created_by  text not null
);
create index settlement_account_holder on settlement_account (holder);

-- Limits on conversions out of an account (FR-15): a cap over any 7 consecutive value dates and a
-- largest tranche. A change is a new version; the latest applies.
create table settlement_conversion_rule (
    account_id         uuid not null references settlement_account (id),
    version            integer not null,
    weekly_cap_minor   bigint check (weekly_cap_minor > 0),
    tranche_max_minor  bigint check (tranche_max_minor > 0),
    source             text not null,
    changed_at         timestamptz not null,
    changed_by         text not null,
    primary key (account_id, version)
);

-- A lot is money that entered a restricted account on one value date; movements out consume
-- the oldest lots first. remaining_minor is the only column ever updated.
create table settlement_lot (
    id              uuid primary key,
    seq             bigint generated always as identity,  -- order among lots of one value date
    account_id      uuid not null references settlement_account (id),
    value_date      date not null,
    original_minor  bigint not null check (original_minor > 0),
    remaining_minor bigint not null check (remaining_minor >= 0 and remaining_minor <= original_minor),
    source          text not null check (source in ('OPENING_BALANCE', 'DEPOSIT', 'CONVERSION_IN', 'TRANSFER_IN')),
    reference       text not null,                 -- the opening balance, deposit, conversion or transfer
    created_at      timestamptz not null
);
create index settlement_lot_fifo on settlement_lot (account_id, value_date, seq);

-- What each movement out took from which lot, on its value date (append-only).
create table settlement_lot_consumption (
    account_id    uuid not null references settlement_account (id),
    reference     text not null,                   -- the movement: conversion:..., transfer:..., a release's id
    lot_id        uuid not null references settlement_lot (id),
    kind          text not null check (kind in ('CONVERSION', 'TRANSFER', 'DISBURSEMENT')),
    value_date    date not null,
    amount_minor  bigint not null check (amount_minor > 0),
    recorded_at   timestamptz not null,
    primary key (account_id, reference, lot_id)
);
create index settlement_lot_consumption_lot on settlement_lot_consumption (lot_id, value_date);

-- Where an incoming lot of a conversion or transfer came from (the source lots, in their currency).
create table settlement_lot_provenance (
    lot_id               uuid not null references settlement_lot (id),
    source_lot_id        uuid not null references settlement_lot (id),
    source_amount_minor  bigint not null check (source_amount_minor > 0),
    primary key (lot_id, source_lot_id)
);

create table settlement_opening_balance (
    id                  uuid primary key,          -- the client's idempotency key
    account_id          uuid not null references settlement_account (id),
    amount_minor        bigint not null check (amount_minor > 0),
    value_date          date not null,             -- when the money originally arrived
    note                text not null,
    ledger_transfer_id  uuid not null,
    request             text not null,             -- canonical JSON of the command, for retries
    recorded_at         timestamptz not null,
    recorded_by         text not null
);

create table settlement_contract (
    id                  uuid primary key,
    reference           text not null unique,      -- NIGC-GAS-2024
    seller              text not null,             -- NIGC: the beneficial holder of the account
    buyer               text not null,             -- MoE: the payer
    commodity           text not null check (commodity in ('GAS', 'ELECTRICITY')),
    price_unit          text not null check (price_unit in ('M3', 'MMBTU', 'MWH')),
    price               numeric not null check (price > 0),
    price_currency      char(3) not null,
    conversion_factors  text not null,             -- JSON object: metered unit -> price units per metered unit
    account_id          uuid not null references settlement_account (id),
    created_at          timestamptz not null,
    created_by          text not null
);

create table settlement_statement (
    id                 uuid primary key,
    contract_id        uuid not null references settlement_contract (id),
    period_start       date not null,
    period_end         date not null,
    metered_quantity   numeric not null check (metered_quantity >= 0),
    unit               text not null check (unit in ('M3', 'MMBTU', 'MWH')),
    disputed_quantity  numeric not null check (disputed_quantity >= 0 and disputed_quantity <= metered_quantity),
    dispute_reason     text not null,              -- empty when nothing is disputed
    issued_on          date not null,
    origin             text not null,              -- "api" or the imported file's name and line
    recorded_at        timestamptz not null,
    recorded_by        text not null,
    unique (contract_id, period_start, period_end),
    check (period_end >= period_start)
);

create table settlement_invoice (
    id             uuid primary key,
    number         text not null unique,
    contract_id    uuid not null references settlement_contract (id),
    statement_id   uuid not null unique references settlement_statement (id),
    issued_on      date not null,
    quantity       numeric not null,               -- in the contract's price unit
    unit_price     numeric not null,
    amount_minor   bigint not null check (amount_minor >= 0),
    currency       char(3) not null
);
create index settlement_invoice_contract on settlement_invoice (contract_id, issued_on);

-- Credit and debit notes: adjustments of an invoice after a dispute (never edits of it).
create table settlement_note (
    id            uuid primary key,
    number        text not null unique,
    invoice_id    uuid not null references settlement_invoice (id),
    kind          text not null check (kind in ('CREDIT', 'DEBIT')),
    quantity      numeric not null check (quantity > 0),  -- in the statement's unit
    unit          text not null,
    amount_minor  bigint not null check (amount_minor > 0),
    reason        text not null,
    issued_on     date not null,
    recorded_at   timestamptz not null,
    recorded_by   text not null
);
create index settlement_note_invoice on settlement_note (invoice_id);

create table settlement_deposit (
    id                   uuid primary key,         -- the client's idempotency key
    reference            text not null,            -- the payer's own reference, or empty
    contract_id          uuid not null references settlement_contract (id),
    account_id           uuid not null references settlement_account (id),
    payer_account_id     uuid not null,
    amount_minor         bigint not null check (amount_minor > 0),
    currency             char(3) not null,
    value_date           date not null,
    rate                 numeric not null check (rate > 0),  -- deposit currency per one price-currency unit
    rate_source          text not null,
    rate_date            date not null,
    equivalent_minor     bigint not null check (equivalent_minor >= 0),  -- in the price currency
    price_currency       char(3) not null,
    unapplied_minor      bigint not null check (unapplied_minor >= 0),   -- over-payment, in the price currency
    match                text not null check (match in ('FULL', 'PARTIAL', 'OVERPAYMENT')),
    authorisation_id     uuid not null,
    authorisation_ref    text not null,
    ledger_transfer_id   uuid not null,
    request              text not null,
    recorded_at          timestamptz not null,
    recorded_by          text not null
);
create index settlement_deposit_contract on settlement_deposit (contract_id, value_date);

create table settlement_allocation (
    deposit_id            uuid not null references settlement_deposit (id),
    invoice_id            uuid not null references settlement_invoice (id),
    amount_minor          bigint not null check (amount_minor > 0),  -- in the invoice's currency
    deposit_amount_minor  bigint not null check (deposit_amount_minor >= 0),  -- the part of the deposit
    primary key (deposit_id, invoice_id)
);
create index settlement_allocation_invoice on settlement_allocation (invoice_id);

create table settlement_conversion (
    id                      uuid primary key,      -- the client's idempotency key
    source_account_id       uuid not null references settlement_account (id),
    destination_account_id  uuid not null references settlement_account (id),
    amount_minor            bigint not null check (amount_minor > 0),  -- in the source currency
    requested_on            date not null,
    approval_reference      text not null,         -- the Authority's prior approval, or empty
    rate_base               char(3) not null,
    rate_quote              char(3) not null,
    rate                    numeric not null check (rate > 0),  -- one base unit in quote units
    rate_source             text not null,
    rate_date               date not null,
    spread_percent          numeric not null check (spread_percent >= 0 and spread_percent < 100),
    fee_minor               bigint not null check (fee_minor >= 0),  -- per execution, in the source currency
    status                  text not null check (status in ('APPROVED', 'HELD', 'PARTIALLY_EXECUTED', 'EXECUTED')),
    held_reason             text not null,         -- empty unless HELD
    executed_minor          bigint not null check (executed_minor >= 0 and executed_minor <= amount_minor),
    authorisation_ref       text not null,         -- what covered the request, or empty if held
    request                 text not null,
    recorded_at             timestamptz not null,
    recorded_by             text not null
);

create table settlement_conversion_execution (
    id                   uuid primary key,         -- the client's idempotency key
    conversion_id        uuid not null references settlement_conversion (id),
    source_account_id    uuid not null references settlement_account (id),
    value_date           date not null,
    amount_minor         bigint not null check (amount_minor > 0),   -- debited from the source
    fee_minor            bigint not null check (fee_minor >= 0),
    spread_minor         bigint not null check (spread_minor >= 0),
    fx_minor             bigint not null check (fx_minor > 0),       -- to the FX position, source currency
    target_minor         bigint not null check (target_minor > 0),   -- credited, target currency
    rate                 numeric not null,
    rate_source          text not null,
    rate_date            date not null,
    authorisation_id     uuid not null,
    authorisation_ref    text not null,
    lot_id               uuid not null references settlement_lot (id),
    request              text not null,
    recorded_at          timestamptz not null,
    recorded_by          text not null,
    check (fee_minor + spread_minor + fx_minor = amount_minor)
);
create index settlement_conversion_execution_source on settlement_conversion_execution (source_account_id, value_date);

create table settlement_transfer (
    id                      uuid primary key,      -- the client's idempotency key
    source_account_id       uuid not null references settlement_account (id),
    destination_account_id  uuid not null references settlement_account (id),
    amount_minor            bigint not null check (amount_minor > 0),
    value_date              date not null,
    approval_reference      text not null,
    authorisation_id        uuid not null,
    authorisation_ref       text not null,
    ledger_transfer_id      uuid not null,
    lot_id                  uuid not null references settlement_lot (id),
    request                 text not null,
    recorded_at             timestamptz not null,
    recorded_by             text not null
);
