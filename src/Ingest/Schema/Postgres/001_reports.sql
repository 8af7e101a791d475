-- status: received (stored, waiting for the classifier) | classified
create table reports (
    id uuid primary key,
    client_id text not null unique,
    workplace_code text not null,
    text text not null,
    channel text not null,
    reporter_ref text null,
    occurred_at timestamptz not null,
    submitted_at timestamptz not null,
    status text not null,
    classified_at timestamptz null
);
create index ix_reports_status on reports (status, submitted_at);
create index ix_reports_workplace on reports (workplace_code, occurred_at);
