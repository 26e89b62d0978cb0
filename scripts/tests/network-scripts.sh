#!/usr/bin/env bash
# Tests of scripts/network.sh itself: refusing a taken port, 'up' twice,
# 'down' then 'up' again from the kept state. Run by scripts/test.sh.
#   network-scripts.sh port-taken     (the network must be down)
#   network-scripts.sh up-twice       (the network must be up; also checks certificate subjects)
#   network-scripts.sh peer-cli       (the network must be up; also the scripts/gbx launcher)
#   network-scripts.sh restart        (the network must be up; leaves it up)
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
NETWORK="$ROOT/scripts/network.sh"
passed=0 failed=0

check() { # description condition...
  local what=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "  ok    $what"
  else failed=$((failed + 1)); echo "  FAIL  $what"; fi
}
contains() { grep -qF -- "$2" <<<"$1"; }
lacks() { ! grep -qiF -- "$2" <<<"$1"; }
no_live_pids() {
  local f
  for f in "$ROOT"/.network/pids/*.pid; do
    [ -e "$f" ] || continue
    kill -0 "$(cat "$f")" 2>/dev/null && return 1
  done
  return 0
}

test_port_taken() {
  echo "network.sh up with a port already taken"
  local port=$((8051 + ${GBX_PORT_SHIFT:-0}))
  python3 -c "import socket,time; s=socket.socket(); s.bind(('127.0.0.1',$port)); s.listen(); time.sleep(120)" &
  local holder=$!
  sleep 1
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
  local orgs="$ROOT/.network/orgs" subject
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

test_restart() {
  echo "network.sh down, then up again from the kept state"
  "$NETWORK" down >/dev/null 2>&1
  check "down leaves no process running" no_live_pids
  local out rc
  out=$("$NETWORK" up 2>&1); rc=$?
  check "up after down exits 0" test "$rc" -eq 0
  check "up after down reports the network up" contains "$out" "The gbx network is up"
  out=$("$ROOT/scripts/gbx" whoami --org zhuhai --user approver1 2>&1); rc=$?
  check "a transaction works after the restart" test "$rc" -eq 0
}

case "${1:-}" in
  port-taken) test_port_taken ;;
  up-twice) test_up_twice; test_certificates ;;
  peer-cli) test_peer_cli; test_launcher ;;
  restart) test_restart ;;
  *) echo "usage: $0 port-taken|up-twice|peer-cli|restart" >&2; exit 2 ;;
esac
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
