#!/usr/bin/env bash
# Installs Directive58Sentiment on one Debian 12 server: PostgreSQL 15 and RabbitMQ 3.10 from
# Debian's own packages, a `d58` system user, the services published by publish.sh under /opt/d58,
# secrets under /etc/d58/secrets (generated when absent), the systemd units, and a nightly backup.
#   sudo deploy/debian/install.sh artifacts/d58 [classifier-instances=2] [alerts-instances=1]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
artifacts=${1:?usage: install.sh <published folder> [classifiers] [alerts]}
classifiers=${2:-2}
alerts=${3:-1}
[[ $(id -u) == 0 ]] || { echo "run as root" >&2; exit 1; }

apt-get update
apt-get install -y postgresql rabbitmq-server openssl
rabbitmq-plugins enable rabbitmq_management   # the errors command and /api/queues use it (loopback only)

id d58 >/dev/null 2>&1 || useradd --system --home-dir /var/lib/d58 --create-home --shell /usr/sbin/nologin d58
install -d -m 0750 -o root -g d58 /etc/d58
install -d -m 0700 -o root -g root /etc/d58/secrets
secret() { [[ -s /etc/d58/secrets/$1 ]] || (umask 077; openssl rand -base64 33 | tr -d '/+=\n' > "/etc/d58/secrets/$1"); }
secret db-password; secret rabbitmq-password; secret bootstrap-api-key; secret admin-password
db_password=$(cat /etc/d58/secrets/db-password)
(umask 077; printf 'Host=127.0.0.1;Database=d58;Username=d58;Password=%s;Maximum Pool Size=50' "$db_password" > /etc/d58/secrets/db-connection)

# PostgreSQL: a login role and a database it owns; the services create their tables at start.
su postgres -c "psql -v ON_ERROR_STOP=1 -q" <<SQL
do \$\$ begin
  if not exists (select from pg_roles where rolname = 'd58') then create role d58 login; end if;
end \$\$;
alter role d58 password '$db_password';
SQL
su postgres -c "psql -tAc \"select 1 from pg_database where datname = 'd58'\"" | grep -q 1 || su postgres -c "createdb -O d58 d58"

# RabbitMQ: a virtual host and a user limited to it (guest stays loopback-only, as Debian ships it).
rabbitmqctl await_startup
rabbitmqctl list_vhosts -q | grep -qx d58 || rabbitmqctl add_vhost d58
rabbitmqctl list_users -q | grep -q '^d58\b' || rabbitmqctl add_user d58 "$(cat /etc/d58/secrets/rabbitmq-password)"
rabbitmqctl change_password d58 "$(cat /etc/d58/secrets/rabbitmq-password)"
rabbitmqctl set_permissions -p d58 d58 '.*' '.*' '.*'

# The services, the shared settings, the units.
for service in ingest classifier alerts dashboard; do
  rm -rf "/opt/d58/$service.new" && mkdir -p /opt/d58 && cp -a "$artifacts/$service" "/opt/d58/$service.new"
  rm -rf "/opt/d58/$service" && mv "/opt/d58/$service.new" "/opt/d58/$service"
done
install -m 0640 -o root -g d58 "$here/d58.env" /etc/d58/d58.env
install -m 0644 "$here"/d58-*.service "$here"/d58-backup.timer /etc/systemd/system/
install -m 0755 "$here/backup.sh" /usr/local/sbin/d58-backup
install -m 0755 "$here/restore.sh" /usr/local/sbin/d58-restore
systemctl daemon-reload
systemctl enable --now d58-ingest.service d58-dashboard.service d58-backup.timer
for i in $(seq 0 $((classifiers - 1))); do systemctl enable --now "d58-classifier@$i.service"; done
for i in $(seq 0 $((alerts - 1))); do systemctl enable --now "d58-alerts@$i.service"; done
echo "Installed. Bootstrap API key: /etc/d58/secrets/bootstrap-api-key; admin password: /etc/d58/secrets/admin-password."
echo "Put a TLS-terminating proxy in front of ports 5058 (dashboard) and 5060 (ingest): see deploy/README.md."
