-- requires: reports
-- Recounts report_daily_counts from reports ⋈ classifications (Ingest's table, hence the wait until it
-- exists). A full recount, so it is exact whenever it runs; bench/dashboard runs it after bulk inserts.
delete from report_daily_counts;
insert into report_daily_counts (day, workplace_code, topic, risk, reports)
select date(r.occurred_at, '+7 hours'), r.workplace_code, c.topic, c.risk, count(*)
from classifications c join reports r on r.id = c.report_id
group by date(r.occurred_at, '+7 hours'), r.workplace_code, c.topic, c.risk;
