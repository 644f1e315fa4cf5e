-- Credits the payer's bank announces in camt.054 notifications (issue 18). Each credit is kept once,
-- under the bank's own reference of it: DEPOSITED when it became a deposit on the restricted account
-- its remittance reference points to (through the deposit flow and its authorisation check), or
-- SUSPENDED when it could not: then its money sits in the channel's SUSPENSE account and an alert
-- stands until it is resolved. Numbered in the release/payments range because the payments import
-- writes it.

create table settlement_bank_credit (
    id                   uuid primary key,          -- derived from the key
    key                  text not null unique,      -- the bank's reference of the credit (AcctSvcrRef)
    message_id           text not null,             -- the camt.054 it came in
    account              text not null,             -- the account as the bank named it (IBAN or id)
    account_id           uuid references settlement_account (id),
    amount_minor         bigint not null check (amount_minor > 0),
    currency             char(3) not null,
    value_date           date not null,
    refs                 text not null,             -- the remittance references, one per line
    payer                text not null,
    status               text not null check (status in ('DEPOSITED', 'SUSPENDED', 'RESOLVED')),
    deposit_id           uuid,                      -- when it became (or was resolved into) a deposit
    reason               text,                      -- why it was suspended
    detail               text not null default '',
    suspense_transfer_id uuid,                      -- the ledger transfer into SUSPENSE
    recorded_at          timestamptz not null,
    recorded_by          text not null,
    resolved_at          timestamptz,
    resolved_by          text,
    check ((status = 'DEPOSITED') = (reason is null))
);
create index settlement_bank_credit_open on settlement_bank_credit (value_date) where status = 'SUSPENDED';
