-- Identity that no administrator can borrow (issue 15): a person is one user who may hold several
-- roles; agents are bound to holders; every change of identity waits for a second ADMIN; a user
-- gets access only by enrolling with a code that no single administrator knows whole.

create table user_role (
    user_id uuid not null references app_user (id),
    role    text not null,
    primary key (user_id, role)
);
insert into user_role (user_id, role) select id, role from app_user;
alter table app_user drop column role;

-- The holders (NIGC, TAVANIR) whose restricted accounts a BENEFICIARY_AGENT acts for.
create table user_holder (
    user_id uuid not null references app_user (id),
    holder  text not null,
    primary key (user_id, holder)
);

-- A proposed change of identity: it takes effect only when another ADMIN confirms it.
create table identity_change (
    id              uuid primary key,
    kind            text not null,
    subject         text not null,              -- the user's name
    details         text not null,              -- canonical JSON: roles, holders, lifetimes
    proposed_by     text not null,
    proposed_at     timestamptz not null,
    first_part_hash char(64),                   -- SHA-256 of the proposer's part of the enrolment code
    state           text not null check (state in ('PENDING', 'CONFIRMED', 'REJECTED')),
    decided_by      text,
    decided_at      timestamptz,
    decision_note   text
);
create index identity_change_state on identity_change (state, proposed_at);
-- A name is proposed for creation once at a time.
create unique index identity_change_one_pending_creation on identity_change (subject)
    where state = 'PENDING' and kind = 'CREATE_USER';

-- A single-use enrolment: the user exchanges the code (both parts) for a token of their own.
create table enrolment (
    id                  uuid primary key,
    user_id             uuid not null references app_user (id),
    change_id           uuid references identity_change (id),   -- none for the console's first ADMIN
    first_part_hash     char(64) not null unique,
    second_part_hash    char(64) not null,
    token_lifetime_days integer not null check (token_lifetime_days between 1 and 3650),
    created_at          timestamptz not null,
    expires_at          timestamptz not null,
    used_at             timestamptz,
    revoked_at          timestamptz
);
create index enrolment_user on enrolment (user_id);
