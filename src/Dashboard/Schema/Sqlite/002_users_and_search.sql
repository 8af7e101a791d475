-- A disabled user cannot sign in and loses any open session at its next check.
alter table users add column disabled integer not null default 0;

-- The folded (lower-case, diacritic-free) text of every stored report, so "no luong" finds "nợ lương".
-- report_search says which reports are indexed; report_fts is the FTS5 index over the same text.
create table report_search (
    report_id text primary key,
    indexed_at text not null
);
create virtual table report_fts using fts5(report_id unindexed, folded, tokenize = 'unicode61');
