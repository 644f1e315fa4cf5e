-- Authorisations (FR-1 to FR-4, FR-8, FR-30): the register of waivers and licences, the documents
-- they arrived as (stored once per SHA-256), and the usage recorded against them for caps and
-- threshold aggregation. Authorisations are never edited: a renewal is a new row naming its
-- predecessor.

create table authorisation_document (
    sha256      char(64) primary key,
    content     bytea not null,
    size_bytes  bigint not null check (size_bytes > 0),
    stored_at   timestamptz not null
);

create table authorisation (
    id                       uuid primary key,
    reference                text not null unique,
    type                     text not null
        check (type in ('WAIVER', 'GENERAL_LICENCE', 'SPECIFIC_LICENCE', 'CHANNEL_ASSURANCE')),
    series                   text not null,
    predecessor_id           uuid unique references authorisation (id),  -- unique: renewals form a chain
    issuer                   text not null,
    legal_basis              text not null,
    valid_from               date not null,                 -- inclusive, channel time zone
    valid_to                 date not null,                 -- inclusive, channel time zone
    permitted_purposes       text[] not null,
    permitted_movements      text[] not null,
    permitted_currencies     text[] not null,
    prohibited_currencies    text[] not null,
    permitted_locations      text[] not null,
    prior_approval_movements text[] not null,
    thresholds               text not null,                 -- JSON array
    caps                     text not null,                 -- JSON array
    conditions               text not null,
    document_sha256          char(64) references authorisation_document (sha256),
    document_name            text,
    recorded_at              timestamptz not null,
    recorded_by              text not null,
    check (valid_to >= valid_from),
    check ((document_sha256 is null) = (document_name is null))
);
create index authorisation_series on authorisation (series, valid_from);

create table authorisation_usage (
    authorisation_id      uuid not null references authorisation (id),
    movement_reference    text not null,
    kind                  text not null,
    execution_date        date not null,
    amount_minor          bigint not null check (amount_minor > 0),
    currency              char(3) not null,
    counter_amount_minor  bigint check (counter_amount_minor > 0),
    counter_currency      char(3),
    linked_payment_key    text,
    recorded_at           timestamptz not null,
    primary key (authorisation_id, movement_reference),
    check ((counter_amount_minor is null) = (counter_currency is null))
);
create index authorisation_usage_linked on authorisation_usage (linked_payment_key, execution_date)
    where linked_payment_key is not null;

-- Usage is evidence of what was executed under an authorisation: corrections are new rows, never edits.
create function authorisation_usage_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'authorisation_usage is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger authorisation_usage_no_update_or_delete
    before update or delete on authorisation_usage
    for each row execute function authorisation_usage_is_append_only();
