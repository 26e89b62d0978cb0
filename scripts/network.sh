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
  status         show each node, its pid and health
  client-config  rewrite the client settings $NET/gbx-network.json
  env ORG USER   print export lines so the stock 'peer' CLI acts as USER of ORG
                 e.g.  eval "\$(scripts/network.sh env zhuhai admin)"

Organisations: ${ORG_KEYS[*]}   (network-config/organisations.conf)
Logs:          $LOGS/<node>.log
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
        printf '     "exchangeNode": {"endpoint": "127.0.0.1:%s", "api": "127.0.0.1:%s", "tlsDir": "%s"},\n' \
          "$(port "$o" exchange-node)" "$(port "$o" exchange-node-api)" "$(org_dir "$o")/exchange-node/tls"
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
    wait_for 60 "the CA of $o" ca_ready "$o" || die "CA of $o did not start (see $LOGS/ca-$o.log)"
  done
  for o in "${ORG_KEYS[@]}"; do enrol_org "$o"; done

  step "Starting orderers and peers"
  prepare_node_config
  make_channel_block
  for o in "${ORG_KEYS[@]}"; do start_orderer "$o"; start_peer "$o"; done
  for o in "${ORG_KEYS[@]}"; do
    wait_for 60 "the orderer of $o" healthy "$o" orderer-operations || die "orderer of $o is not healthy (see $LOGS/orderer-$o.log)"
    wait_for 60 "the peer of $o" healthy "$o" peer-operations || die "peer of $o is not healthy (see $LOGS/peer-$o.log)"
  done

  step "Channel $CHANNEL"
  for o in "${ORG_KEYS[@]}"; do join_orderer "$o"; done
  for o in "${ORG_KEYS[@]}"; do
    wait_for 60 "the peer of $o to join" join_peer "$o" || die "peer of $o could not join (see $LOGS/peer-cli.log)"
  done
  for o in "${ORG_KEYS[@]}"; do
    wait_for 60 "anchor peers on $o's peer" anchors_known "$o" || die "anchor peers missing in the channel config"
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

cmd_status() {
  local o p state
  printf '%-22s %-8s %s\n' NODE PID STATE
  for o in "${ORG_KEYS[@]}"; do
    for p in ca orderer peer chaincode; do
      if pid_alive "$p-$o"; then
        state=running
        case $p in
          orderer) healthy "$o" orderer-operations && state="running, healthy" ;;
          peer) healthy "$o" peer-operations && state="running, healthy" ;;
        esac
        printf '%-22s %-8s %s\n' "$p-$o" "$(cat "$PIDS/$p-$o.pid")" "$state"
      else
        printf '%-22s %-8s %s\n' "$p-$o" - stopped
      fi
    done
  done
  [ "$(running_count)" -gt 0 ]
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
  env) shift; cmd_env "$@" ;;
  client-config) write_client_config; say "wrote $NET/gbx-network.json" ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
