-- Issue 16: a list version that drops more than the allowed share (CORRIDOR_LISTS_MAX_SHRINK) of
-- the active version's entities is stored quarantined (never active) until a second person
-- confirms it (it becomes active) or rejects it (it stays inactive for good). previous_id is the
-- version that was active at its import; a confirmation is refused once another has replaced it.

alter table screening_list_version
    add column quarantined boolean not null default false,
    add column decision    text check (decision in ('CONFIRMED', 'REJECTED')),
    add column decided_by  text,
    add column decided_at  timestamptz,
    add column decision_reason text,
    add constraint screening_list_decision_of_quarantined check (decision is null or quarantined);
