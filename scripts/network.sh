#!/usr/bin/env bash
# The local gbx network: one Fabric CA, one Raft orderer and one peer per
# organisation, all native processes on 127.0.0.1 with TLS, plus each
# organisation's chaincode server.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$GBX_ROOT/scripts/lib/ca.sh"
source "$GBX_ROOT/scripts/lib/nodes.sh"
source "$GBX_ROOT/scripts/lib/channel.sh"

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
Logs:          $LOGS/<node>.log, rotated at ${GBX_LOG_MAX_BYTES:-10485760} bytes into <node>.log.1 ...
               (${GBX_LOG_KEEP:-5} kept; GBX_LOG_MAX_BYTES and GBX_LOG_KEEP change that)
USAGE
}

process_names() {
  local o
  for o in "${ORG_KEYS[@]}"; do echo "ca-$o"; done
  for o in "${ORG_KEYS[@]}"; do echo "orderer-$o"; done
  for o in "${ORG_KEYS[@]}"; do echo "peer-$o"; done
  for o in "${ORG_KEYS[@]}"; do echo "chaincode-$o"; done
}

all_ports() {
  local o l
  for o in "${ORG_KEYS[@]}"; do for l in "${!PORT_OFFSET[@]}"; do echo "$(port "$o" "$l") $o $l"; done; done | sort -n
}

running_count() { local n=0 p; for p in $(process_names); do pid_alive "$p" && n=$((n + 1)); done; echo $n; }

check_ports_free() {
  local busy=0 p o l owner
  while read -r p o l; do
    if port_in_use "$p"; then
      owner=$(port_owner "$p")
      say "error: port $p (for the $l of $o) is already in use${owner:+ by $owner}" >&2
      busy=1
    fi
  done < <(all_ports)
  [ $busy = 0 ] || die "free the port(s) above, or stop what holds them, then run 'up' again; nothing was started"
}

write_client_config() {
  local o first=1
  {
    printf '{\n  "channel": "%s",\n  "chaincode": "exchange",\n  "organisations": [\n' "$CHANNEL"
    for o in "${ORG_KEYS[@]}"; do
      [ $first = 1 ] || printf ',\n'; first=0
      printf '    {"key": "%s", "mspId": "%s", "name": "%s",\n' "$o" "${ORG_MSP[$o]}" "${ORG_NAME[$o]}"
      printf '     "peer": {"endpoint": "127.0.0.1:%s", "tlsRootCertPath": "%s"},\n' "$(port "$o" peer)" "$(tls_ca "$o")"
      if [ "${ORG_KIND[$o]}" = force ]; then
        printf '     "exchangeNode": {"endpoint": "127.0.0.1:%s", "tlsDir": "%s"},\n' \
          "$(port "$o" exchange-node)" "$(org_dir "$o")/exchange-node/tls"
      fi
      printf '     "usersPath": "%s"}' "$(org_dir "$o")/users"
    done
    printf '\n  ]\n}\n'
  } > "$NET/gbx-network.json"
}

cmd_up() {
  local running; running=$(running_count)
  if [ "$running" -gt 0 ]; then
    if [ "$running" -eq "$(process_names | wc -l)" ]; then
      say "The gbx network is already running ($running processes). 'scripts/network.sh status' shows them."
      exit 0
    fi
    die "the network is partly running ($running processes); run 'scripts/network.sh down' first"
  fi
  check_ports_free
  "$GBX_ROOT/scripts/build-fabric.sh"
  mkdir -p "$NET/config" "$PIDS" "$LOGS"
  local started=$SECONDS o

  step "Starting a Fabric CA per organisation"
  for o in "${ORG_KEYS[@]}"; do start_ca "$o"; done
  for o in "${ORG_KEYS[@]}"; do
    wait_for 120 "the CA of $o" ca_ready "$o" || die "CA of $o did not start (see $LOGS/ca-$o.log)"
  done
  for o in "${ORG_KEYS[@]}"; do enrol_org "$o"; done

  step "Starting orderers and peers"
  prepare_node_config
  make_channel_block
  for o in "${ORG_KEYS[@]}"; do start_orderer "$o"; start_peer "$o"; done
  for o in "${ORG_KEYS[@]}"; do
    wait_for 120 "the orderer of $o" healthy "$o" orderer-operations || die "orderer of $o is not healthy (see $LOGS/orderer-$o.log)"
    wait_for 120 "the peer of $o" healthy "$o" peer-operations || die "peer of $o is not healthy (see $LOGS/peer-$o.log)"
  done

  step "Channel $CHANNEL"
  for o in "${ORG_KEYS[@]}"; do join_orderer "$o"; done
  for o in "${ORG_KEYS[@]}"; do
    wait_for 120 "the peer of $o to join" join_peer "$o" || die "peer of $o could not join (see $LOGS/peer-cli.log)"
  done
  for o in "${ORG_KEYS[@]}"; do
    wait_for 120 "anchor peers on $o's peer" anchors_known "$o" || die "anchor peers missing in the channel config"
  done

  "$GBX_ROOT/scripts/deploy-chaincode.sh"

  step "Waiting until every peer discovers every organisation's peer"
  for o in "${ORG_KEYS[@]}"; do
    wait_for 120 "discovery on $o's peer" discovery_complete "$o" exchange || die "discovery incomplete on $o's peer"
  done
  write_client_config
  say "The gbx network is up ($((SECONDS - started)) s). Client config: $NET/gbx-network.json"
}

cmd_down() {
  local clean=no
  case "${1:-}" in --clean) clean=yes ;; "") ;; *) die "unknown option '$1' for down (use --clean)" ;; esac
  step "Stopping the gbx network"
  local p
  for p in $(process_names | tac); do stop_process "$p"; done
  if [ "$clean" = yes ]; then
    rm -rf "$NET"
    say "   deleted all generated state in $NET"
  fi
}

# Every process with a pid file: the network's own, then what else was started beside it
# (the demo's exchange nodes, for instance).
status_names() {
  local names f n
  names=$(process_names)
  printf '%s\n' "$names"
  for f in "$PIDS"/*.pid; do
    [ -e "$f" ] || continue
    n=$(basename "$f" .pid)
    grep -qx -- "$n" <<<"$names" || printf '%s\n' "$n"
  done
}

# One value of a node's Prometheus metrics (e.g. ledger_blockchain_height), read with the
# organisation admin's TLS certificate: /metrics answers no one else.
metric() { # org operations-listener metric-name
  local a; a="$(org_dir "$1")/users/admin/tls"
  curl -sf --cacert "$(tls_ca "$1")" --cert "$a/server.crt" --key "$a/server.key" \
    "https://127.0.0.1:$(port "$1" "$2")/metrics" 2>/dev/null |
    awk -v m="$3" -v c="channel=\"$CHANNEL\"" '$1 == m "{" c "}" { print $2; exit }'
}

node_state() { # name: "running, ..." for a live process
  local name=$1 kind=${1%-*} org=${1##*-} state=running height leader
  [ -n "${ORG_BASE[$org]:-}" ] || { echo "$state"; return; }
  case $kind in
    ca) ca_ready "$org" && state+=", answering on 127.0.0.1:$(port "$org" ca)" ;;
    orderer|peer)
      healthy "$org" "$kind-operations" && state+=", healthy"
      height=$(metric "$org" "$kind-operations" ledger_blockchain_height)
      [ -z "$height" ] || state+=", block height $height"
      if [ "$kind" = orderer ]; then
        leader=$(metric "$org" orderer-operations consensus_etcdraft_is_leader)
        [ "$leader" != 1 ] || state+=", Raft leader"
      fi ;;
    chaincode|exchange-node)
      port_in_use "$(port "$org" "$kind")" && state+=", listening on 127.0.0.1:$(port "$org" "$kind")" ;;
  esac
  echo "$state"
}

cmd_status() {
  local name
  printf '%-22s %-8s %s\n' NODE PID STATE
  for name in $(status_names); do
    if pid_alive "$name"; then
      printf '%-22s %-8s %s\n' "$name" "$(cat "$PIDS/$name.pid")" "$(node_state "$name")"
    else
      printf '%-22s %-8s %s\n' "$name" - stopped
    fi
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
  echo "export PATH=\"$FABRIC_BIN:\$PATH\""
  cli_env "$1" "$2" | sed -E 's/^([A-Z_]+)=(.*)$/export \1="\2"/'
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
