-- Eligibility rules (FR-5, FR-17 to FR-20): each imported rule set is kept whole, as the JSON
-- document it arrived as, under a version number. The highest version is the active one; decisions
-- record the version they used, so old versions are never changed or removed.

create table eligibility_rule_set (
    version      integer primary key check (version > 0),
    name         text not null,
    source_name  text not null,
    content      text not null,
    sha256       char(64) not null,
    imported_at  timestamptz not null,
    imported_by  text not null
);

create function eligibility_rule_set_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'eligibility_rule_set is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger eligibility_rule_set_no_update_or_delete
    before update or delete on eligibility_rule_set
    for each row execute function eligibility_rule_set_is_append_only();
