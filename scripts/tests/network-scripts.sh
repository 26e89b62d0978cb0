#!/usr/bin/env bash
# Tests of scripts/network.sh itself: refusing a taken port, 'up' twice,
# 'down' then 'up' again from the kept state. Run by scripts/test.sh.
#   network-scripts.sh port-taken     (the network must be down)
#   network-scripts.sh up-twice       (the network must be up; also checks certificate subjects)
#   network-scripts.sh peer-cli       (the network must be up; also the scripts/gbx launcher)
#   network-scripts.sh operators      (the network must be up: status, logs, metrics)
#   network-scripts.sh public-parts   (the network must be up: imports and genesis checks refuse forgeries)
#   network-scripts.sh restart        (the network must be up; leaves it up)
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
NETWORK="$ROOT/scripts/network.sh"
NET="${GBX_NETWORK_DIR:-$ROOT/.network}"
passed=0 failed=0

check() { # description condition...
  local what=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "  ok    $what"
  else failed=$((failed + 1)); echo "  FAIL  $what"; fi
}
contains() { grep -qF -- "$2" <<<"$1"; }
port_listening() { ss -Hltn "sport = :$1" | grep -q .; }
lacks() { ! grep -qiF -- "$2" <<<"$1"; }
no_live_pids() {
  local f
  for f in "$NET"/pids/*.pid; do
    [ -e "$f" ] || continue
    kill -0 "$(cat "$f")" 2>/dev/null && return 1
  done
  return 0
}

test_port_taken() {
  echo "network.sh up with a port already taken"
  local port=$((8051 + ${GBX_PORT_SHIFT:-0}))
  python3 -c "import socket,time; s=socket.socket(); s.bind(('127.0.0.1',$port)); s.listen(); time.sleep(300)" &
  # 'up' runs only once the stand-in listens (at most 60 s on a busy machine).
  local holder=$! deadline=$((SECONDS + 60))
  until port_listening "$port" || [ $SECONDS -ge $deadline ] || ! kill -0 "$holder" 2>/dev/null; do sleep 0.1; done
  check "a stand-in holds port $port before 'up' runs" port_listening "$port"
  local out rc
  out=$("$NETWORK" up 2>&1); rc=$?
  kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null
  check "up exits non-zero" test "$rc" -ne 0
  check "the message names port $port" contains "$out" "port $port"
  check "the message names the port's owner" contains "$out" "python3"
  check "the message says nothing was started" contains "$out" "nothing was started"
  check "no process was left running" no_live_pids
}

test_up_twice() {
  echo "network.sh up on a running network"
  local out rc
  out=$("$NETWORK" up 2>&1); rc=$?
  check "up again exits 0" test "$rc" -eq 0
  check "up again says the network is already running" contains "$out" "already running"
}

test_certificates() {
  echo "certificates name the organisation that issued them"
  local orgs="$NET/orgs" subject
  subject=$(openssl x509 -noout -subject -in "$orgs/macau/ca/ca-cert.pem")
  check "Macau's CA: C=MO, L=Macau, O=Macau Judiciary Police" contains "$subject" "C = MO, L = Macau, O = Macau Judiciary Police"
  subject=$(openssl x509 -noout -subject -in "$orgs/zhuhai/users/liaison1/msp/signcerts/cert.pem")
  check "a Zhuhai liaison: C=CN, ST=Guangdong, L=Zhuhai, O=Zhuhai Public Security Bureau" \
    contains "$subject" "C = CN, ST = Guangdong, L = Zhuhai, O = Zhuhai Public Security Bureau"
  subject=$(openssl x509 -noout -subject -in "$orgs/oversight/users/auditor1/msp/signcerts/cert.pem")
  check "the committee's auditor: O=Big Data Consultation Committee" contains "$subject" "O = Big Data Consultation Committee"
  check "no certificate keeps Fabric CA's sample names" \
    test -z "$(find "$orgs" -name '*.pem' -path '*cert*' -exec openssl x509 -noout -subject -in {} \; 2>/dev/null | grep -F 'North Carolina')"
}

test_peer_cli() {
  echo "the stock peer CLI with the settings of 'network.sh env zhuhai admin'"
  local out rc
  out=$(eval "$("$NETWORK" env zhuhai admin)" && peer lifecycle chaincode querycommitted -C gba-exchange 2>&1); rc=$?
  check "querycommitted exits 0" test "$rc" -eq 0
  check "it lists the committed chaincode 'exchange'" contains "$out" "Name: exchange"
  out=$(eval "$("$NETWORK" env zhuhai admin)" && peer chaincode query -C gba-exchange -n exchange -c '{"Args":["WhoAmI"]}' 2>&1); rc=$?
  check "a chaincode query exits 0" test "$rc" -eq 0
  check "the chaincode sees Zhuhai's MSP ID" contains "$out" "ZhuhaiPSBMSP"
  check "the chaincode sees the admin role" contains "$out" '"admin"'
}

test_launcher() {
  echo "scripts/gbx keeps a class-data archive of gbx in the user's cache"
  local cache first second rc1 rc2
  cache=$(mktemp -d)
  first=$(XDG_CACHE_HOME=$cache "$ROOT/scripts/gbx" whoami --org macau --user liaison1 2>&1); rc1=$?
  second=$(XDG_CACHE_HOME=$cache "$ROOT/scripts/gbx" whoami --org macau --user liaison1 2>&1); rc2=$?
  check "the first call, which writes the archive, exits 0" test "$rc1" -eq 0
  check "it leaves one archive in the cache" test "$(find "$cache/gbx/cds" -name '*.jsa' | wc -l)" -eq 1
  check "a call mapping the archive exits 0 and answers the same" test "$rc2" -eq 0 -a "$first" = "$second"
  check "nothing about the archive reaches the officer" lacks "$first$second" "archive"
  rm -rf "$cache"
}

no_colour_codes() { ! grep -lP '\x1b\[' "$NET"/logs/*.log >/dev/null 2>&1; }

test_operators() {
  echo "network.sh status, logs and the nodes' metrics"
  local out rc
  out=$("$NETWORK" status 2>&1); rc=$?
  show "$out"
  check "status exits 0" test "$rc" -eq 0
  check "every peer and orderer is healthy with a block height" \
    test "$(grep -cE '^(peer|orderer)-[a-z]+ +[0-9]+ +running, healthy, block height [0-9]+' <<<"$out")" -eq 6
  check "exactly one orderer is the Raft leader" test "$(grep -c 'Raft leader' <<<"$out")" -eq 1
  check "every chaincode server listens" test "$(grep -cE '^chaincode-[a-z]+ .*listening on 127.0.0.1:' <<<"$out")" -eq 3

  # An exchange node started beside the network, as the demo starts them.
  local node=exchange-node-macau data
  data=$(mktemp -d)
  ( source "$ROOT/scripts/lib/common.sh"
    start_process "$node" java -jar "$ROOT/gateway-client/target/gbx.jar" --lang en node start --org macau \
      --user liaison1 --data "$data" --config "$NET/gbx-network.json"
    wait_for 120 "Macau's exchange node" grep -q "serving packages on" "$LOGS/$node.log" )
  out=$("$NETWORK" status 2>&1)
  show "$(grep "^$node" <<<"$out")"
  check "status lists the exchange node started beside the network, listening" \
    contains "$out" "$node"
  check "... with its port" grep -qE "^$node +[0-9]+ +running, listening on 127.0.0.1:$((7070 + ${GBX_PORT_SHIFT:-0}))" <<<"$out"
  ( source "$ROOT/scripts/lib/common.sh"; stop_process "$node" >/dev/null )
  rm -rf "$data"
  out=$("$NETWORK" status 2>&1)
  check "once stopped (by its pid), the exchange node is no longer listed" lacks "$out" "$node"

  local tls="$NET/orgs/zhuhai" code
  code=$(curl -s -o /dev/null -w '%{http_code}' --cacert "$tls/msp/tlscacerts/tlsca.pem" \
    "https://127.0.0.1:$((8056 + ${GBX_PORT_SHIFT:-0}))/metrics")
  check "a peer's /metrics refuses a caller without a certificate (401; saw $code)" test "$code" = 401
  out=$(curl -s --cacert "$tls/msp/tlscacerts/tlsca.pem" --cert "$tls/users/admin/tls/server.crt" \
    --key "$tls/users/admin/tls/server.key" "https://127.0.0.1:$((8056 + ${GBX_PORT_SHIFT:-0}))/metrics")
  check "... and answers the organisation admin's TLS certificate (docs/network.md)" \
    contains "$out" 'ledger_blockchain_height{channel="gba-exchange"}'

  out=$("$NETWORK" logs peer-zhuhai 2>&1); rc=$?
  check "logs NODE prints that node's log" test "$rc" -eq 0 -a -n "$(grep -F '[peer]' <<<"$out" | head -1)"
  out=$("$NETWORK" logs no-such-node 2>&1); rc=$?
  check "logs of an unknown node fails and names the logs there are" test "$rc" -ne 0 -a -n "$(grep -F 'peer-zhuhai' <<<"$out")"
  check "no log holds a terminal colour code" no_colour_codes

  echo "a node's log is rotated by size and its parts are printed oldest first"
  ( source "$ROOT/scripts/lib/common.sh"
    GBX_LOG_MAX_BYTES=2000 GBX_LOG_KEEP=2 start_process rotation-check \
      python3 -c 'import sys; [print("line %05d of a chatty node" % i) for i in range(400)]'
    wait_for 60 "the chatty process to end" bash -c "! kill -0 \$(cat '$PIDS/rotation-check.pid')" )
  local logs="$NET/logs"
  wait_for_file_quiet "$logs/rotation-check.log"
  check "two rotated parts are kept, no third" test -f "$logs/rotation-check.log.2" -a ! -e "$logs/rotation-check.log.3"
  check "no part exceeds the size limit" test -z "$(find "$logs" -name 'rotation-check.log*' -size +2000c)"
  out=$("$NETWORK" logs rotation-check)
  check "logs prints the kept lines in order, ending with the last" \
    test "$(sort <<<"$out")" = "$out" -a "$(tail -n 1 <<<"$out")" = "line 00399 of a chatty node"
  rm -f "$logs"/rotation-check.log* "$NET/pids/rotation-check.pid"
}

# What one organisation receives from another is checked: forged exports and a genesis block
# with a swapped CA are refused, and nothing is installed.
test_public_parts() {
  echo "org.sh import and check-block refuse what was changed on the way"
  local kit="$ROOT/scripts/org.sh" work out rc macau="$NET/orgs/macau"
  work=$(mktemp -d)
  forged() { # name: a copy of Zhuhai's export to change, packed again by repack
    rm -rf "$work/$1"; mkdir -p "$work/$1"; tar -C "$work/$1" -xzf "$NET/public/zhuhai.tar.gz"
  }
  repack() { tar -C "$work/$1" -czf "$work/$1.tar.gz" .; }
  self_made_ca() { # file
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$work/stranger.key" -out "$1" \
      -days 30 -subj "/C=CN/ST=Guangdong/L=Zhuhai/O=Zhuhai Public Security Bureau/CN=ca.zhuhai.gbx" 2>/dev/null
  }
  before=$(find "$macau/partners" -type f -exec sha256sum {} + | sort)

  forged with-key; cp "$NET/orgs/zhuhai/users/liaison1/msp/keystore/key.pem" "$work/with-key/admins/admin.pem"; repack with-key
  out=$("$kit" --home "$macau" import "$work/with-key.tar.gz" --replace 2>&1); rc=$?
  check "an export with a private key in it is refused" test $rc -ne 0 -a -n "$(grep -F 'holds a private key' <<<"$out")"
  forged extra; echo "#!/bin/sh" > "$work/extra/run.sh"; repack extra
  out=$("$kit" --home "$macau" import "$work/extra.tar.gz" --replace 2>&1); rc=$?
  check "an export with a file that is no public part is refused" test $rc -ne 0 -a -n "$(grep -F 'run.sh' <<<"$out")"
  # A whole Zhuhai of an attacker's own: its CAs, and an admin and consenter certificate they issued.
  forged stranger
  self_made_ca "$work/stranger/msp/cacerts/ca.pem"; mv "$work/stranger.key" "$work/ca.key"
  self_made_ca "$work/stranger/msp/tlscacerts/tlsca.pem"; mv "$work/stranger.key" "$work/tlsca.key"
  issue() { # ca-cert ca-key subject extension out
    openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$work/leaf.key" -subj "$3" 2>/dev/null |
      openssl x509 -req -CA "$1" -CAkey "$2" -set_serial "$RANDOM" -days 30 -extfile <(echo "$4") -out "$5" 2>/dev/null
  }
  issue "$work/stranger/msp/cacerts/ca.pem" "$work/ca.key" "/O=Zhuhai Public Security Bureau/OU=admin/CN=admin" \
    "keyUsage=digitalSignature" "$work/stranger/admins/admin.pem"
  issue "$work/stranger/msp/tlscacerts/tlsca.pem" "$work/tlsca.key" "/O=Zhuhai Public Security Bureau/CN=orderer0-zhuhai" \
    "subjectAltName=IP:127.0.0.1,DNS:localhost" "$work/stranger/orderer/tls/server.crt"
  rm -f "$work"/*.key
  repack stranger
  out=$("$kit" --home "$macau" import "$work/stranger.tar.gz" 2>&1); rc=$?
  check "Zhuhai's export with another CA, imported again, is refused without --replace" \
    test $rc -ne 0 -a -n "$(grep -F 'imported before with other contents' <<<"$out")"
  local expected; expected=$(openssl x509 -noout -fingerprint -sha256 -in "$NET/orgs/zhuhai/msp/cacerts/ca.pem" | cut -d= -f2)
  out=$("$kit" --home "$macau" import "$work/stranger.tar.gz" --replace --expect-ca "$expected" 2>&1); rc=$?
  show "$(tail -n 1 <<<"$out")"
  check "... and with --replace, refused when its fingerprint is not the one Zhuhai's administrator read out" \
    test $rc -ne 0 -a -n "$(grep -F 'fingerprint is' <<<"$out")"
  forged signer; self_made_ca "$work/signer/msp/cacerts/ca.pem"; cp "$NET/orgs/zhuhai/msp/cacerts/ca.pem" "$work/signer/msp/tlscacerts/tlsca.pem"; repack signer
  out=$("$kit" --home "$macau" import "$work/signer.tar.gz" --replace 2>&1); rc=$?
  check "an export whose admin certificate its CA did not issue is refused" \
    test $rc -ne 0 -a -n "$(grep -E 'admin certificate was not issued|orderer.s TLS certificate was not issued' <<<"$out")"
  check "nothing of these was installed in Macau's partners/" \
    test "$(find "$macau/partners" -type f -exec sha256sum {} + | sort)" = "$before"

  # An assembler that swaps Zhuhai's CA in the genesis block: a copy of Macau's home with a
  # forged partners/zhuhai makes the block; Zhuhai and the committee check it.
  local rogue="$work/rogue-home"
  cp -a "$macau" "$rogue"
  self_made_ca "$rogue/partners/zhuhai/msp/cacerts/ca.pem"
  "$kit" --home "$rogue" channel-block "$work/rogue.block" >/dev/null 2>&1
  check "a rogue assembler could write a genesis block with a swapped CA" test -s "$work/rogue.block"
  out=$("$kit" --home "$NET/orgs/zhuhai" check-block "$work/rogue.block" 2>&1); rc=$?
  show "$out"
  check "Zhuhai refuses that block: its enrolment CA is not its own" test $rc -ne 0 -a -n "$(grep -F 'ZhuhaiPSBMSP: enrolment CA' <<<"$out")"
  out=$("$kit" --home "$NET/orgs/oversight" check-block "$work/rogue.block" 2>&1); rc=$?
  check "the committee refuses it too: not the CA it imported from Zhuhai" test $rc -ne 0
  out=$("$kit" --home "$NET/orgs/oversight" check-block "$NET/config/gba-exchange.block" 2>&1); rc=$?
  check "the channel's real genesis block passes the same check" test $rc -eq 0
  rm -rf "$work"
}

# The log writer flushes each line; it ends a moment after the process it logs.
wait_for_file_quiet() { local end=$((SECONDS + 30)); until grep -q 'line 00399' "$1" 2>/dev/null || [ $SECONDS -ge $end ]; do sleep 0.2; done; }

# Prints what a checked command printed, indented, so that a failure can be read in the log.
show() { sed 's/^/        | /' <<<"$1"; }

test_restart() {
  echo "network.sh down, then up again from the kept state"
  local out rc
  out=$("$NETWORK" down 2>&1); rc=$?
  show "$out"
  check "down exits 0" test "$rc" -eq 0
  check "down leaves no process running" no_live_pids
  out=$("$NETWORK" up 2>&1); rc=$?
  show "$out"
  check "up after down exits 0" test "$rc" -eq 0
  check "up after down reports the network up" contains "$out" "The gbx network is up"
  out=$("$ROOT/scripts/gbx" whoami --org zhuhai --user approver1 2>&1); rc=$?
  show "$out"
  check "a transaction works after the restart" test "$rc" -eq 0
}

case "${1:-}" in
  port-taken) test_port_taken ;;
  up-twice) test_up_twice; test_certificates ;;
  peer-cli) test_peer_cli; test_launcher ;;
  operators) test_operators ;;
  public-parts) test_public_parts ;;
  restart) test_restart ;;
  *) echo "usage: $0 port-taken|up-twice|peer-cli|operators|public-parts|restart" >&2; exit 2 ;;
esac
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
