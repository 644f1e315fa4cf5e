-- Releases (issue 7; FR-16, FR-19, FR-21, FR-24 to FR-29): disbursement requests from a
-- beneficiary's request to an ISO 20022 payment. A request keeps what was submitted as JSON
-- (the document the beneficiary signed off) and its state in columns; every transition is a row.

create table release_request (
    id                  uuid primary key,
    reference           text not null unique,
    parent_reference    text,
    holder              text not null,
    account_id          uuid not null,
    amount_minor        bigint not null check (amount_minor >= 0),
    currency            char(3) not null,
    state               text not null check (state in
                            ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'APPROVED', 'SCHEDULED', 'EXECUTED',
                             'HELD', 'REJECTED', 'SPLIT')),
    reason              text,
    content             jsonb not null,
    content_sha256      char(64) not null,
    lines               jsonb not null,
    required_steps      text not null default '',
    submitted_by        text not null,
    submitted_at        timestamptz not null,
    business_date       date not null,
    hold_id             uuid,
    hold_authorisation  text,
    scheduled_on        date,
    updated_at          timestamptz not null
);
create index release_request_state on release_request (state);

create table release_transition (
    id          bigserial primary key,
    request_id  uuid not null references release_request (id),
    from_state  text,
    to_state    text not null,
    reason      text,
    detail      text not null default '',
    actor       text not null,
    role        text not null,
    at          timestamptz not null
);
create index release_transition_request on release_transition (request_id, id);

-- Typed documents, stored by content hash and versioned per request and type (FR-25).
create table release_document (
    request_id  uuid not null references release_request (id),
    type        text not null,
    version     int not null,
    name        text not null,
    sha256      char(64) not null,
    size_bytes  int not null,
    content     bytea not null,
    recorded_at timestamptz not null,
    primary key (request_id, type, version)
);

-- Screening hits on a request's parties (FR-24): name hits, ownership (50% rule) and vessels.
create table release_hit (
    id                  uuid primary key,
    request_id          uuid not null references release_request (id),
    party_role          text not null,
    party_name          text not null,
    party_key           text not null,
    source              text not null check (source in ('NAME', 'OWNERSHIP', 'VESSEL')),
    entity_key          text not null,
    entity_name         text not null,
    programmes          text not null default '',
    score               numeric(5, 4) not null,
    fingerprint         char(64) not null,
    why                 jsonb not null,
    state               text not null check (state in ('OPEN', 'FALSE_POSITIVE', 'TRUE_MATCH', 'ESCALATED')),
    proposed            text,
    first_by            text,
    first_role          text,
    first_rationale     text,
    first_at            timestamptz,
    second_by           text,
    second_role         text,
    second_rationale    text,
    second_at           timestamptz,
    superseded          boolean not null default false,
    opened_at           timestamptz not null,
    versions            jsonb not null default '{}'
);
create index release_hit_request on release_hit (request_id);
create index release_hit_state on release_hit (state);

-- A cleared hit is remembered per party, listed entity and listing fingerprint, so the same false
-- hit does not come back until the listing itself changes.
create table release_cleared_hit (
    party_key   text not null,
    entity_key  text not null,
    fingerprint char(64) not null,
    hit_id      uuid not null references release_hit (id),
    cleared_at  timestamptz not null,
    primary key (party_key, entity_key, fingerprint)
);

create table release_approval (
    request_id  uuid not null references release_request (id),
    step        text not null,
    actor       text not null,
    role        text not null,
    reference   text,
    note        text not null default '',
    at          timestamptz not null,
    primary key (request_id, step)
);

-- A party that a TRUE_MATCH rejected: the event RPT-5 reports, due within 10 business days.
create table release_rejection (
    id           bigserial primary key,
    request_id   uuid not null references release_request (id),
    hit_id       uuid not null references release_hit (id),
    party_role   text not null,
    party_name   text not null,
    reason       text not null,
    occurred_on  date not null,
    report_due_on date not null
);

-- The bank's own details of a restricted account, for the debtor side of a payment instruction.
create table release_paying_account (
    account_id  uuid primary key,
    iban        text not null,
    bic         text not null,
    name        text not null,
    recorded_at timestamptz not null
);

create table release_execution (
    request_id      uuid primary key references release_request (id),
    value_date      date not null,
    hold_id         uuid not null,
    post_id         uuid not null,
    authorisation   text not null,
    prior_approval  text,
    message_id      text not null,
    uetr            uuid not null,
    pacs008         text not null,
    executed_by     text not null,
    executed_at     timestamptz not null
);

-- Post-payment follow-up (FR-27): documents due after execution; overdue items escalate.
create table release_follow_up (
    request_id   uuid not null references release_request (id),
    kind         text not null,
    due_on       date not null,
    received_on  date,
    document_sha256 char(64),
    primary key (request_id, kind)
);
create index release_follow_up_due on release_follow_up (due_on) where received_on is null;
