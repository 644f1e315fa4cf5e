-- Owners and controllers of the ownership graph screened against the active lists (issue 23): a
-- hit counts as a listing for the ownership rules until a four-eyes review clears it. One row per
-- owner, owner name, list entry and listing content, so a repeated screening opens nothing twice
-- and a changed entry or a renamed owner opens a new hit.

create table ownership_owner_hit (
    id               uuid primary key,
    party_id         text not null references ownership_party (id),
    party_name       text not null,
    list_name        text not null,
    entity_id        text not null,
    entity_name      text not null,
    programmes       text not null default '',
    score            numeric(5, 4) not null check (score >= 0 and score <= 1),
    exact            boolean not null,         -- the name matched exactly or nearly so
    fingerprint      char(64) not null,        -- SHA-256 of the listing's content
    why              jsonb not null,           -- the screening's explanation, line by line
    list_versions    jsonb not null,
    state            text not null check (state in ('OPEN', 'FALSE_POSITIVE', 'TRUE_MATCH', 'ESCALATED')),
    proposed         text,
    first_by         text,
    first_role       text,
    first_rationale  text,
    first_at         timestamptz,
    second_by        text,
    second_role      text,
    second_rationale text,
    second_at        timestamptz,
    opened_at        timestamptz not null,
    opened_by        text not null,            -- the importer, or SYSTEM on a new list version
    unique (party_id, party_name, list_name, entity_id, fingerprint)
);
-- What the assessment asks for every upstream party: the hits that still count.
create index ownership_owner_hit_counting on ownership_owner_hit (party_id) where state <> 'FALSE_POSITIVE';
create index ownership_owner_hit_queue on ownership_owner_hit (state, opened_at);
