#!/usr/bin/env bash
# The one-machine gbx network: every organisation's own kit (scripts/org.sh) run on this host,
# each in its own home (.network/orgs/<org>), every listener on 127.0.0.1: two Fabric CAs
# (enrolment, TLS), a Raft orderer, a peer and a chaincode server per organisation. The
# organisations' public parts are exported and imported among the homes as they would be sent
# between hosts (docs/deployment.md).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$NETCFG/chaincode/definition.conf"
source "$GBX_ROOT/scripts/lib/client-config.sh"
source "$GBX_ROOT/scripts/lib/one-machine.sh"
CHANNEL=$CHANNEL_NAME

usage() {
  cat <<USAGE
Usage: scripts/network.sh COMMAND

Commands:
  up             build Fabric if needed, start CAs, orderers, peers, create the
                 channel '$CHANNEL', deploy the chaincode, wait until ready
  down [--clean] stop exactly the processes 'up' started; --clean also deletes
                 all generated state (identities, ledgers, logs) in $NET
  status         show each node (and the exchange nodes started beside them), its
                 pid, health, block height and Raft leader
  logs [NODE] [-f]
                 without NODE: list the logs; with NODE (e.g. peer-zhuhai): print
                 its log, oldest rotated part first; -f follows it (every log
                 without NODE)
  client-config  rewrite the client settings $NET/gbx-network.json
  env ORG USER   print export lines so the stock 'peer' CLI acts as USER of ORG
                 e.g.  eval "\$(scripts/network.sh env zhuhai admin)"

Organisations: ${ORG_KEYS[*]}   (network-config/organisations.conf)
Each one's home: $NET/orgs/<org>   (scripts/org.sh --home DIR ... runs one alone)
Logs:          $LOGS/<node>.log, rotated at ${GBX_LOG_MAX_BYTES:-10485760} bytes into <node>.log.1 ...
               (${GBX_LOG_KEEP:-5} kept; GBX_LOG_MAX_BYTES and GBX_LOG_KEEP change that)
USAGE
}

process_names() {
  local o p
  for p in ca tlsca orderer peer chaincode; do for o in "${ORG_KEYS[@]}"; do echo "$p-$o"; done; done
}
running_count() { local n=0 p; for p in $(process_names); do pid_alive "$p" && n=$((n + 1)); done; echo $n; }

write_client_config() {
  local o entries=()
  for o in "${ORG_KEYS[@]}"; do entries+=("$(kit "$o" client-entry)"); done
  write_config "$NET/gbx-network.json" "${entries[@]}"
}

cmd_up() {
  local running; running=$(running_count)
  if [ "$running" -gt 0 ]; then
    if [ "$running" -eq "$(process_names | wc -l)" ]; then
      say "The gbx network is already running ($running processes). 'scripts/network.sh status' shows it."
      exit 0
    fi
    die "the network is partly running ($running processes); run 'scripts/network.sh down' first"
  fi
  local o busy=0
  for o in "${ORG_KEYS[@]}"; do
    if [ -d "$(org_home "$o")" ] && [ ! -f "$(org_home "$o")/org.conf" ]; then
      die "$NET holds a network of an older layout (one CA per organisation); 'scripts/network.sh down --clean' deletes it"
    fi
    kit "$o" init "$o" --address 127.0.0.1 --port-shift "${GBX_PORT_SHIFT:-0}" --logs "$LOGS" --pids "$PIDS" >/dev/null
  done
  for o in "${ORG_KEYS[@]}"; do kit "$o" check-ports || busy=1; done
  [ $busy = 0 ] || die "free the port(s) above, or stop what holds them, then run 'up' again; nothing was started"
  "$GBX_ROOT/scripts/build-fabric.sh"
  mkdir -p "$NET/config" "$NET/public" "$PIDS" "$LOGS"
  local started=$SECONDS block="$NET/config/$CHANNEL.block"

  step "Starting each organisation's Fabric CAs (enrolment and TLS)"
  each_org ca
  each_org identities

  step "Each organisation imports the others' public parts; ${ORG_NAME[${ORG_KEYS[0]}]} assembles the channel"
  for o in "${ORG_KEYS[@]}"; do kit "$o" export "$NET/public/$o.tar.gz" >/dev/null; done
  each_org import-all "$NET/public" >/dev/null
  [ -f "$block" ] || kit "${ORG_KEYS[0]}" channel-block "$block" >/dev/null
  each_org check-block "$block" >/dev/null

  step "Starting orderers and peers"
  each_org start
  step "Channel $CHANNEL"
  each_org join

  "$GBX_ROOT/scripts/deploy-chaincode.sh"

  step "Waiting until every peer discovers every organisation's peer"
  each_org wait-discovery
  write_client_config
  say "The gbx network is up ($((SECONDS - started)) s). Client config: $NET/gbx-network.json"
}

cmd_down() {
  local clean=no
  case "${1:-}" in --clean) clean=yes ;; "") ;; *) die "unknown option '$1' for down (use --clean)" ;; esac
  step "Stopping the gbx network"
  local o f
  for o in "${ORG_KEYS[@]}"; do [ ! -f "$(org_home "$o")/org.conf" ] || kit "$o" stop; done
  # Whatever else was started beside the network with a pid file here (e.g. a demo's exchange node).
  for f in "$PIDS"/*.pid; do [ -e "$f" ] && stop_process "$(basename "$f" .pid)"; done
  if [ "$clean" = yes ]; then
    rm -rf "$NET"
    say "   deleted all generated state in $NET"
  fi
}

# Every process with a pid file: each organisation's (its nodes, and what was started beside
# them in its name, such as the demo's exchange nodes), then anything else.
cmd_status() {
  local o out listed="" f n
  printf '%-22s %-8s %s\n' NODE PID STATE
  for o in "${ORG_KEYS[@]}"; do
    [ -f "$(org_home "$o")/org.conf" ] || continue
    out=$(kit "$o" status)
    printf '%s\n' "$out"
    listed+=" $(awk '{print $1}' <<<"$out" | tr '\n' ' ')"
  done
  for f in "$PIDS"/*.pid; do
    [ -e "$f" ] || continue
    n=$(basename "$f" .pid)
    [[ $listed == *" $n "* ]] && continue
    if pid_alive "$n"; then printf '%-22s %-8s %s\n' "$n" "$(cat "$f")" running; else printf '%-22s %-8s %s\n' "$n" - stopped; fi
  done
  [ "$(running_count)" -gt 0 ]
}

# A node's log, oldest rotated part first; -f follows it (or, without a node, every log).
cmd_logs() {
  local node="" follow=no a
  for a in "$@"; do
    case $a in -f|--follow) follow=yes ;; -*) die "unknown option '$a' for logs (use -f)" ;; *) node=$a ;; esac
  done
  if [ -z "$node" ]; then
    if [ $follow = yes ]; then exec tail -n 5 -F "$LOGS"/*.log; fi
    printf '%-24s %10s  %s\n' LOG BYTES "ROTATED PARTS"
    for a in "$LOGS"/*.log; do
      [ -e "$a" ] || { say "no logs yet in $LOGS"; return 0; }
      printf '%-24s %10s  %s\n' "$(basename "$a" .log)" "$(stat -c %s "$a")" "$(ls "$a".* 2>/dev/null | wc -l)"
    done
    return 0
  fi
  local log="$LOGS/$node.log"
  [ -f "$log" ] || die "no log for '$node' in $LOGS (logs: $(cd "$LOGS" 2>/dev/null && ls -- *.log 2>/dev/null | sed 's/\.log$//' | tr '\n' ' '))"
  if [ $follow = yes ]; then exec tail -n 20 -F "$log"; fi
  local part n=()
  for part in "$log".*; do [ -e "$part" ] && n+=("${part##*.}"); done
  for part in $(printf '%s\n' "${n[@]}" | sort -rn); do cat "$log.$part"; done
  cat "$log"
}

cmd_env() {
  [ $# -eq 2 ] || die "usage: scripts/network.sh env ORG USER   (ORG: ${ORG_KEYS[*]})"
  [ -n "${ORG_MSP[$1]:-}" ] || die "unknown organisation '$1' (known: ${ORG_KEYS[*]})"
  kit "$1" env "$2"
}

case "${1:-}" in
  up) shift; cmd_up "$@" ;;
  down) shift; cmd_down "$@" ;;
  status) shift; cmd_status "$@" ;;
  logs) shift; cmd_logs "$@" ;;
  env) shift; cmd_env "$@" ;;
  client-config) write_client_config; say "wrote $NET/gbx-network.json" ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
