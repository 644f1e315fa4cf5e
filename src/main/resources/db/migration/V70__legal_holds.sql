-- Legal holds (FR-34): a hold keeps the records of its subject beyond their retention period. A
-- hold is placed and released, never deleted; both are audited. Nothing in Corridor destroys
-- records: the retention query reports what has become eligible and what a hold keeps.

create table report_legal_hold (
    id             uuid primary key,
    subject        text not null check (length(subject) between 1 and 200),
    reason         text not null check (length(reason) between 1 and 2000),
    placed_by      text not null,
    placed_at      timestamptz not null,
    released_by    text,
    released_at    timestamptz,
    release_reason text,
    check ((released_at is null) = (released_by is null)),
    check ((released_at is null) = (release_reason is null))
);
create index report_legal_hold_subject on report_legal_hold (subject);
