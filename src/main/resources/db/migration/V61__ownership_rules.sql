-- Versioned rule sets for the ownership assessment (the minority threshold) and for vessel
-- screening (risk-indicator thresholds, high-risk flags, known ship-to-ship areas). A change is a
-- new version; a decision names the version it used. Version 0 is the built-in default.

create table ownership_rules (
    version     bigint primary key check (version > 0),
    rules       text not null,          -- canonical JSON
    source      text not null,          -- why and on whose authority
    recorded_at timestamptz not null,
    actor       text not null
);

create table vessel_rules (
    version     bigint primary key check (version > 0),
    rules       text not null,
    source      text not null,
    recorded_at timestamptz not null,
    actor       text not null
);

create trigger ownership_rules_append_only
    before update or delete on ownership_rules
    for each row execute function ownership_is_append_only();
create trigger vessel_rules_append_only
    before update or delete on vessel_rules
    for each row execute function ownership_is_append_only();
