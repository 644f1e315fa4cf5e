-- Issue 21: an audit entry is written with the change it records, in the change's own transaction,
-- into this table, without taking the chain's lock; it is linked into audit_entry (sequence number,
-- previous hash, hash) in commit order by a short transaction of its own that chains every entry
-- committed meanwhile, so the chain's lock is held across one flush per group, not per operation.
-- A row lives here for milliseconds: until the next chaining, which also runs at start-up.
create table audit_pending (
    id          bigserial primary key,
    recorded_at timestamptz not null,
    actor       text not null,
    actor_role  text not null,
    action      text not null,
    subject     text not null,
    command     text not null,
    outcome     text not null,
    versions    text not null
);
