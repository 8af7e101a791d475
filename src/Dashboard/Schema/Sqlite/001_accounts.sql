-- role: one of Roles.All; unit_kind/unit_code: the unit whose data the user may see (null = the whole province)
create table users (
    id text primary key,
    user_name text not null unique,
    display_name text not null,
    password_hash text not null,
    role text not null,
    unit_kind text null,
    unit_code text null,
    failed_logins integer not null default 0,
    locked_until text null,
    created_at text not null
);

-- Every view of a report's full text (privacy by design): who, when, which report, from where.
create table audit_log (
    id text primary key,
    at text not null,
    actor text not null,
    action text not null,
    subject text not null
);
create index ix_audit_log_at on audit_log (at);
