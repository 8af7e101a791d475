-- When the sweeper last republished a report still waiting for the classifier; it waits a grace
-- period after this (or after submitted_at) before publishing it again.
alter table reports add column swept_at timestamptz null;
