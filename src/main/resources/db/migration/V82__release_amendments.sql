-- A material amendment voids the approvals taken (issue 15): they stay on record, marked void, and
-- the chain is taken again from its first step.
alter table release_approval drop constraint release_approval_pkey;
alter table release_approval add column id bigserial primary key;
alter table release_approval add column voided_at timestamptz;
alter table release_approval add column voided_by text;
create unique index release_approval_live_step on release_approval (request_id, step) where voided_at is null;
