-- Survey index drops already turned into hot-spot signals (deduplicated by the message's DropId).
create table survey_signals (
    drop_id text primary key,
    workplace_code text not null,
    wave text not null,
    dimension text not null,
    received_at text not null
);
