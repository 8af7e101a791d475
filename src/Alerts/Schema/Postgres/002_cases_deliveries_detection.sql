-- alerts.status gains "superseded": a stronger alert for the same hot spot replaced it (it no longer escalates).
-- A hot spot is about one unit: a workplace (the default) or an industrial zone, whose code is kept in
-- workplace_code; one open hot spot per unit.
alter table hotspots add column unit_kind text not null default 'workplace';
alter table hotspots add column assigned_to text null;
alter table hotspots add column outcome_note text null;
drop index ux_hotspots_open_per_workplace;
create unique index ux_hotspots_open_per_unit on hotspots (unit_kind, workplace_code) where status = 'open';

alter table alerts add column unit_kind text not null default 'workplace';
-- 1 once the last unit of the chain has been told: nothing left to escalate to.
alter table alerts add column top_reached integer not null default 0;
create index ix_alerts_due on alerts (status, top_reached, due_at);

-- Every attempt to reach a contact over a channel. status: sent | failed | skipped.
create table alert_deliveries (
    id uuid primary key,
    alert_id uuid not null references alerts (id),
    escalation_step integer not null,
    unit_kind text not null,
    unit_code text not null,
    contact_id uuid null,
    channel text not null,
    address text null,
    attempt integer not null,
    status text not null,
    error text null,
    at timestamptz not null
);
create index ix_alert_deliveries_alert on alert_deliveries (alert_id, at);

-- A hot spot's timeline. kind: opened | raised | escalated | acknowledged | assigned | note | resolved | reopened
create table case_events (
    id uuid primary key,
    hotspot_id uuid not null references hotspots (id),
    kind text not null,
    actor text null,
    detail text null,
    at timestamptz not null
);
create index ix_case_events_hotspot on case_events (hotspot_id, at);

-- One row per unit and local day the daily detector has evaluated: running twice changes nothing.
create table detection_runs (
    unit_kind text not null,
    unit_code text not null,
    day text not null,
    count double precision not null,
    c1 integer not null,
    c2 integer not null,
    c3 integer not null,
    verdict text null,
    at timestamptz not null,
    primary key (unit_kind, unit_code, day)
);

-- Workplaces whose active collaborators all fell silent: a blind spot, not a grievance.
create table silent_workplaces (
    workplace_code text not null,
    silent_since timestamptz not null,
    last_report_at timestamptz not null,
    active_reporters integer not null,
    flagged_at timestamptz not null,
    cleared_at timestamptz null,
    primary key (workplace_code, silent_since)
);
