-- Sanctions list versions (FR-21): every import of a list is one version with its source, the
-- list's publication date, the SHA-256 of the files read, its counts and the delta against the
-- version it replaced. At most one version per list is active; screening uses the active ones.
-- The entities themselves are kept per version (gzip-compressed JSON) so that the screener can be
-- rebuilt from the database alone and any past decision can be replayed against its version.

create table screening_list_version (
    id            bigserial primary key,
    list          text not null check (list in ('OFAC_SDN', 'OFAC_NON_SDN', 'UN', 'UK', 'EU')),
    source        text not null,
    published_on  text not null,                      -- the list's own date, possibly partial or ''
    sha256        char(64) not null check (sha256 ~ '^[0-9a-f]{64}$'),
    entity_count  integer not null check (entity_count > 0),
    previous_id   bigint references screening_list_version (id),
    added_count   integer not null check (added_count >= 0),
    removed_count integer not null check (removed_count >= 0),
    changed_count integer not null check (changed_count >= 0),
    delta         jsonb not null,                     -- {"added": [ids], "removed": [ids], "changed": [ids]}
    imported_at   timestamptz not null,
    imported_by   text not null,
    active        boolean not null
);
create unique index screening_list_one_active on screening_list_version (list) where active;
create index screening_list_version_list on screening_list_version (list, id desc);

create table screening_list_snapshot (
    version_id bigint primary key references screening_list_version (id),
    encoding   text not null check (encoding = 'gzip-json'),
    entities   bytea not null
);
