#!/usr/bin/env bash
# Installs (from Debian's packages, if absent), starts and stops the real servers the tests use:
# PostgreSQL 15 and RabbitMQ on 127.0.0.1 only, no systemd. Prints the environment to export.
#   .ci/services.sh start   -> starts both, writes .ci/.services.env
#   .ci/services.sh stop
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
state="${D58_SERVICES_DIR:-/tmp/d58-services}"
pg_port="${D58_PG_PORT:-55432}"
rabbit_port="${D58_RABBIT_PORT:-5672}"

install_missing() {
  local need=()
  [ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql)
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || need+=(rabbitmq-server)
  { command -v chromium >/dev/null && command -v chromedriver >/dev/null; } || need+=(chromium chromium-driver)
  command -v curl >/dev/null || need+=(curl)
  if [ ${#need[@]} -gt 0 ]; then
    echo "[services] installing ${need[*]} from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${need[@]}" >/dev/null
  fi
}

start_postgres() {
  local data="$state/pg"
  if /usr/lib/postgresql/15/bin/pg_isready -q -h 127.0.0.1 -p "$pg_port" 2>/dev/null; then
    echo "[services] PostgreSQL already running on 127.0.0.1:$pg_port; using it"; return
  fi
  mkdir -p "$state"; chmod 755 "$state"
  if [ ! -f "$data/PG_VERSION" ]; then
    rm -rf "$data"; mkdir -p "$data"; chown postgres:postgres "$data"
    su postgres -s /bin/sh -c "/usr/lib/postgresql/15/bin/initdb -D '$data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
  fi
  touch "$state/.pg-started-here"
  su postgres -s /bin/sh -c "/usr/lib/postgresql/15/bin/pg_ctl -D '$data' -l '$data/server.log' -w -o \"-c listen_addresses=127.0.0.1 -p $pg_port -c unix_socket_directories=$data -c max_connections=300 -c fsync=off\" start" >/dev/null
  /usr/lib/postgresql/15/bin/pg_isready -h 127.0.0.1 -p "$pg_port" >/dev/null
  echo "[services] PostgreSQL ready on 127.0.0.1:$pg_port"
}

# The environment RabbitMQ runs with: loopback only, its files under $state.
rabbit_vars() {
  echo "HOME=/var/lib/rabbitmq RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT=$rabbit_port RABBITMQ_NODENAME=rabbit@localhost" \
       "ERL_EPMD_ADDRESS=127.0.0.1 RABBITMQ_MNESIA_BASE=$state/rabbit/mnesia RABBITMQ_LOG_BASE=$state/rabbit/log" \
       "RABBITMQ_ENABLED_PLUGINS_FILE=$state/rabbit/enabled_plugins"
}

start_rabbitmq() {
  if su rabbitmq -s /bin/sh -c "env $(rabbit_vars) /usr/lib/rabbitmq/bin/rabbitmqctl ping" >/dev/null 2>&1; then
    echo "[services] RabbitMQ already running; using it"; return
  fi
  touch "$state/.rabbit-started-here"
  mkdir -p "$state/rabbit/mnesia" "$state/rabbit/log"
  # The management plugin gives tests an HTTP API to create a virtual host per test run.
  echo "[rabbitmq_management]." > "$state/rabbit/enabled_plugins"
  echo "management.tcp.ip = 127.0.0.1" > "$state/rabbit/rabbitmq.conf"
  chown -R rabbitmq:rabbitmq "$state/rabbit"
  su rabbitmq -s /bin/sh -c "env $(rabbit_vars) RABBITMQ_CONFIG_FILE=$state/rabbit/rabbitmq /usr/lib/rabbitmq/bin/rabbitmq-server -detached"
  # -detached returns before the node registers with epmd; await_startup needs a node that exists.
  local tries=0
  until su rabbitmq -s /bin/sh -c "env $(rabbit_vars) /usr/lib/rabbitmq/bin/rabbitmqctl ping" >/dev/null 2>&1; do
    tries=$((tries + 1)); [ $tries -lt 120 ] || { echo "[services] RabbitMQ did not start" >&2; tail -30 "$state"/rabbit/log/*.log >&2; exit 1; }
    sleep 0.5
  done
  su rabbitmq -s /bin/sh -c "env $(rabbit_vars) /usr/lib/rabbitmq/bin/rabbitmqctl await_startup --timeout 120" >/dev/null
  echo "[services] RabbitMQ ready on 127.0.0.1:$rabbit_port (management on 127.0.0.1:15672)"
}

case "${1:-}" in
  start)
    install_missing
    start_postgres
    start_rabbitmq
    cat > "$here/.services.env" <<ENV
export D58_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"
export D58_TEST_RABBITMQ="127.0.0.1:$rabbit_port"
export D58_TEST_RABBITMQ_MANAGEMENT="http://127.0.0.1:15672"
export D58_TEST_CHROMIUM="$(command -v chromium)"
ENV
    ;;
  stop)
    # Stops only what `start` started, so a run beside already-running servers leaves them up.
    if [ -f "$state/.rabbit-started-here" ]; then
      su rabbitmq -s /bin/sh -c "env $(rabbit_vars) /usr/lib/rabbitmq/bin/rabbitmqctl stop" >/dev/null 2>&1 || true
      epmd -kill >/dev/null 2>&1 || true
      rm -f "$state/.rabbit-started-here"
    fi
    if [ -f "$state/.pg-started-here" ]; then
      su postgres -s /bin/sh -c "/usr/lib/postgresql/15/bin/pg_ctl -D '$state/pg' -m fast -w stop" >/dev/null 2>&1 || true
      rm -f "$state/.pg-started-here"
    fi
    echo "[services] stopped"
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
