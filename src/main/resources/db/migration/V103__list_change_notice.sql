-- Issue 21: every server caches the active sanctions list versions. A change of which version is
-- active notifies the channel corridor_lists (delivered when the change commits), so that the
-- other servers on the same database reload within a second instead of at their next check.
create function screening_list_version_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('corridor_lists', '');
    return null;
end $$;

create trigger screening_list_version_changed
    after insert or update on screening_list_version
    for each statement execute function screening_list_version_notify();
