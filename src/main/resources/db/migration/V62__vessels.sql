-- Vessels (domain.md 5.2, FR-23): particulars by IMO number, versioned like the ownership graph
-- (the newest row per IMO is current), and risk indicators supplied as data by a feed or an
-- analyst: AIS gaps, ship-to-ship transfers and flag changes. Both tables are append-only.

create table vessel (
    id                    bigserial primary key,
    imo                   char(7) not null check (imo ~ '^[0-9]{7}$'),
    name                  text not null,
    flag_state            char(2) check (flag_state ~ '^[A-Z]{2}$'),
    registered_owner_id   text,
    registered_owner_name text,
    manager_id            text,
    manager_name          text,
    source                text not null,
    recorded_at           timestamptz not null
);
create index vessel_imo on vessel (imo, id desc);
create index vessel_name on vessel (lower(name));

create table vessel_indicator (
    id             bigserial primary key,
    imo            char(7) not null check (imo ~ '^[0-9]{7}$'),
    kind           text not null check (kind in ('AIS_GAP', 'STS_TRANSFER', 'FLAG_CHANGE')),
    observed_on    date not null,
    duration_hours numeric(9, 2),
    area           text not null default '',
    counterpart    text not null default '',
    from_flag      text not null default '',
    to_flag        text not null default '',
    source         text not null,
    recorded_at    timestamptz not null
);
-- The same observation reported twice is one indicator.
create unique index vessel_indicator_once on vessel_indicator
    (imo, kind, observed_on, coalesce(duration_hours, -1), area, counterpart, from_flag, to_flag);

create trigger vessel_append_only
    before update or delete on vessel
    for each row execute function ownership_is_append_only();
create trigger vessel_indicator_append_only
    before update or delete on vessel_indicator
    for each row execute function ownership_is_append_only();
