"""Fills the bench's SQLite store (bench/dashboard/run.sh): reports with their classifications, the
classifier's daily counts, and hot spots with evidence, alerts, recipients and case events.

Rows go straight into the tables (the pipeline would take minutes for 100,000 reports). The daily
counts are then recounted by the classifier's own schema script (004), the SQL every upgraded store
runs, so the overview reads what the application would have kept. Seeded: every run is the same store.
"""
import sqlite3, sys, random, uuid, json, datetime, pathlib

db, count, spots = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
recount = pathlib.Path(__file__).resolve().parents[2] / "src/Classifier/Schema/Sqlite/004_report_daily_counts_backfill.sql"
random.seed(58)
con = sqlite3.connect(db, timeout=60, isolation_level=None)
workplaces = {code: union for code, union in con.execute("select code, union_code from workplaces")}
codes = sorted(workplaces)
topics = ["wages", "social_insurance", "working_time", "safety_health", "employment", "management_conduct", "living_conditions", "union_relations", "none"]
risks = ["none", "low", "low", "elevated", "critical"]
now = datetime.datetime.now(datetime.timezone.utc)
fmt = lambda t: t.strftime("%Y-%m-%dT%H:%M:%S.%f") + "0Z"
minutes = 180 * 24 * 60

con.execute("begin immediate")
rows, cls, by_workplace = [], [], {}
for i in range(count):
    rid = str(uuid.uuid4()); at = now - datetime.timedelta(minutes=random.randrange(minutes))
    topic, risk, code = random.choice(topics), random.choice(risks), random.choice(codes)
    rows.append((rid, f"bench-{i}", code, f"Bao cao thu {i}: cong nhan phan anh ve {topic}", "app", f"ctv-{i % 300}", fmt(at), fmt(at), "classified", fmt(at)))
    cls.append((rid, code, topic, risk, json.dumps({topic: 0.9}), json.dumps({risk: 0.9}), "[]", "bench", fmt(at)))
    by_workplace.setdefault(code, []).append((at, rid))
con.executemany("insert into reports (id, client_id, workplace_code, text, channel, reporter_ref, occurred_at, submitted_at, status, classified_at) values (?,?,?,?,?,?,?,?,?,?)", rows)
con.executemany("insert into classifications (report_id, workplace_code, topic, risk, topic_scores, risk_scores, explanation, model_version, classified_at) values (?,?,?,?,?,?,?,?,?)", cls)
con.execute("commit")
# executescript would commit an open transaction first: the recount's own begin/commit keeps it one transaction.
con.executescript("begin immediate;\n" + recount.read_text(encoding="utf-8") + "\ncommit;")

# Hot spots: the latest of a third of the workplaces stays open (one open per workplace, as the unique
# index demands; the demo's own open ones are kept), the rest were resolved with an outcome.
# Each has 5-15 evidence reports, one alert (two when its level was raised) and a timeline.
outcomes = ["settled_by_dialogue", "arrears_paid", "referred_to_inspectors", "employer_commitment", "unfounded", "other"]
levels, reasons = ["watch", "warning", "warning", "alarm"], {"watch": "ears-c2", "warning": "elevated-reporters", "alarm": "critical-report"}
deadline = {"watch": 72, "warning": 24, "alarm": 4}
already_open = {c for (c,) in con.execute("select workplace_code from hotspots where status = 'open'")}
for list_ in by_workplace.values(): list_.sort()
con.execute("begin immediate")
spot_rows, evidence, alerts, recipients, events = [], [], [], [], []
opened_at = sorted((now - datetime.timedelta(minutes=random.randrange(minutes)), random.choice(codes)) for _ in range(spots))
latest = {code: at for at, code in opened_at}
for at, code in opened_at:
    hid, level = str(uuid.uuid4()), random.choice(levels)
    is_open = latest[code] == at and code not in already_open and int(code[-3:]) % 3 == 0
    closed = None if is_open else min(now, at + datetime.timedelta(hours=random.randrange(6, 24 * 20)))
    assigned = random.choice(["admin", "cdcs", "kcn", None, None])
    spot_rows.append((hid, code, level, "open" if is_open else "closed", reasons[level], fmt(at), fmt(closed or at), fmt(closed) if closed else None,
                      None if is_open else "admin", None if is_open else random.choice(outcomes), assigned))
    near = [rid for t, rid in by_workplace.get(code, []) if at - datetime.timedelta(days=7) <= t <= at][-random.randrange(5, 16):]
    evidence += [(hid, rid, fmt(at)) for rid in near]
    events.append((str(uuid.uuid4()), hid, "opened", None, f"{level}: {reasons[level]}", fmt(at)))
    if assigned: events.append((str(uuid.uuid4()), hid, "assigned", "admin", assigned, fmt(at + datetime.timedelta(hours=1))))
    if closed: events.append((str(uuid.uuid4()), hid, "resolved", "admin", spot_rows[-1][9], fmt(closed)))
    raised = [level] if level == "watch" or random.random() < 0.7 else ["warning", "alarm"]
    for step, alert_level in enumerate(raised):
        aid, raised_at = str(uuid.uuid4()), at + datetime.timedelta(hours=step * 6)
        last = step == len(raised) - 1
        status = "superseded" if not last else ("open" if is_open and random.random() < 0.5 else "acknowledged")
        acked = raised_at + datetime.timedelta(hours=random.randrange(1, 30)) if status == "acknowledged" else None
        alerts.append((aid, hid, code, alert_level, f"Bench: {code} — {alert_level}", status, near[-1] if near else None, fmt(raised_at),
                       fmt(raised_at + datetime.timedelta(hours=deadline[alert_level])), 0 if acked is None else random.randrange(0, 2),
                       fmt(acked) if acked else None, "admin" if acked else None))
        units = [("union", workplaces[code])] if workplaces[code] else []
        units += [("union", "ldld-bac-ninh")] if alert_level == "alarm" or not units else []
        recipients += [(aid, kind, unit, unit, 0, fmt(raised_at)) for kind, unit in units]
con.executemany("insert into hotspots (id, workplace_code, level, status, reason, opened_at, updated_at, closed_at, closed_by, outcome, assigned_to) values (?,?,?,?,?,?,?,?,?,?,?)", spot_rows)
con.executemany("insert or ignore into hotspot_evidence (hotspot_id, report_id, added_at) values (?,?,?)", evidence)
con.executemany("insert into alerts (id, hotspot_id, workplace_code, level, title, status, trigger_report_id, raised_at, due_at, escalation_step, acknowledged_at, acknowledged_by) values (?,?,?,?,?,?,?,?,?,?,?,?)", alerts)
con.executemany("insert or ignore into alert_recipients (alert_id, unit_kind, unit_code, unit_name, step, added_at) values (?,?,?,?,?,?)", recipients)
con.executemany("insert into case_events (id, hotspot_id, kind, actor, detail, at) values (?,?,?,?,?,?)", events)
con.execute("commit")
print("store: " + ", ".join(f"{con.execute(f'select count(*) from {t}').fetchone()[0]} {t}" for t in
      ["reports", "report_daily_counts", "hotspots", "hotspot_evidence", "alerts", "case_events"]))
