-- Value dates and honest hold retries (issue 23). A future value date schedules the execution: the
-- request waits in SCHEDULED and the person who scheduled it is recorded, because the execution on
-- that day acts for them and is checked again as theirs. Each hold a request places gets an id of
-- its own (the ledger keeps a refused id's first answer for ever), counted by hold_attempts.

alter table release_request
    add column scheduled_by    text,
    add column scheduled_role  text,
    add column hold_attempts   integer not null default 0 check (hold_attempts >= 0);

create index release_request_scheduled on release_request (scheduled_on) where state = 'SCHEDULED';
