# Shared settings and helpers for the network scripts. Sourced, not run.
GBX_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$GBX_ROOT/scripts/fabric-versions.sh"
NETCFG="$GBX_ROOT/network-config"
NET="${GBX_NETWORK_DIR:-$GBX_ROOT/.network}"
PIDS="$NET/pids"
LOGS="$NET/logs"
export PATH="$FABRIC_BIN:$PATH"
# Fabric's default log format without its colour codes, for every Fabric process started from
# here (nodes and tools): their output goes to log files.
export FABRIC_LOGGING_FORMAT='%{time:2006-01-02 15:04:05.000 MST} [%{module}] %{shortfunc} -> %{level:.4s} %{id:03x} %{message}'

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

# The port plan: port-base * 1000 + the listener's offset + a shift (GBX_PORT_SHIFT).
port_of() { # port-base shift listener
  [ -n "${PORT_OFFSET[$3]:-}" ] || die "unknown listener '$3'"
  echo $(( $1 * 1000 + ${PORT_OFFSET[$3]} + $2 ))
}

port() { # org listener: on the one-machine network
  [ -n "${ORG_BASE[$1]:-}" ] || die "unknown organisation '$1' (known: ${ORG_KEYS[*]})"
  port_of "${ORG_BASE[$1]}" "${GBX_PORT_SHIFT:-0}" "$2"
}

# Users of an organisation: lines "user fabric-type role".
org_users() { table identities.conf | awk -v k="${ORG_KIND[$1]}" '$1 == k { print $2, $3, $4 }'; }

# Prints a template with each ${NAME} replaced by the value the associative array (named by
# $2) holds for NAME; other text, ${...} of unknown names included, is left as it is.
render() { # file array-name
  local -n _render_values=$2
  local line name
  while IFS= read -r line || [ -n "$line" ]; do
    # The value is quoted: bash 5.2 would read an unquoted "&" in it as the text matched.
    for name in "${!_render_values[@]}"; do line=${line//"\${$name}"/"${_render_values[$name]}"}; done
    printf '%s\n' "$line"
  done < "$1"
}

# Appends a tool's output (stdin) to a log, as start_process does for nodes: no colour codes
# (configtxgen and the peer CLI write them whatever they are told), rotated by size.
append_log() { # log
  python3 "$GBX_ROOT/scripts/lib/logpipe.py" "$1" "${GBX_LOG_MAX_BYTES:-10485760}" "${GBX_LOG_KEEP:-5}"
}

# --- processes: started in their own session, remembered by pid -------------

pid_alive() { # name
  local f="$PIDS/$1.pid"
  [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null
}

# Each process writes through logpipe.py: no colour codes in the file, which is rotated by size
# (GBX_LOG_MAX_BYTES, default 10 MiB; GBX_LOG_KEEP rotated files, default 5). The pid kept
# is the process's own; logpipe ends when the process's output does.
start_process() { # name command...
  local name=$1; shift
  mkdir -p "$PIDS" "$LOGS"
  # logpipe's own output must not hold the caller's stdout open (a caller reading it would hang).
  setsid "$@" > >(exec python3 "$GBX_ROOT/scripts/lib/logpipe.py" "$LOGS/$name.log" \
    "${GBX_LOG_MAX_BYTES:-10485760}" "${GBX_LOG_KEEP:-5}" >/dev/null 2>>"$LOGS/logpipe.log") 2>&1 < /dev/null &
  echo $! > "$PIDS/$name.pid"
}

# SIGTERM, then up to GBX_STOP_SECONDS (default 30; a loaded machine shuts a peer down
# slowly) for the process to end before SIGKILL.
stop_process() { # name
  local f="$PIDS/$1.pid" pid limit=${GBX_STOP_SECONDS:-30}
  [ -f "$f" ] || return 0
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + limit))
    while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
      kill -9 "$pid" 2>/dev/null || true
      say "   stopped $1 (pid $pid) with SIGKILL: it had not ended ${limit}s after SIGTERM"
    else
      say "   stopped $1 (pid $pid)"
    fi
  fi
  rm -f "$f"
}

# Waits until a command succeeds, at most $1 seconds, trying again every half second. On
# timeout it says what it waited for and what the command last printed.
wait_for() { # seconds description command...
  local limit=$1 what=$2; shift 2
  local deadline=$((SECONDS + limit)) out
  until out=$("$@" 2>&1); do
    if [ $SECONDS -ge $deadline ]; then
      say "timed out after ${limit}s waiting for $what${out:+; the last check said:}" >&2
      [ -z "$out" ] || printf '%s\n' "$out" | tail -n 5 | sed 's/^/     /' >&2
      return 1
    fi
    sleep 0.5
  done
}

# Who listens on a TCP port on this machine, if anyone.
port_owner() { # port
  ss -Hltnp "sport = :$1" 2>/dev/null | head -1 | grep -oE 'users:\(\("[^"]+",pid=[0-9]+' | sed -E 's/users:\(\("([^"]+)",pid=([0-9]+)/\1 (pid \2)/'
}
port_in_use() { ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; }
