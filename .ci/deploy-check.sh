#!/usr/bin/env bash
# The bare-metal path, checked on this machine (no Docker engine, no systemd as PID 1):
#  1. the deploy scripts parse; the units pass `systemd-analyze verify` where available;
#  2. deploy/compose.yaml and deploy/debian give the services the same settings and secrets;
#  3. backup.sh and restore.sh round-trip a database on the running PostgreSQL (D58_TEST_POSTGRES)
#     through scratch databases that are dropped afterwards.
# Called by .ci/run after the servers are up (source .ci/.services.env first when run alone).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${D58_TEST_POSTGRES:?source .ci/.services.env first}"

echo "deploy-check: scripts"
for script in deploy/debian/*.sh; do bash -n "$script"; done
if command -v systemd-analyze >/dev/null; then
  for unit in deploy/debian/d58-ingest.service deploy/debian/d58-dashboard.service deploy/debian/d58-backup.service; do
    # Missing /opt/d58 binaries and the d58 user are expected on a build machine; syntax errors are not.
    out=$(systemd-analyze verify --man=no "$unit" 2>&1 | grep -vE "not found|No such file|d58|Failed to prepare|Command .* is not executable" || true)
    [[ -z $out ]] || { echo "$unit: $out" >&2; exit 1; }
  done
fi

echo "deploy-check: compose.yaml against deploy/debian"
/usr/bin/python3 - <<'PY'
import re, sys, yaml, pathlib
compose = yaml.safe_load(pathlib.Path("deploy/compose.yaml").read_text())
def keys(env): return {re.sub(r"_FILE$", "", k) for k in env}
debian_env = {l.split("=", 1)[0] for l in pathlib.Path("deploy/debian/d58.env").read_text().splitlines() if l and not l.startswith("#")}
problems = []
for service, unit in [("ingest", "d58-ingest"), ("classifier", "d58-classifier@"), ("alerts", "d58-alerts@"), ("dashboard", "d58-dashboard")]:
    text = pathlib.Path(f"deploy/debian/{unit}.service").read_text()
    unit_keys = set(debian_env)
    unit_keys |= {m for m in re.findall(r"^LoadCredential=([^:]+):", text, re.M)}
    for line in re.findall(r"^Environment=(.*)$", text, re.M):
        unit_keys |= {pair.split("=", 1)[0] for pair in line.split()}
    unit_keys -= {"Secrets__Directory", "Logging__File"}
    compose_keys = keys(compose["services"][service]["environment"])
    # Host names and URLs differ by design (container names vs loopback); the set of settings must not.
    for missing in sorted(compose_keys - unit_keys): problems.append(f"{unit}: compose sets {missing}, the unit does not")
    for missing in sorted(unit_keys - compose_keys): problems.append(f"{service}: the unit sets {missing}, compose does not")
if problems:
    print("\n".join(problems), file=sys.stderr); sys.exit(1)
print("  same settings in both")
PY

echo "deploy-check: backup and restore on PostgreSQL"
conninfo=$(/usr/bin/python3 - <<'PY'
import os
parts = dict(p.split("=", 1) for p in os.environ["D58_TEST_POSTGRES"].split(";") if "=" in p)
get = lambda *names: next((parts[n] for n in parts if n.lower() in names), None)
out = [f"host={get('host', 'server')}", f"port={get('port') or 5432}", f"user={get('username', 'user id', 'userid', 'user')}"]
if get('password'): out.append(f"password={get('password')}")
print(" ".join(out))
PY
)
suffix=$(date +%s)_$$
source_db="d58_deploycheck_src_$suffix"; target_db="d58_deploycheck_dst_$suffix"; dir=$(mktemp -d)
cleanup() { psql "$conninfo dbname=postgres" -qc "drop database if exists $source_db with (force)" -c "drop database if exists $target_db with (force)" >/dev/null; rm -rf "$dir"; }
trap cleanup EXIT
psql "$conninfo dbname=postgres" -v ON_ERROR_STOP=1 -qc "create database $source_db" -c "create database $target_db"
psql "$conninfo dbname=$source_db" -v ON_ERROR_STOP=1 -q <<'SQL'
create table reports (id uuid primary key, client_id text not null unique, text text not null, submitted_at timestamptz not null);
insert into reports select gen_random_uuid(), 'c-' || i, 'nợ lương tháng ' || i, now() - i * interval '1 minute' from generate_series(1, 1000) i;
SQL
dump=$(deploy/debian/backup.sh --db "$conninfo dbname=$source_db" --dir "$dir" --keep 2 | tail -1)
deploy/debian/restore.sh --db "$conninfo dbname=$target_db" "$dump" >/dev/null
fingerprint() { psql "$conninfo dbname=$1" -tAc "select count(*), md5(string_agg(client_id || text || submitted_at::text, ',' order by client_id)) from reports"; }
[[ $(fingerprint "$source_db") == $(fingerprint "$target_db") ]] || { echo "restored database differs from the source" >&2; exit 1; }
echo "  $(fingerprint "$target_db" | cut -d'|' -f1) rows restored identically from $(basename "$dump")"
echo "deploy-check: ok"
