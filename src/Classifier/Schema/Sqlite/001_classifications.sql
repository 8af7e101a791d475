create table classifications (
    report_id text primary key,
    workplace_code text not null,
    topic text not null,
    risk text not null,
    topic_scores text not null,
    risk_scores text not null,
    explanation text not null,
    model_version text not null,
    classified_at text not null
);
create index ix_classifications_workplace on classifications (workplace_code, classified_at);
