create table api_keys (
    id uuid primary key,
    name text not null,
    key_hash text not null unique,
    scopes text not null,
    created_at timestamptz not null,
    revoked_at timestamptz null
);
