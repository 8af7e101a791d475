-- What the detector knows of each classified report (its own copy: services write only their own tables).
create table report_signals (
    report_id uuid primary key,
    workplace_code text not null,
    topic text not null,
    risk text not null,
    reporter_ref text null,
    occurred_at timestamptz not null,
    received_at timestamptz not null
);
create index ix_report_signals_workplace on report_signals (workplace_code, occurred_at);

-- level: watch | warning | alarm; status: open | closed. One open hot spot per workplace.
create table hotspots (
    id uuid primary key,
    workplace_code text not null,
    level text not null,
    status text not null,
    reason text not null,
    opened_at timestamptz not null,
    updated_at timestamptz not null,
    closed_at timestamptz null,
    closed_by text null,
    outcome text null
);
create unique index ux_hotspots_open_per_workplace on hotspots (workplace_code) where status = 'open';

create table hotspot_evidence (
    hotspot_id uuid not null references hotspots (id),
    report_id uuid not null,
    added_at timestamptz not null,
    primary key (hotspot_id, report_id)
);

-- status: open | acknowledged | resolved
create table alerts (
    id uuid primary key,
    hotspot_id uuid not null references hotspots (id),
    workplace_code text not null,
    level text not null,
    title text not null,
    status text not null,
    trigger_report_id uuid null,
    raised_at timestamptz not null,
    due_at timestamptz not null,
    escalation_step integer not null default 0,
    acknowledged_at timestamptz null,
    acknowledged_by text null
);
create index ix_alerts_status on alerts (status, due_at);
create index ix_alerts_workplace on alerts (workplace_code, raised_at);

create table alert_recipients (
    alert_id uuid not null references alerts (id),
    unit_kind text not null,
    unit_code text not null,
    unit_name text not null,
    step integer not null,
    added_at timestamptz not null,
    primary key (alert_id, unit_kind, unit_code)
);
