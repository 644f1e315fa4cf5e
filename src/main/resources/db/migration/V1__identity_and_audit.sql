-- Foundation: users with hashed tokens, and the append-only, hash-chained audit trail.
-- Migration numbers are allotted by feature: V1-V9 foundation, V10-V19 ledger, V20-V29 screening,
-- V30-V39 authorisation, V40-V49 settlement, V50-V59 release and payments, V60-V69 ownership and
-- vessels, V70-V79 reports.

create table app_user (
    id          uuid primary key,
    name        text not null unique,
    role        text not null,
    disabled    boolean not null default false,
    created_at  timestamptz not null,
    disabled_at timestamptz
);

create table api_token (
    token_hash  char(64) primary key,       -- SHA-256 of the token; the clear token is never stored
    user_id     uuid not null references app_user (id),
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    revoked_at  timestamptz
);
create index api_token_user on api_token (user_id);

create table audit_entry (
    seq           bigint primary key check (seq > 0),
    recorded_at   timestamptz not null,
    actor         text not null,
    actor_role    text not null,
    action        text not null,
    subject       text not null,
    command       text not null,            -- canonical JSON, exactly as hashed
    outcome       text not null,            -- canonical JSON, exactly as hashed
    versions      text not null,            -- canonical JSON: rule-set and list versions used
    previous_hash char(64) not null,
    hash          char(64) not null unique
);
create index audit_entry_recorded_at on audit_entry (recorded_at);
create index audit_entry_subject on audit_entry (subject);

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_entry_no_update_or_delete
    before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();

create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();
