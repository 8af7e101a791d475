-- requires: reports
-- Recounts report_daily_counts from reports ⋈ classifications (Ingest's table, hence the wait until it
-- exists). A full recount, so it is exact whenever it runs. The lock holds back classifiers already
-- counting until the recount commits; they then add only what it could not see.
lock table report_daily_counts in share row exclusive mode;
delete from report_daily_counts;
insert into report_daily_counts (day, workplace_code, topic, risk, reports)
select to_char(r.occurred_at at time zone 'UTC' + interval '7 hours', 'YYYY-MM-DD'), r.workplace_code, c.topic, c.risk, count(*)
from classifications c join reports r on r.id = c.report_id
group by 1, 2, 3, 4;
