#!/usr/bin/env bash
# Pipeline throughput and latency, end to end (submit → classified → seen by Alerts → alert):
#   bench/pipeline/run.sh [count=20000]
# 1. the embedded default: one process (Dashboard hosting all four), SQLite, in-memory bus;
# 2. scaled out: Ingest, Classifier, Alerts as separate processes on RabbitMQ + PostgreSQL
#    (a scratch database and virtual host on D58_TEST_POSTGRES / D58_TEST_RABBITMQ, dropped after);
# 3. the ceilings: raw MassTransit publish → consume, in memory and on the same broker.
# Each pipeline is measured flat out (64 concurrent clients) and at a steady 500 reports/s.
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-20000}
: "${D58_TEST_POSTGRES:?source /work/main/.ci/.services.env (or .ci/.services.env) first}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for project in src/Dashboard src/Ingest src/Classifier src/Alerts; do dotnet build -c Release -v q -nologo "$project" >/dev/null; done
dotnet build -c Release -v q -nologo bench/pipeline/PipelineBench >/dev/null
bench=bench/pipeline/PipelineBench/bin/Release/net10.0/PipelineBench.dll
key=d58_bench_key_$$
work=$(mktemp -d)
pids=()
name=d58_bench_$$
mgmt=${D58_TEST_RABBITMQ_MANAGEMENT:-http://127.0.0.1:15672}
pgurl=$(python3 -c "import os;p=dict(x.split('=',1) for x in os.environ['D58_TEST_POSTGRES'].split(';') if '=' in x);print(f\"host={p.get('Host')} port={p.get('Port',5432)} user={p.get('Username')}\")")
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql "$pgurl dbname=postgres" -qc "drop database if exists $name with (force)" >/dev/null 2>&1 || true
  curl -s -u guest:guest -X DELETE "$mgmt/api/vhosts/$name" >/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
common=(env ASPNETCORE_ENVIRONMENT=Production Logging__File=none Serilog__MinimumLevel__Default=Warning Demo__Enabled=false
  Auth__BootstrapApiKey=$key RateLimits__PermitsPerSecond=1000000)
start() { # name url dll [env...]
  local label=$1 url=$2 dll=$3; shift 3
  "${common[@]}" "$@" dotnet "$dll" worker --urls "$url" >"$work/$label.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do curl -sf "$url/health/ready" >/dev/null && return 0; sleep 0.5; done
  echo "$label did not become ready; see $work/$label.log" >&2; cat "$work/$label.log" >&2; exit 1
}
stop_all() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; pids=(); }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/{print $2}') GiB"

echo "== embedded default (one process, SQLite, in-memory bus)"
sqlite="Data Source=$work/d58.db"
start embedded http://127.0.0.1:5958 src/Dashboard/bin/Release/net10.0/Dashboard.dll Storage__ConnectionString="$sqlite"
dotnet $bench load --url http://127.0.0.1:5958 --key $key --provider Sqlite --db "$sqlite" --count "$count" --concurrency 64 --run flat
dotnet $bench load --url http://127.0.0.1:5958 --key $key --provider Sqlite --db "$sqlite" --count 5000 --rate 500 --concurrency 64 --run r500
stop_all

echo "== scaled out (Ingest, Classifier, Alerts processes; RabbitMQ + PostgreSQL)"
psql "$pgurl dbname=postgres" -qc "create database $name"
curl -sf -u guest:guest -X PUT "$mgmt/api/vhosts/$name" >/dev/null
curl -sf -u guest:guest -X PUT -H 'content-type: application/json' -d '{"configure":".*","write":".*","read":".*"}' "$mgmt/api/permissions/$name/guest" >/dev/null
pg="$(python3 -c "import os;print(os.environ['D58_TEST_POSTGRES'])" | sed "s/Database=[^;]*/Database=$name/")"
rabbit=${D58_TEST_RABBITMQ:-127.0.0.1:5672}
scaled=(Storage__Provider=Postgres "Storage__ConnectionString=$pg" Bus__Transport=RabbitMq Bus__RabbitMq__Host=${rabbit%:*} Bus__RabbitMq__Port=${rabbit#*:} Bus__RabbitMq__VirtualHost=$name)
start ingest http://127.0.0.1:5960 src/Ingest/bin/Release/net10.0/Ingest.dll "${scaled[@]}"
start classifier http://127.0.0.1:5961 src/Classifier/bin/Release/net10.0/Classifier.dll "${scaled[@]}"
start alerts http://127.0.0.1:5962 src/Alerts/bin/Release/net10.0/Alerts.dll "${scaled[@]}"
dotnet $bench load --url http://127.0.0.1:5960 --key $key --provider Postgres --db "$pg" --count "$count" --concurrency 64 --run flat
dotnet $bench load --url http://127.0.0.1:5960 --key $key --provider Postgres --db "$pg" --count 5000 --rate 500 --concurrency 64 --run r500
stop_all

echo "== ceilings: MassTransit publish → consume on the in-memory transport and on the same RabbitMQ"
dotnet $bench ceiling --rabbit inmemory --vhost unused --count 200000
dotnet $bench ceiling --rabbit "$rabbit" --vhost $name --count 50000
