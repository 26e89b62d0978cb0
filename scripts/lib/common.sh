# Shared settings and helpers for the network scripts. Sourced, not run.
GBX_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$GBX_ROOT/scripts/fabric-versions.sh"
NETCFG="$GBX_ROOT/network-config"
NET="${GBX_NETWORK_DIR:-$GBX_ROOT/.network}"
PIDS="$NET/pids"
LOGS="$NET/logs"
export PATH="$FABRIC_BIN:$PATH"

say()  { printf '%s\n' "$*"; }
step() { printf '==> %s\n' "$*"; }
die()  { printf 'error: %s\n' "$*" >&2; exit 1; }

# Reads a config table, skipping comments and blank lines.
table() { grep -vE '^[[:space:]]*(#|$)' "$NETCFG/$1"; }

ORG_KEYS=()
declare -A ORG_MSP ORG_BASE ORG_KIND ORG_PLACE ORG_NAME
while read -r key msp base kind place name; do
  ORG_KEYS+=("$key"); ORG_MSP[$key]=$msp; ORG_BASE[$key]=$base; ORG_KIND[$key]=$kind; ORG_NAME[$key]=$name
  ORG_PLACE[$key]=$place
done < <(table organisations.conf)

declare -A PORT_OFFSET
while read -r listener offset; do PORT_OFFSET[$listener]=$offset; done < <(table ports.conf)

port() { # org listener
  [ -n "${ORG_BASE[$1]:-}" ] || die "unknown organisation '$1' (known: ${ORG_KEYS[*]})"
  [ -n "${PORT_OFFSET[$2]:-}" ] || die "unknown listener '$2'"
  echo $(( ${ORG_BASE[$1]} * 1000 + ${PORT_OFFSET[$2]} + ${GBX_PORT_SHIFT:-0} ))
}

# Users of an organisation: lines "user fabric-type role".
org_users() { table identities.conf | awk -v k="${ORG_KIND[$1]}" '$1 == k { print $2, $3, $4 }'; }

org_dir() { echo "$NET/orgs/$1"; }
tls_ca() { echo "$NET/orgs/$1/msp/tlscacerts/tlsca.pem"; }

# --- processes: started in their own session, remembered by pid -------------

pid_alive() { # name
  local f="$PIDS/$1.pid"
  [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null
}

start_process() { # name command...
  local name=$1; shift
  mkdir -p "$PIDS" "$LOGS"
  setsid "$@" >>"$LOGS/$name.log" 2>&1 < /dev/null &
  echo $! > "$PIDS/$name.pid"
}

stop_process() { # name
  local f="$PIDS/$1.pid" pid
  [ -f "$f" ] || return 0
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
    say "   stopped $1 (pid $pid)"
  fi
  rm -f "$f"
}

# Waits until a command succeeds, at most $1 seconds.
wait_for() { # seconds description command...
  local limit=$1 what=$2; shift 2
  local deadline=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || { say "timed out after ${limit}s waiting for $what" >&2; return 1; }
    sleep 1
  done
}

# Who listens on a TCP port on this machine, if anyone.
port_owner() { # port
  ss -Hltnp "sport = :$1" 2>/dev/null | head -1 | grep -oE 'users:\(\("[^"]+",pid=[0-9]+' | sed -E 's/users:\(\("([^"]+)",pid=([0-9]+)/\1 (pid \2)/'
}
port_in_use() { ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; }
