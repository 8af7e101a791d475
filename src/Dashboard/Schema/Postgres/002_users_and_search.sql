-- A disabled user cannot sign in and loses any open session at its next check.
alter table users add column disabled integer not null default 0;

-- The folded (lower-case, diacritic-free) text of every stored report, so "no luong" finds "nợ lương".
-- 'simple' configuration: no stemming or stop words, which suit neither Vietnamese nor chat spellings.
create table report_search (
    report_id uuid primary key,
    indexed_at timestamptz not null,
    folded text not null,
    document tsvector generated always as (to_tsvector('simple', folded)) stored
);
create index ix_report_search_document on report_search using gin (document);
