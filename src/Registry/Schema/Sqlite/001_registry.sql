create table provinces (code text primary key, name text not null);
create table communes (code text primary key, name text not null, province_code text not null references provinces (code));
create table industrial_zones (code text primary key, name text not null, province_code text not null references provinces (code), commune_code text null references communes (code));
-- level: grassroots (CĐCS) | upper (directly above grassroots) | province (LĐLĐ)
-- an upper union covers an industrial zone or a commune; a workplace without a union falls under it
create table unions (
    code text primary key,
    name text not null,
    level text not null,
    parent_code text null references unions (code),
    province_code text not null references provinces (code),
    zone_code text null references industrial_zones (code),
    commune_code text null references communes (code)
);
-- level: commune | province; the committee responsible that is told of serious cases
create table committees (code text primary key, name text not null, level text not null, commune_code text null references communes (code), province_code text not null references provinces (code));
create table workplaces (
    code text primary key,
    tax_code text null,
    name text not null,
    sector text not null,
    ownership text not null,
    workforce integer not null default 0,
    province_code text not null references provinces (code),
    commune_code text null references communes (code),
    zone_code text null references industrial_zones (code),
    union_code text null references unions (code)
);
create index ix_workplaces_union on workplaces (union_code);
create table contacts (
    id text primary key,
    name text not null,
    role text not null,
    unit_kind text not null,
    unit_code text not null,
    email text null,
    phone text null,
    webhook_url text null
);
create index ix_contacts_unit on contacts (unit_kind, unit_code);
