#!/usr/bin/env bash
# Page render time with 100,000 reports in the store (issue 6 target: every page under 300 ms p95).
#   bench/dashboard/run.sh [reports=100000] [requests-per-page=20] [hot-spots=300]
# Starts the embedded default (Release) on a fresh SQLite file with the demo province, fills the store
# with fill_store.py (reports + classifications over 180 days and all workplaces, the classifier's daily
# counts recounted by its own schema script, hot spots with evidence, alerts and case events; the
# dashboard's search index is not filled this way), signs in as the administrator (the widest scope)
# and times each page over loopback with curl (time to last byte, so server time plus a loopback
# round trip). The first request of each page is timed on its own (cold), then one per line.
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-100000}; per=${2:-20}; spots=${3:-300}
dotnet build -c Release -v q -nologo src/Dashboard >/dev/null
work=$(mktemp -d); url=http://127.0.0.1:5959; password=Bench-Mat-Khau-58
trap 'kill $pid 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
env ASPNETCORE_ENVIRONMENT=Development Logging__File=none Serilog__MinimumLevel__Default=Warning Demo__Enabled=true \
  Demo__CredentialsFolder="$work" Auth__BootstrapAdmin__UserName=admin Auth__BootstrapAdmin__Password=$password \
  Storage__ConnectionString="Data Source=$work/d58.db" \
  dotnet src/Dashboard/bin/Release/net10.0/Dashboard.dll --urls $url > "$work/app.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -sf $url/health/ready >/dev/null && break; sleep 0.5; done
sleep 5 # the demo seeding goes through the pipeline
/usr/bin/python3 bench/dashboard/fill_store.py "$work/d58.db" "$count" "$spots"
jar="$work/cookies"
token=$(curl -s -c "$jar" $url/Login | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -s -b "$jar" -c "$jar" -o /dev/null -d "UserName=admin&Password=$password&__RequestVerificationToken=$token" $url/Login
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-28s %8s %8s %8s %8s\n" page first_ms p50_ms p95_ms max_ms
for page in / /Alerts "/Alerts?view=mine" /HotSpots "/HotSpots?status=all" "/Reports" "/Reports?q=cong+nhan" /Network /Periodic /Surveys /Submit/Mine /Model; do
  first=$(curl -s -b "$jar" -o /dev/null -w "%{time_total}" "$url$page")
  for _ in $(seq 1 "$per"); do curl -s -b "$jar" -o /dev/null -w "%{http_code} %{time_total}\n" "$url$page"; done > "$work/t"
  grep -qv "^200 " "$work/t" && { echo "$page answered $(grep -v '^200 ' "$work/t" | head -1 | cut -d' ' -f1)" >&2; }
  # Nearest rank: p95 of 20 requests is the 19th fastest; max is the slowest.
  /usr/bin/python3 -c "
import math
t=sorted(float(l.split()[1])*1000 for l in open('$work/t'))
p=lambda q: t[max(0, math.ceil(q*len(t))-1)]
print(f'%-28s %8.0f %8.0f %8.0f %8.0f' % ('$page', $first*1000, p(0.5), p(0.95), t[-1]))"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
