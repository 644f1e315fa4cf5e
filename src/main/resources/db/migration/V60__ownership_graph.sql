-- Ownership graph for the 50 Percent Rule (domain.md 5.1, FR-22): parties, their owners with share
-- percentages or control, and explicit list designations. Edges and designations are append-only
-- versions: a correction is a newer row for the same key, which supersedes the older one; nothing
-- is updated or deleted. Every batch of changes is one row of ownership_batch and one audit entry.

create table ownership_batch (
    id           bigint primary key check (id > 0),   -- the graph version after this batch
    recorded_at  timestamptz not null,
    actor        text not null,
    origin       text not null,                       -- API, CSV file name, ...
    content_hash char(64) not null                    -- SHA-256 of the batch as given
);

create table ownership_party (
    id          text primary key check (id ~ '^[a-z0-9][a-z0-9._:-]{0,99}$'),
    name        text not null,
    kind        text not null check (kind in ('ENTITY', 'PERSON', 'VESSEL')),
    batch_id    bigint not null references ownership_batch (id)   -- batch of the last change
);
create index ownership_party_name on ownership_party (lower(name));

create table ownership_edge (
    id            bigserial primary key,
    batch_id      bigint not null references ownership_batch (id),
    owner_id      text not null references ownership_party (id),
    owned_id      text not null references ownership_party (id),
    kind          text not null check (kind in ('OWNERSHIP', 'CONTROL')),
    share_percent numeric(7, 4) check (share_percent >= 0 and share_percent <= 100),
    ended         boolean not null,
    source        text not null,
    as_of         date not null,
    check (owner_id <> owned_id),
    check ((kind = 'OWNERSHIP') = (share_percent is not null))
);
-- The current version of an edge is the newest row for its (owner, owned, kind).
create index ownership_edge_key on ownership_edge (owner_id, owned_id, kind, id desc);
create index ownership_edge_owned on ownership_edge (owned_id);

create table ownership_designation (
    id          bigserial primary key,
    batch_id    bigint not null references ownership_batch (id),
    party_id    text not null references ownership_party (id),
    list_name   text not null,
    entity_id   text not null,
    ended       boolean not null,
    source      text not null,
    as_of       date not null
);
create index ownership_designation_key on ownership_designation (party_id, list_name, entity_id, id desc);

create function ownership_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger ownership_edge_append_only
    before update or delete on ownership_edge
    for each row execute function ownership_is_append_only();
create trigger ownership_designation_append_only
    before update or delete on ownership_designation
    for each row execute function ownership_is_append_only();
create trigger ownership_batch_append_only
    before update or delete on ownership_batch
    for each row execute function ownership_is_append_only();
