#!/usr/bin/env bash
# Dumps the database in pg_dump's custom format (compressed, restorable table by table) and keeps
# the newest N dumps.
#   d58-backup [--db <libpq connection string or URL>] [--dir /var/backups/d58] [--keep 14]
# Without --db it connects as the postgres superuser over the local socket to database d58.
set -euo pipefail
db=""; dir=/var/backups/d58; keep=14
while [[ $# -gt 0 ]]; do
  case $1 in
    --db) db=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$dir"
file="$dir/d58-$(date -u +%Y%m%dT%H%M%SZ).dump"
if [[ -z $db ]]; then
  chown postgres "$dir"
  su postgres -c "pg_dump --format=custom --file='$file.partial' d58"
else
  pg_dump --format=custom --file="$file.partial" --dbname="$db"
fi
# Only a complete dump gets the final name, so a crash never leaves a truncated "backup".
mv "$file.partial" "$file"
ls -1t "$dir"/d58-*.dump | tail -n +$((keep + 1)) | xargs -r rm --
echo "$file"
