-- Survey index drops already turned into hot-spot signals (deduplicated by the message's DropId).
create table survey_signals (
    drop_id uuid primary key,
    workplace_code text not null,
    wave text not null,
    dimension text not null,
    received_at timestamptz not null
);
