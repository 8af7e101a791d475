#!/usr/bin/env bash
# Restores a dump made by backup.sh into a database, replacing what is there. Stop the services
# first (systemctl stop 'd58-*'), restore, start them again; the sweeper then republishes any
# report that was stored but not yet classified when the dump was taken.
#   d58-restore --db <libpq connection string or URL> <file.dump>
#   d58-restore <file.dump>          (local socket, database d58, as postgres)
set -euo pipefail
db=""
if [[ ${1:-} == --db ]]; then db=$2; shift 2; fi
file=${1:?usage: restore.sh [--db <conninfo>] <file.dump>}
pg_restore --list "$file" >/dev/null   # refuse anything that is not a readable custom-format dump
if [[ -z $db ]]; then
  su postgres -c "pg_restore --clean --if-exists --no-owner --role=d58 --exit-on-error --single-transaction --dbname=d58 '$file'"
else
  pg_restore --clean --if-exists --no-owner --exit-on-error --single-transaction --dbname="$db" "$file"
fi
echo "restored $file"
