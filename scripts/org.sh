#!/usr/bin/env bash
# One organisation's kit, run by that organisation's operator on its own host, in its own folder
# (the home): its CAs, identities, peer, orderer, chaincode server and exchange node. Only public
# parts leave the home (export); what arrives from the others is checked (import, check-block).
# The one-machine network (scripts/network.sh) runs these same steps for every organisation.
# docs/deployment.md walks through them.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$GBX_ROOT/scripts/lib/kit.sh"
source "$GBX_ROOT/scripts/lib/ca.sh"
source "$GBX_ROOT/scripts/lib/channel.sh"
source "$GBX_ROOT/scripts/lib/nodes.sh"
source "$GBX_ROOT/scripts/lib/chaincode.sh"
source "$GBX_ROOT/scripts/lib/client-config.sh"

usage() {
  cat <<USAGE
Usage: scripts/org.sh --home DIR COMMAND [ARGS]     (or GBX_ORG_HOME=DIR)

Set up (once, in this order):
  init ORG [--address IP] [--host NAME] [--port-shift N] [--logs DIR] [--pids DIR]
                       settings of ORG (${ORG_KEYS[*]}) in DIR/org.conf; every listener binds
                       to IP (127.0.0.1), the others dial NAME (IP)
  ca                   start the enrolment CA and the TLS CA; wait until both answer
  identities           create the node and user identities, their keys and TLS certificates
  export FILE          write the public parts (certificates, endpoints; no key) to FILE and
                       print their fingerprints, to send to the other organisations
  import FILE [--expect-ca SHA256] [--expect-tlsca SHA256] [--replace]
                       check another organisation's export and keep it under DIR/partners/
  channel-block FILE   (the organisation that assembles the channel) the genesis block from
                       this organisation and every partner imported
  check-block FILE     check a genesis block against what was imported; keep it
Run:
  start | stop         this organisation's nodes (start: CAs, orderer, peer, and the
                       chaincode server once the chaincode is committed)
  join                 its orderer and its peer join the channel, with its own admin
  chaincode-install JAR   package the chaincode for its peer, install it
  chaincode-approve JAR   its admin approves the definition of the jar's version
  chaincode-commit JAR    commit the definition the organisations approved
  chaincode-serve JAR     run its chaincode server for the committed version
  register-forces      (the committee) register every force of the channel on the ledger
  client-config        write DIR/gbx-network.json for its own users
  client-entry         print its entry of a connection config (JSON)
  import-all DIR       import every other organisation's export found in DIR (DIR/<org>.tar.gz)
  exchange-node start|stop [gbx node start options]   (forces) its exchange node
  check-ports          fail, naming them, if ports of its stopped processes are taken
Look:
  status               its processes, their pids and health
  env USER             export lines so the stock peer CLI acts as USER
  wait-discovery       wait until its peer sees every organisation's peer with the chaincode
  chain-info           height and newest block hash on its peer
USAGE
}

home=${GBX_ORG_HOME:-}
if [ "${1:-}" = --home ]; then home=${2:?--home needs a folder}; shift 2; fi
command=${1:-}; shift || true
case $command in ""|-h|--help|help) usage; exit 0 ;; esac
[ -n "$home" ] || { usage >&2; exit 2; }

cmd_init() {
  local org=${1:?init needs the organisation (${ORG_KEYS[*]})} address=127.0.0.1 host="" shift=${GBX_PORT_SHIFT:-0} logs="" pids=""
  shift
  while [ $# -gt 0 ]; do
    case $1 in
      --address) address=$2; shift 2 ;;
      --host) host=$2; shift 2 ;;
      --port-shift) shift=$2; shift 2 ;;
      --logs) logs=$2; shift 2 ;;
      --pids) pids=$2; shift 2 ;;
      *) die "unknown option '$1' for init" ;;
    esac
  done
  kit_init "$home" "$org" "$address" "${host:-$address}" "$shift" "$logs" "$pids"
}

# The listeners of each of this organisation's processes.
declare -A LISTENERS=([ca]="ca ca-operations" [tlsca]="tls-ca tls-ca-operations"
  [orderer]="orderer orderer-admin orderer-operations" [peer]="peer peer-chaincode peer-operations"
  [chaincode]="chaincode" [exchange-node]="exchange-node")

# Says which ports of the given processes (those not running) another process holds; fails
# if any is taken.
check_ports() { # process...
  local process l p owner busy=0
  for process in "$@"; do
    pid_alive "$process-$ORG" && continue
    for l in ${LISTENERS[$process]}; do
      p=$(own_port "$l")
      if port_in_use "$p"; then
        owner=$(port_owner "$p")
        say "error: port $p (for the $l of $ORG) is already in use${owner:+ by $owner}" >&2
        busy=1
      fi
    done
  done
  return $busy
}

cmd_ca() {
  local which
  for which in ca tlsca; do pid_alive "$(ca_name "$which")" || start_ca "$which"; done
  for which in ca tlsca; do
    wait_for 120 "$(ca_name "$which")" ca_ready "$which" || die "$(ca_name "$which") did not start (see $LOGS/$(ca_name "$which").log)"
  done
}

cmd_identities() {
  say "   identities of $NAME"
  enrol_org
}

cmd_export() {
  local out=${1:?export needs the file to write} stage
  [ -f "$HOME_DIR/orderer/tls/server.crt" ] || die "no identities yet (scripts/org.sh identities first)"
  stage=$(mktemp -d)
  mkdir -p "$stage/msp/cacerts" "$stage/msp/tlscacerts" "$stage/admins" "$stage/orderer/tls"
  {
    printf 'ORG=%s\nMSP_ID=%s\nKIND=%s\nNAME=%s\n' "$ORG" "$MSP_ID" "$KIND" "$NAME"
    printf 'PEER=%s\nORDERER=%s\n' "$(dial_at peer)" "$(dial_at orderer)"
    [ "$KIND" != force ] || printf 'EXCHANGE_NODE=%s\n' "$(dial_at exchange-node)"
  } > "$stage/org.env"
  cp "$HOME_DIR/msp/cacerts/ca.pem" "$stage/msp/cacerts/"
  cp "$HOME_DIR/msp/tlscacerts/tlsca.pem" "$stage/msp/tlscacerts/"
  cp "$HOME_DIR/msp/config.yaml" "$stage/msp/"
  cp "$(own_user admin)/msp/signcerts/cert.pem" "$stage/admins/admin.pem"
  cp "$HOME_DIR/orderer/tls/server.crt" "$stage/orderer/tls/"
  if grep -rlq 'PRIVATE KEY' "$stage"; then rm -rf "$stage"; die "refusing to export: a private key slipped into the public parts"; fi
  mkdir -p "$(dirname "$out")"
  tar -C "$stage" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf - . | gzip -n > "$out"
  say "   public parts of $NAME ($MSP_ID) written to $out; read these SHA-256 fingerprints to the"
  say "   other organisations' administrators over another channel (phone, letter):"
  python3 "$GBX_ROOT/scripts/lib/public_parts.py" fingerprints "$stage"
  rm -rf "$stage"
}

cmd_import() {
  local file=${1:?import needs the file another organisation exported}; shift
  mkdir -p "$HOME_DIR/partners"
  python3 "$GBX_ROOT/scripts/lib/public_parts.py" import "$file" "$HOME_DIR/partners" "$ORG" \
    "$NETCFG/organisations.conf" "$@"
}

cmd_start() {
  check_ports ca tlsca orderer peer chaincode || die "free the port(s) above, or stop what holds them; nothing more was started"
  cmd_ca
  [ -f "$(channel_block)" ] || die "no checked genesis block yet (scripts/org.sh check-block FILE first)"
  [ -f "$HOME_DIR/config/peercfg/core.yaml" ] || prepare_node_config
  local kind
  for kind in orderer peer; do pid_alive "$kind-$ORG" || start_node "$kind"; done
  for kind in orderer peer; do
    wait_for 120 "the $kind of $ORG" healthy "$kind-operations" || die "the $kind of $ORG is not healthy (see $LOGS/$kind-$ORG.log)"
  done
  # The chaincode server, once it has run: its package is committed.
  local running; running=$(cat "$(cc_dir)/running-package" 2>/dev/null || true)
  [ -z "$running" ] || [ ! -f "$(cc_dir)/${running%%:*}.jar" ] || cc_serve "$(cc_dir)/${running%%:*}.jar"
}

cmd_stop() {
  local p
  for p in exchange-node chaincode peer orderer tlsca ca; do stop_process "$p-$ORG"; done
}

# The anchor peers need no check here: check-block found each organisation's in the genesis block.
cmd_join() {
  join_orderer
  wait_for 120 "the peer of $ORG to join" join_peer || die "the peer of $ORG could not join (see $LOGS/peer-cli-$ORG.log)"
}

exchange_jar() { # a copy named by its hash, so that rebuilding target/ never pulls classes from under the node
  local jar=${GBX_JAR:-$GBX_ROOT/gateway-client/target/gbx.jar} copy
  [ -f "$jar" ] || die "no gbx jar at $jar (mvn -pl gateway-client -am package, or GBX_JAR)"
  copy="$HOME_DIR/exchange/gbx-$(sha256sum "$jar" | cut -c1-16).jar"
  mkdir -p "$HOME_DIR/exchange"
  [ -f "$copy" ] || cp "$jar" "$copy"
  echo "$copy"
}

cmd_exchange_node() {
  [ "$KIND" = force ] || die "$NAME runs no exchange node"
  local name="exchange-node-$ORG"
  case ${1:-} in
    start)
      shift
      pid_alive "$name" && { say "   $name is already running (pid $(cat "$PIDS/$name.pid"))"; return 0; }
      [ -f "$HOME_DIR/gbx-network.json" ] || write_own_config
      start_process "$name" java -jar "$(exchange_jar)" --lang en node start --config "$HOME_DIR/gbx-network.json" \
        --org "$ORG" --user liaison1 --data "$HOME_DIR/exchange/data" "$@"
      wait_for 120 "$ORG's exchange node" grep -q "serving packages on" "$LOGS/$name.log" ||
        { tail -n 20 "$LOGS/$name.log" >&2; die "the exchange node of $ORG did not start"; }
      say "   $name: pid $(cat "$PIDS/$name.pid"), $(grep -o 'serving packages on [0-9A-Za-z.:-]*' "$LOGS/$name.log" | tail -1)" ;;
    stop) stop_process "$name" ;;
    *) die "exchange-node start|stop" ;;
  esac
}

node_state() { # name
  local name=$1 kind=${1%-*} state=running height leader
  case $kind in
    ca|tlsca) ca_ready "$kind" && state+=", answering on $(dial_at "$(ca_listener "$kind")")" ;;
    orderer|peer)
      healthy "$kind-operations" && state+=", healthy"
      height=$(metric "$kind-operations" ledger_blockchain_height)
      [ -z "$height" ] || state+=", block height $height"
      if [ "$kind" = orderer ]; then
        leader=$(metric orderer-operations consensus_etcdraft_is_leader)
        [ "$leader" != 1 ] || state+=", Raft leader"
      fi ;;
    chaincode|exchange-node) port_in_use "$(own_port "$kind")" && state+=", listening on $(bind_at "$kind")" ;;
  esac
  echo "$state"
}

# One line per process of this organisation: its nodes, and anything else started with a pid
# file named after it (e.g. exchange-node-macau).
cmd_status() {
  local names=(ca-$ORG tlsca-$ORG orderer-$ORG peer-$ORG chaincode-$ORG) f n
  for f in "$PIDS"/*-"$ORG".pid; do
    [ -e "$f" ] || continue
    n=$(basename "$f" .pid)
    [[ " ${names[*]} " == *" $n "* ]] || names+=("$n")
  done
  for n in "${names[@]}"; do
    if pid_alive "$n"; then
      printf '%-22s %-8s %s\n' "$n" "$(cat "$PIDS/$n.pid")" "$(node_state "$n")"
    else
      printf '%-22s %-8s %s\n' "$n" - stopped
    fi
  done
}

if [ "$command" = init ]; then cmd_init "$@"; exit 0; fi
kit_load "$home"
case $command in
  check-ports) check_ports ca tlsca orderer peer chaincode $([ "$KIND" != force ] || echo exchange-node) ;;
  ca) cmd_ca ;;
  identities) cmd_identities ;;
  export) cmd_export "$@" ;;
  import) cmd_import "$@" ;;
  channel-block) make_channel_block "${1:?channel-block needs the file to write}"; say "   genesis block of $CHANNEL written to $1" ;;
  check-block) check_channel_block "${1:?check-block needs the genesis block}" ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  join) cmd_join ;;
  chaincode-install) cc_install "${1:?chaincode-install needs the jar}" >/dev/null ;;
  chaincode-approve) cc_approve "${1:?chaincode-approve needs the jar}" ;;
  chaincode-commit) cc_commit "${1:?chaincode-commit needs the jar}" ;;
  chaincode-serve) cc_serve "${1:?chaincode-serve needs the jar}" ;;
  register-forces) cc_register_forces ;;
  client-config) write_own_config; say "   wrote $HOME_DIR/gbx-network.json" ;;
  client-entry) own_entry ;;
  import-all) for f in "${1:?import-all needs the folder of exports}"/*.tar.gz; do
                [ "$(basename "$f" .tar.gz)" = "$ORG" ] || cmd_import "$f"
              done ;;
  exchange-node) cmd_exchange_node "$@" ;;
  status) cmd_status ;;
  env) [ $# -eq 1 ] || die "usage: scripts/org.sh --home DIR env USER"
       echo "export PATH=\"$FABRIC_BIN:\$PATH\""
       cli_env "$1" | sed -E 's/^([A-Z_]+)=(.*)$/export \1="\2"/' ;;
  wait-discovery) wait_for 120 "discovery on $ORG's peer" discovery_complete "$CHAINCODE_NAME" || die "discovery incomplete on $ORG's peer" ;;
  chain-info) peer_chain_info ;;
  *) usage >&2; exit 2 ;;
esac
