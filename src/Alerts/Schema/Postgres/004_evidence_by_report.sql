-- Which hot spots a report is evidence for: the report page and "my reports" look this up per report.
create index ix_hotspot_evidence_report on hotspot_evidence (report_id);
