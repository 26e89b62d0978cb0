#!/usr/bin/env bash
# A private PostgreSQL for the exchange-node tests. Installs Debian's postgresql if missing and
# runs one cluster on 127.0.0.1 on a free port; stops it by the pid it recorded (never by name).
#   scripts/lib/postgres.sh start   # prints the JDBC URL; also written to $STATE/url
#   scripts/lib/postgres.sh stop    # stops the cluster and deletes its folders
# The cluster's data lives in a folder of its own under /var/tmp, created for this run and owned
# by the user the server runs as (postgres, when started as root): that user may not be able to
# enter the clone (a clone under /root or a `mktemp -d` folder is closed to it). The clone keeps
# only this script's state: the cluster's folder, its pid and URL.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STATE="${GBX_PG_STATE:-${GBX_NETWORK_DIR:-$ROOT/.network}/postgres}"
say() { printf '%s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

install_if_missing() {
  [ -n "$(bin_dir)" ] && return
  say "==> Installing PostgreSQL from Debian's packages"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  [ -n "$(bin_dir)" ] || die "the postgresql package installed no server under /usr/lib/postgresql"
}

# PostgreSQL refuses to run as root: run its tools as the postgres user the package created.
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# On failure: the server's own words, then stop.
fail_with_log() { # what log
  say "error: PostgreSQL $1; its log ($2) says:"
  tail -n 20 "$2" >&2 2>/dev/null || say "   (no log was written)"
  exit 1
}

cmd_start() {
  if [ -f "$STATE/pid" ] && kill -0 "$(cat "$STATE/pid")" 2>/dev/null; then cat "$STATE/url"; return; fi
  cmd_stop 2>/dev/null
  install_if_missing
  local bin port cluster; bin="$(bin_dir)"; port="$(free_port)"
  mkdir -p "$STATE"
  cluster=$(mktemp -d /var/tmp/gbx-postgres.XXXXXX)
  echo "$cluster" > "$STATE/cluster"
  mkdir -p "$cluster/sock"
  [ "$(id -u)" = 0 ] && chown -R postgres: "$cluster"
  say "==> Starting PostgreSQL ($bin) on 127.0.0.1:$port, data in $cluster"
  as_owner "$bin/initdb" -D "$cluster/data" -A trust -U gbx -E UTF8 --no-locale >"$STATE/initdb.log" 2>&1 \
    || fail_with_log "could not create its cluster (initdb)" "$STATE/initdb.log"
  as_owner "$bin/pg_ctl" -D "$cluster/data" -l "$cluster/postgres.log" -w -t 120 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $cluster/sock" start >/dev/null \
    || fail_with_log "did not start within 120 s" "$cluster/postgres.log"
  head -n 1 "$cluster/data/postmaster.pid" > "$STATE/pid"
  as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U gbx gbx \
    || fail_with_log "refused to create the database gbx" "$cluster/postgres.log"
  echo "jdbc:postgresql://127.0.0.1:$port/gbx?user=gbx" | tee "$STATE/url"
}

cmd_stop() {
  local cluster="" pid
  [ -f "$STATE/cluster" ] && cluster=$(cat "$STATE/cluster")
  if [ -f "$STATE/pid" ]; then
    pid="$(cat "$STATE/pid")"
    if kill -0 "$pid" 2>/dev/null; then
      say "==> Stopping PostgreSQL (pid $pid)"
      kill -TERM "$pid"
      local deadline=$((SECONDS + 60))
      while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.5; done
      kill -0 "$pid" 2>/dev/null && say "PostgreSQL (pid $pid) had not stopped 60 s after SIGTERM; its folder is kept: $cluster"
      kill -0 "$pid" 2>/dev/null && return 1
    fi
  elif [ -z "$cluster" ]; then
    say "No test PostgreSQL recorded in $STATE"
  fi
  case $cluster in /var/tmp/gbx-postgres.*) rm -rf "$cluster" ;; esac
  rm -rf "$STATE"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  *) say "usage: $0 start|stop"; exit 2 ;;
esac
