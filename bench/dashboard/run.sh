#!/usr/bin/env bash
# Page render time with 100,000 reports in the store (issue 6 target: every page under 300 ms p95).
#   bench/dashboard/run.sh [reports=100000] [requests-per-page=20]
# Starts the embedded default (Release) on a fresh SQLite file with the demo province, adds the
# reports straight into the store (reports + classifications, spread over 180 days and all workplaces;
# the dashboard's search index is not filled this way), signs in as the administrator (the widest
# scope) and times each page over loopback with curl (time to last byte, so server time plus a
# loopback round trip).
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-100000}; per=${2:-20}
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
/usr/bin/python3 - "$work/d58.db" "$count" <<'PY'
import sqlite3, sys, random, uuid, json, datetime
db, count = sys.argv[1], int(sys.argv[2])
random.seed(58)
con = sqlite3.connect(db, timeout=60)
codes = [r[0] for r in con.execute("select code from workplaces")]
topics = ["wages","social_insurance","working_time","safety_health","employment","management_conduct","living_conditions","union_relations","none"]
risks = ["none","low","low","elevated","critical"]
now = datetime.datetime.now(datetime.timezone.utc)
fmt = lambda t: t.strftime("%Y-%m-%dT%H:%M:%S.%f") + "0Z"
rows, cls = [], []
for i in range(count):
    rid = str(uuid.uuid4()); at = now - datetime.timedelta(minutes=random.randrange(180 * 24 * 60))
    topic, risk = random.choice(topics), random.choice(risks)
    rows.append((rid, f"bench-{i}", random.choice(codes), f"Bao cao thu {i}: cong nhan phan anh ve {topic}", "app", f"ctv-{i % 300}", fmt(at), fmt(at), "classified", fmt(at)))
    cls.append((rid, rows[-1][2], topic, risk, json.dumps({topic: 0.9}), json.dumps({risk: 0.9}), "[]", "bench", fmt(at)))
con.executemany("insert into reports (id, client_id, workplace_code, text, channel, reporter_ref, occurred_at, submitted_at, status, classified_at) values (?,?,?,?,?,?,?,?,?,?)", rows)
con.executemany("insert into classifications (report_id, workplace_code, topic, risk, topic_scores, risk_scores, explanation, model_version, classified_at) values (?,?,?,?,?,?,?,?,?)", cls)
con.commit()
print(f"store: {con.execute('select count(*) from reports').fetchone()[0]} reports")
PY
jar="$work/cookies"
token=$(curl -s -c "$jar" $url/Login | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -s -b "$jar" -c "$jar" -o /dev/null -d "UserName=admin&Password=$password&__RequestVerificationToken=$token" $url/Login
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
printf "%-28s %8s %8s %8s\n" page p50_ms p95_ms max_ms
for page in / /Alerts /HotSpots "/Reports" "/Reports?q=cong+nhan" /Network /Periodic /Surveys /Submit/Mine /Model; do
  curl -s -b "$jar" -o /dev/null "$url$page" # warm-up
  for _ in $(seq 1 "$per"); do curl -s -b "$jar" -o /dev/null -w "%{http_code} %{time_total}\n" "$url$page"; done > "$work/t"
  grep -qv "^200 " "$work/t" && { echo "$page answered $(grep -v '^200 ' "$work/t" | head -1 | cut -d' ' -f1)" >&2; }
  /usr/bin/python3 -c "
import sys
t=sorted(float(l.split()[1])*1000 for l in open('$work/t'))
p=lambda q: t[min(len(t)-1,int(q*len(t)))]
print(f'%-28s %8.0f %8.0f %8.0f' % ('$page', p(0.5), p(0.95), t[-1]))"
done
