-- Compliance decisions on goods lines that eligibility escalated: a proposal to let a line go ahead
-- (ALLOW_PROPOSED), its confirmation by a second person (ALLOWED), a denial (DENIED), or the line
-- split off into a request of its own (SPLIT, naming that request). Append-only: who, when, why.
create table release_line_resolution (
    id          bigserial primary key,
    request_id  uuid not null references release_request (id),
    line        text not null,
    decision    text not null check (decision in ('ALLOW_PROPOSED', 'ALLOWED', 'DENIED', 'SPLIT')),
    reason      text not null,
    rationale   text not null,
    split_into  text,
    actor       text not null,
    actor_role  text not null,
    decided_at  timestamptz not null
);
create index release_line_resolution_request on release_line_resolution (request_id);
