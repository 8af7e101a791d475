-- For the dashboard, which reads reports newest first (the inbox, the week's count) and by reporter
-- (the collaborator network, "my reports"). The overview's and the periodic report's counts come from
-- the classifier's report_daily_counts, so they no longer scan reports by time.
create index ix_reports_occurred on reports (occurred_at);
create index ix_reports_reporter on reports (reporter_ref, occurred_at, workplace_code);
