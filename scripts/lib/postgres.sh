#!/usr/bin/env bash
# A private PostgreSQL for the exchange-node tests. Installs Debian's postgresql if missing,
# runs one cluster on 127.0.0.1 on a free port under an ignored folder, and stops it by the
# pid it recorded (never by name).
#   scripts/lib/postgres.sh start   # prints the JDBC URL; also written to $GBX_PG_DIR/url
#   scripts/lib/postgres.sh stop    # stops the cluster and deletes its folder
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR="${GBX_PG_DIR:-$ROOT/.network/postgres}"
say() { printf '%s\n' "$*" >&2; }

bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

install_if_missing() {
  [ -n "$(bin_dir)" ] && return
  say "==> Installing PostgreSQL from Debian's packages"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
}

# PostgreSQL refuses to run as root: run its tools as the postgres user the package created.
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

cmd_start() {
  if [ -f "$DIR/pid" ] && kill -0 "$(cat "$DIR/pid")" 2>/dev/null; then cat "$DIR/url"; return; fi
  install_if_missing
  local bin port; bin="$(bin_dir)"; port="$(free_port)"
  rm -rf "$DIR"; mkdir -p "$DIR/sock"
  [ "$(id -u)" = 0 ] && chown -R postgres "$DIR"
  say "==> Starting PostgreSQL ($bin) on 127.0.0.1:$port in $DIR"
  as_owner "$bin/initdb" -D "$DIR/data" -A trust -U gbx -E UTF8 --no-locale >/dev/null
  as_owner "$bin/pg_ctl" -D "$DIR/data" -l "$DIR/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $DIR/sock" start >/dev/null
  head -n 1 "$DIR/data/postmaster.pid" > "$DIR/pid"
  as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U gbx gbx
  echo "jdbc:postgresql://127.0.0.1:$port/gbx?user=gbx" | tee "$DIR/url"
}

cmd_stop() {
  [ -f "$DIR/pid" ] || { say "No test PostgreSQL recorded in $DIR"; return; }
  local pid; pid="$(cat "$DIR/pid")"
  if kill -0 "$pid" 2>/dev/null; then
    say "==> Stopping PostgreSQL (pid $pid)"
    kill -TERM "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  fi
  rm -rf "$DIR"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  *) say "usage: $0 start|stop"; exit 2 ;;
esac
