-- Classified reports per Vietnam calendar day (of occurred_at), workplace, topic and risk: what the
-- dashboard's overview and periodic report count, read from a few thousand rows instead of joining
-- every report with its classification. Kept in step by ClassifyReportConsumer in the transaction
-- that stores the classification (only reports, not survey comments: the rows of reports ⋈ classifications).
create table report_daily_counts (
    day text not null,
    workplace_code text not null,
    topic text not null,
    risk text not null,
    reports integer not null,
    primary key (day, workplace_code, topic, risk)
);
create index ix_report_daily_counts_workplace on report_daily_counts (workplace_code, day);
