create table api_keys (
    id text primary key,
    name text not null,
    key_hash text not null unique,
    scopes text not null,
    created_at text not null,
    revoked_at text null
);
