-- After the pacs.008 (issue 18): a release's payment is SENT, SETTLED, REJECTED or RETURNED as the
-- correspondent's messages say. Every bank message imported is kept once per kind and message id,
-- byte for byte with its digest, so that a repeat is recognised and never applied twice; every
-- effect it had on a release is an event that names the message and item that caused it.

alter table release_request drop constraint release_request_state_check;
alter table release_request add constraint release_request_state_check check (state in
    ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'APPROVED', 'SCHEDULED', 'EXECUTED', 'HELD', 'REJECTED', 'SPLIT',
     'SENT', 'SETTLED', 'RETURNED'));

create table release_payment_message (
    kind         text not null check (kind in ('pacs.002', 'pacs.004', 'camt.054')),
    message_id   text not null,
    sha256       char(64) not null,
    content      text not null,
    received_by  text not null,
    received_at  timestamptz not null,
    outcome      jsonb not null,                  -- what became of each item of the message
    primary key (kind, message_id)
);

create table release_payment_event (
    id             bigserial primary key,
    request_id     uuid not null references release_request (id),
    message_kind   text not null,
    message_id     text not null,
    item           text not null,                 -- the item of the message: status n, return id
    status         text not null,                 -- the ISO status (ACSC, RJCT, ...) or RETURN
    reason         text,                          -- the ISO reason code, if any
    amount_minor   bigint,                        -- money back to the restricted account
    charges_minor  bigint,                        -- withheld by banks, booked to FEES
    currency       char(3),
    value_date     date,
    transfers      text not null default '',      -- the ledger transfers it posted, comma-separated
    state_before   text not null,
    state_after    text not null,
    recorded_by    text not null,
    recorded_at    timestamptz not null,
    unique (message_kind, message_id, item)
);
create index release_payment_event_request on release_payment_event (request_id, id);
create index release_execution_uetr on release_execution (uetr);
create index release_execution_message on release_execution (message_id);
