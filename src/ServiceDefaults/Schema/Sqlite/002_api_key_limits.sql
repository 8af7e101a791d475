-- Per-key request rate (requests per second); null uses RateLimits:PermitsPerSecond.
-- Several keys may share a name: the name is the client, each key one installation or rotation.
alter table api_keys add column rate_per_second integer null;
