#!/usr/bin/env bash
# Each organisation on a host of its own: one network namespace per organisation, joined by veth
# pairs to a bridge (in a namespace of its own), addresses from one /24 of 198.18.0.0/15 and
# traffic to nothing else. Each organisation's kit (scripts/org.sh) runs inside its namespace
# from its own folder; only the public parts cross, copied as its administrator would send them.
#
# It runs a whole exchange across the hosts, checks where every private key is, that the ledger
# and every peer agree, then cuts one force's link: the other two keep ordering and committing;
# restored, the cut-off peer and orderer catch up to the same blocks and nothing acknowledged is
# lost. It removes everything it made, also when it fails. Needs root (ip netns); run by
# scripts/test.sh.
#
#   GBX_NETNS_PREFIX  names of the namespaces it makes (default gbx-<pid>-)
#   GBX_NETNS_SUBNET  the /24 it takes its addresses from (default 198.18.0; .11, .12, ... per organisation)
#   GBX_KEEP_HOSTS=1  leave the folders (not the processes or namespaces) for a look afterwards
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
source "$ROOT/scripts/lib/common.sh"
PREFIX=${GBX_NETNS_PREFIX:-gbx-$$-}
SUBNET=${GBX_NETNS_SUBNET:-198.18.0}
SWITCH="${PREFIX}switch"
CHANNEL=gba-exchange
passed=0 failed=0
started=$SECONDS

[[ $SUBNET =~ ^198\.(18|19)\.[0-9]{1,3}$ ]] || die "GBX_NETNS_SUBNET must be the first three numbers of a /24 in 198.18.0.0/15, not '$SUBNET'"
[ "$(id -u)" = 0 ] || die "this test makes network namespaces: run it as root"
ip netns list | grep -q "^$PREFIX" && die "namespaces named $PREFIX* exist already (ip netns list); choose another GBX_NETNS_PREFIX"

WORK=$(mktemp -d /tmp/gbx-hosts.XXXXXX)
OUTBOX="$WORK/sent"        # what the organisations send each other: public parts, the genesis block
mkdir -p "$OUTBOX"

check() { # description condition...
  local what=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "  ok    $what"
  else failed=$((failed + 1)); echo "  FAIL  $what"; return 1; fi
}
require() { check "$@" || { echo "  (cannot go on without it)"; exit 1; }; }
show() { sed 's/^/        | /' <<<"$1"; }
eventually() { # seconds command...: tries the command every second until it succeeds or the time is up
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do [ $SECONDS -lt $deadline ] || return 1; sleep 1; done
}
phase() { printf '\n--- %s (%d s)\n' "$*" $((SECONDS - started)); }

# Runs "FUNCTION ORG" for every organisation at once (each on its own host, as its operator would),
# then checks each; a failure shows that organisation's output and ends the test.
each_host() { # description-with-{org} function
  local what=$1 fn=$2 o i=0 rc pids=()
  for o in "${ORG_KEYS[@]}"; do ("$fn" "$o" > "$WORK/out-$o" 2>&1) & pids+=($!); done
  for o in "${ORG_KEYS[@]}"; do
    wait "${pids[$i]}"; rc=$?; i=$((i + 1))
    check "${what//\{org\}/$o}" test $rc -eq 0 || { show "$(tail -n 30 "$WORK/out-$o")"; exit 1; }
  done
}

ns_of() { echo "$PREFIX$1"; }
addr_of() { local i; for i in "${!ORG_KEYS[@]}"; do [ "${ORG_KEYS[$i]}" = "$1" ] && echo "$SUBNET.$((11 + i))"; done; }
home_of() { echo "$WORK/$1"; }
on() { local o=$1; shift; ip netns exec "$(ns_of "$o")" "$@"; }
# Its temporary files too stay in its home, so that the key check below sees all it wrote.
kit() { local o=$1; shift; mkdir -p "$(home_of "$o")/tmp"; on "$o" env TMPDIR="$(home_of "$o")/tmp" "$ROOT/scripts/org.sh" --home "$(home_of "$o")" "$@"; }
# Whether a probe answers the same for every organisation given.
same_for() { # probe orgs...
  local probe=$1 first="" o info; shift
  for o in "$@"; do
    info=$("$probe" "$o") || return 1
    [ -n "$first" ] || first=$info
    [ "$info" = "$first" ] || return 1
  done
}
chain_of() { kit "$1" chain-info; }
same_chain() { same_for chain_of "$@"; } # orgs...: their peers at the same height and newest block hash
FORCES=() ; for o in "${ORG_KEYS[@]}"; do [ "${ORG_KIND[$o]}" = force ] && FORCES+=("$o"); done
COMMITTEE=$(for o in "${ORG_KEYS[@]}"; do [ "${ORG_KIND[$o]}" = committee ] && echo "$o"; done | head -1)

cleanup() {
  local o
  echo
  echo "--- removing what the test made"
  for o in "${ORG_KEYS[@]}"; do
    [ -f "$(home_of "$o")/org.conf" ] && "$ROOT/scripts/org.sh" --home "$(home_of "$o")" stop >/dev/null 2>&1
  done
  for o in "${ORG_KEYS[@]}"; do ip netns del "$(ns_of "$o")" 2>/dev/null; done
  ip netns del "$SWITCH" 2>/dev/null
  if [ "${GBX_KEEP_HOSTS:-}" = 1 ]; then echo "   kept $WORK"; else rm -rf "$WORK"; fi
  ip netns list | grep -q "^$PREFIX" && echo "  FAIL  namespaces left behind: $(ip netns list | grep "^$PREFIX")"
  echo "multi-host: $passed passed, $failed failed ($((SECONDS - started)) s)"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the hosts -------------------------------------------------------------------------------
phase "Hosts: a namespace per organisation on a bridge, $SUBNET.0/24"
ip netns add "$SWITCH"
ip -n "$SWITCH" link add br0 type bridge
ip -n "$SWITCH" link set br0 up
i=0
for o in "${ORG_KEYS[@]}"; do
  ns=$(ns_of "$o")
  ip netns add "$ns"
  ip -n "$ns" link set lo up
  ip -n "$SWITCH" link add "port$i" type veth peer name eth0 netns "$ns"
  ip -n "$SWITCH" link set "port$i" master br0 up
  ip -n "$ns" addr add "$(addr_of "$o")/24" dev eth0
  ip -n "$ns" link set eth0 up
  echo "   $o: namespace $ns, address $(addr_of "$o") (bridge port port$i)"
  i=$((i + 1))
done
link_of() { local i; for i in "${!ORG_KEYS[@]}"; do [ "${ORG_KEYS[$i]}" = "$1" ] && echo "port$i"; done; }
check "no route leaves the test's subnet (each host knows only $SUBNET.0/24)" \
  test -z "$(for o in "${ORG_KEYS[@]}"; do on "$o" ip route | grep -v "^$SUBNET.0/24 "; done)"

# --- each organisation's own kit, in its own namespace and folder ----------------------------
phase "Each organisation sets up its own CAs and identities on its own host"
declare -A CA_FP TLSCA_FP
set_up() { # org
  kit "$1" init "$1" --address "$(addr_of "$1")" --port-shift 0 && kit "$1" ca && kit "$1" identities &&
    kit "$1" export "$OUTBOX/$1.tar.gz"
}
each_host "{org}: its enrolment and TLS CAs start on its address, it creates its identities and exports its public parts" set_up
for o in "${ORG_KEYS[@]}"; do
  out=$(cat "$WORK/out-$o")
  CA_FP[$o]=$(awk '$1 == "enrolment" {print $3}' <<<"$out"); TLSCA_FP[$o]=$(awk '$1 == "TLS" {print $3}' <<<"$out")
done
show "$out"
peer_cert="$(home_of zhuhai)/peer/tls/server.crt"
check "Zhuhai's peer TLS certificate names its host's address $(addr_of zhuhai), not 127.0.0.1" \
  bash -c "openssl x509 -noout -ext subjectAltName -in '$peer_cert' | grep -q 'IP Address:$(addr_of zhuhai)' &&
           ! openssl x509 -noout -ext subjectAltName -in '$peer_cert' | grep -q '127.0.0.1'"
check "the enrolment CA and the TLS CA of Macau are two CAs" \
  test "${CA_FP[macau]}" != "${TLSCA_FP[macau]}" -a -n "${CA_FP[macau]}"
check "no export holds a private key" \
  bash -c "! for f in '$OUTBOX'/*.tar.gz; do tar -xzOf \"\$f\"; done | grep -q 'PRIVATE KEY'"

phase "Each organisation imports the others' exports, checking the fingerprints read to it"
import_others() { # org
  local p
  for p in "${ORG_KEYS[@]}"; do
    [ "$p" = "$1" ] || kit "$1" import "$OUTBOX/$p.tar.gz" --expect-ca "${CA_FP[$p]}" --expect-tlsca "${TLSCA_FP[$p]}" || return 1
  done
}
each_host "{org} imports the others' public parts, their CA fingerprints as their administrators read them" import_others
show "$(cat "$WORK/out-${ORG_KEYS[0]}")"
# An attacker's bundle: Zhuhai's export with a private key slipped in, and one with a CA of its own.
evil="$WORK/evil"; mkdir -p "$evil"; tar -C "$evil" -xzf "$OUTBOX/zhuhai.tar.gz"
cp "$(home_of zhuhai)/peer/tls/server.key" "$evil/admins/admin.pem"
tar -C "$evil" -czf "$WORK/with-key.tar.gz" .
out=$(kit macau import "$WORK/with-key.tar.gz" --replace 2>&1)
check "an export holding a private key is refused" grep -q 'holds a private key' <<<"$out"
out=$(kit macau import "$OUTBOX/zhuhai.tar.gz" --expect-ca "${CA_FP[oversight]}" 2>&1); rc=$?
check "an export whose CA fingerprint is not the one read over the phone is refused" test $rc -ne 0 -a -n "$(grep -F 'fingerprint is' <<<"$out")"
rm -rf "$evil" "$WORK/with-key.tar.gz"

phase "$COMMITTEE assembles the channel from the public parts; each organisation checks the block"
require "$COMMITTEE writes the genesis block" kit "$COMMITTEE" channel-block "$OUTBOX/$CHANNEL.block"
check_block() { kit "$1" check-block "$OUTBOX/$CHANNEL.block"; }
each_host "{org} checks the genesis block against what it imported" check_block
show "$(cat "$WORK/out-${ORG_KEYS[0]}")"

phase "Each organisation starts its nodes and joins its orderer and peer with its own admin"
start_and_join() { kit "$1" start && kit "$1" join; }
each_host "{org}: its orderer and peer start on its address; its admin joins both to the channel" start_and_join

phase "The chaincode: each builds it from the same commit, installs and approves it; $COMMITTEE commits"
JAR="$ROOT/chaincode/target/gbx-chaincode.jar"
[ -f "$JAR" ] || (cd "$ROOT" && mvn -q -B -pl chaincode -am package -DskipTests) || die "chaincode build failed"
own_jar() { echo "$(home_of "$1")/build/gbx-chaincode.jar"; }
install_and_approve() { # org: its own copy of the jar, built from the same commit
  mkdir -p "$(home_of "$1")/build" && cp "$JAR" "$(own_jar "$1")" &&
    kit "$1" chaincode-install "$(own_jar "$1")" && kit "$1" chaincode-approve "$(own_jar "$1")"
}
each_host "{org} installs the chaincode (jar $(sha256sum "$JAR" | cut -c1-12)) on its peer; its admin approves it" install_and_approve
show "$(grep 'approved by' "$WORK/out-${ORG_KEYS[0]}")"
versions=$(for o in "${ORG_KEYS[@]}"; do grep -o 'version [0-9a-f]*' "$WORK/out-$o"; done | sort -u)
check "every organisation approved the same version, from its own copy of the jar ($versions)" test "$(wc -l <<<"$versions")" -eq 1
require "$COMMITTEE commits the definition with every peer's endorsement" kit "$COMMITTEE" chaincode-commit "$(own_jar "$COMMITTEE")"
serve() { kit "$1" chaincode-serve "$(own_jar "$1")" && kit "$1" client-config && kit "$1" wait-discovery; }
each_host "{org} runs its chaincode server on its address; its peer discovers every organisation's" serve
require "$COMMITTEE's admin registers the forces on the ledger, endorsed by their peers across the links" \
  kit "$COMMITTEE" register-forces

# --- an exchange across the hosts --------------------------------------------------------------
GBX_JAR_SRC="$ROOT/gateway-client/target/gbx.jar"
[ -f "$GBX_JAR_SRC" ] || (cd "$ROOT" && mvn -q -B -pl gateway-client -am package -DskipTests) || die "gbx build failed"
GBX="$WORK/gbx.jar"; cp "$GBX_JAR_SRC" "$GBX"
gbx() { # org user gbx-args... : as that user, in that organisation's namespace, with its own config
  local o=$1 user=$2; shift 2
  on "$o" env GBX_CONFIG="$(home_of "$o")/gbx-network.json" java -XX:TieredStopAtLevel=1 -jar "$GBX" --lang en "$@" --org "$o" --user "$user"
}
json() { python3 -c "import json,sys; j=json.load(sys.stdin); print($1)"; }

phase "An exchange: Macau asks, Zhuhai grants, Zhuhai's node delivers to Macau's across the link"
for o in "${FORCES[@]}"; do
  # gbx creates the data folder but not a missing parent (a mistyped path is refused)
  mkdir -p "$(home_of "$o")/exchange"
  gbx "$o" liaison1 records seed --size 60 --data "$(home_of "$o")/exchange/data" >/dev/null
  require "$o's records are seeded in its own database" test $? -eq 0
done
# A person on Zhuhai's file with crossings, read before Zhuhai's node holds its database; the
# identity goes only into the case details (transient data), never into this output.
subject=$(java -cp "$GBX" org.h2.tools.Shell -url "jdbc:h2:file:$(home_of zhuhai)/exchange/data/records" -user "" -password "" -sql \
  "SELECT p.id_type || ' ' || p.id_number FROM person p WHERE EXISTS (SELECT 1 FROM border_crossing b WHERE
   b.person_id = p.person_id) ORDER BY p.person_id LIMIT 1" | sed -n 2p | tr -d '\r')
require "a person with border crossings is on Zhuhai's file" test -n "$subject"
for o in "${FORCES[@]}"; do
  require "$o's exchange node listens on $(addr_of "$o")" kit "$o" exchange-node start
  check "... and says so" grep -q "serving packages on $(addr_of "$o"):" "$(home_of "$o")/logs/exchange-node-$o.log"
done
# The lookup services, beside the exchange nodes (port + 1): Macau's fetches Zhuhai's set across the link.
require "Macau's node receives Zhuhai's lookup set from $(addr_of zhuhai)" \
  eventually 180 grep -q "received the lookup set of ZhuhaiPSBMSP" "$(home_of macau)/logs/exchange-node-macau.log"
read -r id_type id_number <<< "$subject"
case $id_type in MACAU_BIR) lookup_type=macau-id ;; HONG_KONG_ID) lookup_type=hk-id ;; *) lookup_type=mainland-id ;; esac
out=$(gbx macau liaison1 lookup --json --target zhuhai --id-type "$lookup_type" --id "$id_number" --data "$(home_of macau)/exchange/data" \
  --purpose "Trace a suspect's crossings in a cross-border fraud case" --legal-basis "Liaison agreement 2024, art. 3" 2>&1)
check "Macau's officer looks the person up in Zhuhai's set, Zhuhai's service evaluating across the link: a hit" \
  test "$(json "j['hit']" <<<"$out" 2>/dev/null)" = True || show "$(grep -v "$id_number" <<<"$out")"
lookup_id=$(json "j['lookup']['lookupId']" <<<"$out" 2>/dev/null)
details="$WORK/details.json"
(umask 077; printf '{"narrative":"Cross-border fraud","subjects":[{"idNumber":"%s","idType":"%s"}]}' "$id_number" "$id_type" > "$details")
unset subject id_number
# Letters only: a new id must pass the ledger's personal-data guard (runs of digits can look like an identifier).
request="HOSTS-$(tr -dc a-z </dev/urandom | head -c 4)-$(tr -dc a-z </dev/urandom | head -c 4)"
out=$(gbx macau liaison1 request create --json --id "$request" --target ZhuhaiPSBMSP \
  --purpose "Trace a suspect's crossings in a cross-border fraud case" --legal-basis "Liaison agreement 2024, art. 3" \
  --handling H1 --urgency URGENT --retention-days 30 --categories BORDER_CROSSINGS ${lookup_id:+--lookup "$lookup_id"} \
  --details "$details" 2>&1)
rc=$?
check "Macau's liaison officer, in Macau's namespace, asks through Macau's peer" test $rc -eq 0 || { show "$out"; exit 1; }
rm -f "$details"
granted=""
deadline=$((SECONDS + 180))
until granted=$(gbx zhuhai approver1 request approve "$request" --json --categories BORDER_CROSSINGS \
    --expires 7d --destroy-by 14d --max-accesses 3 2>&1); do
  [ $SECONDS -lt $deadline ] || break
  grep -q 'not found\|no such request' <<<"$granted" || break   # only "not on Zhuhai's peer yet" is waited out
  sleep 1
done
require "Zhuhai's approver, in Zhuhai's namespace, grants it" test -n "$(json "j['request']['status']" <<<"$granted" 2>/dev/null)"
status="" deadline=$((SECONDS + 300))
while [ "$status" != RECEIVED ] && [ $SECONDS -lt $deadline ]; do
  status=$(gbx macau liaison1 request show "$request" --json 2>/dev/null | json "j['request']['status']" 2>/dev/null)
  [ "$status" = RECEIVED ] || sleep 2
done
require "Zhuhai's node delivered to Macau's node across the link; Macau verified and stored it (RECEIVED)" test "$status" = RECEIVED
check "Zhuhai's node sent the package to Macau's node ($(addr_of macau) dialled $(addr_of zhuhai))" \
  grep -q "sending $request to MacauPJMSP" "$(home_of zhuhai)/logs/exchange-node-zhuhai.log"
# Each next step is endorsed by both forces' peers: it waits until both hold the last one.
check "both forces' peers hold the receipt" eventually 120 same_chain macau zhuhai
out=$(gbx macau liaison1 access "$request" --json --justification "Cross-check the crossings" 2>&1)
check "Macau's officer reads the received records (access on the ledger first)" \
  test "$(json "len(j['records'])" <<<"$out" 2>/dev/null || echo 0)" -gt 0 || show "$out"
eventually 120 same_chain macau zhuhai
out=$(gbx macau liaison1 destroy "$request" --json 2>&1)
check "Macau's officer destroys them" test -n "$(json "j['transactionId']" <<<"$out" 2>/dev/null)" || show "$out"
for o in "${FORCES[@]}"; do kit "$o" exchange-node stop >/dev/null; done

phase "The committee verifies the ledger from its own namespace, comparing with each force's peer"
for o in "${FORCES[@]}"; do
  out=$(gbx "$COMMITTEE" auditor1 audit verify-ledger --compare-with "$o" 2>&1); rc=$?
  show "$(tail -n 4 <<<"$out")"
  check "verify-ledger from $COMMITTEE's host, compared with $o's peer: intact (exit $rc)" test $rc -eq 0
done

# --- where the keys are ----------------------------------------------------------------------
phase "Private keys: each organisation's are in its own folder only"
# PEM keys (CAs, nodes, users, TLS) and the lookup service's secret keys (hex, *.key).
key_files() { { grep -rl 'PRIVATE KEY' "$1"; find "$1" -type f -name '*.key'; } | sort -u; } # folder
for o in "${ORG_KEYS[@]}"; do
  keys=$(key_files "$(home_of "$o")")
  echo "   $o: $(wc -l <<<"$keys") private key files in $(home_of "$o")"
  sed "s|^$(home_of "$o")/|     |" <<<"$keys"
  elsewhere=""
  for k in $keys; do
    sum=$(sha256sum "$k" | cut -d' ' -f1)
    found=$(find "$WORK" -path "$(home_of "$o")" -prune -o -type f -size -64k -exec sha256sum {} + |
      awk -v s="$sum" '$1 == s {print $2}')
    [ -z "$found" ] || elsewhere+="$k also at $found; "
  done
  check "none of $o's private keys is anywhere else the test made (other folders, what was sent)" test -z "$elsewhere"
  [ -z "$elsewhere" ] || show "$elsewhere"
  check "$o's partners/ holds no private key" test -z "$(key_files "$(home_of "$o")/partners")"
done
outside=$(for f in "$WORK"/*; do case " ${ORG_KEYS[*]} " in *" $(basename "$f") "*) ;; *) key_files "$f" ;; esac; done)
check "no private key file outside the organisations' folders (exports, genesis block, the test's own files)" test -z "$outside"
[ -z "$outside" ] || show "$outside"

# --- every peer agrees ------------------------------------------------------------------------
phase "Every peer holds the same chain"
check "every peer at the same height with the same newest block hash" eventually 60 same_chain "${ORG_KEYS[@]}"
for o in "${ORG_KEYS[@]}"; do echo "   $o's peer: $(chain_of "$o")"; done

# --- a force cut off ------------------------------------------------------------------------
CUT=zhuhai
phase "Zhuhai's link is cut: the two others go on ordering and committing"
before=$(chain_of "$CUT"); before=${before%% *}
ip -n "$SWITCH" link set "$(link_of "$CUT")" down
# As one organisation's admin with the stock peer CLI, on its own host.
peer_cli() { # org peer-args...
  local o=$1; shift
  on "$o" bash -c 'eval "$("$1" --home "$2" env admin)"; shift 2; peer "$@" 2>&1' _ "$ROOT/scripts/org.sh" "$(home_of "$o")" "$@"
}
# Whether an organisation's peer holds the transaction as valid (its validation code, from qscc).
valid_on() { # org transaction-id
  peer_cli "$1" chaincode query -C "$CHANNEL" -n qscc -c "{\"Args\":[\"GetTransactionByID\",\"$CHANNEL\",\"$2\"]}" --hex |
    grep -E '^[0-9a-f]+$' | tail -n 1 | python3 -c 'import sys; sys.stdout.buffer.write(bytes.fromhex(sys.stdin.read().strip()))' |
    configtxlator proto_decode --type protos.ProcessedTransaction 2>/dev/null |
    python3 -c 'import json,sys; sys.exit(0 if json.load(sys.stdin).get("validationCode", 0) in (0, "VALID") else 1)' 2>/dev/null
}
# With one force cut off no exchange can go on: every exchange step needs both forces' peers.
# What the committee's peer alone endorses can: the committee suspends Zhuhai and lifts it again,
# twice, with its auditor's gbx in its own namespace (submitted through the orderers it still
# reaches; gbx returns once the committee's peer committed it).
acknowledged=()
for n in 1 2 3 4; do
  if [ $((n % 2)) = 1 ]; then change=suspend; else change=unsuspend; fi
  deadline=$((SECONDS + 120)) ok=no
  # Right after the cut, Raft may be electing a new leader: a refused submission is tried again.
  until out=$(gbx "$COMMITTEE" auditor1 "$change" zhuhai --json --reason "Link test $n while Zhuhai is cut off" 2>&1) && ok=yes; do
    [ $SECONDS -lt $deadline ] || { show "$out"; break; }
    sleep 2
  done
  [ $ok = no ] || acknowledged+=("$(json "j['transactionId']" <<<"$out")")
done
check "with Zhuhai cut off, the committee's peer committed 4 of 4 suspensions and lifts (${#acknowledged[@]})" \
  test "${#acknowledged[@]}" -eq 4
committed_meanwhile() { local id o; for id in "${acknowledged[@]}"; do for o in macau "$COMMITTEE"; do valid_on "$o" "$id" || return 1; done; done; }
check "... and Macau's and the committee's peers hold each as valid" eventually 120 committed_meanwhile
check "Macau's and the committee's peers agree meanwhile" eventually 60 same_chain macau "$COMMITTEE"
now=$(chain_of "$CUT"); now=${now%% *}
check "Zhuhai's peer, cut off, stayed behind (height $before, then $now; the others $(chain_of macau | cut -d' ' -f1))" \
  test "$now" -lt "$(chain_of macau | cut -d' ' -f1)"

phase "Zhuhai's link is restored: its peer and orderer catch up"
ip -n "$SWITCH" link set "$(link_of "$CUT")" up
check "every peer is back at the same height with the same newest block hash" eventually 180 same_chain "${ORG_KEYS[@]}"
for o in "${ORG_KEYS[@]}"; do echo "   $o's peer: $(chain_of "$o")"; done
# The orderers: the newest block each serves, fetched from each organisation's own orderer.
orderer_newest() { # org: "NUMBER PREVIOUS-HASH DATA-HASH" of the newest block its own orderer serves
  local f rc; f=$(mktemp)
  peer_cli "$1" channel fetch newest "$f" -c "$CHANNEL" -o "$(addr_of "$1"):$(port_of "${ORG_BASE[$1]}" 0 orderer)" \
    --tls --cafile "$(home_of "$1")/msp/tlscacerts/tlsca.pem" >/dev/null &&
  configtxlator proto_decode --type common.Block --input "$f" | python3 -c \
    'import json,sys; h=json.load(sys.stdin)["header"]; print(h["number"], h["previous_hash"], h["data_hash"])'
  rc=$?; rm -f "$f"; return $rc
}
same_orderers() { same_for orderer_newest "${ORG_KEYS[@]}"; }
check "every orderer serves the same newest block (number, previous hash, data hash)" eventually 120 same_orderers
for o in "${ORG_KEYS[@]}"; do echo "   $o's orderer: block $(orderer_newest "$o" | cut -d' ' -f1)"; done
lost=""
for id in "${acknowledged[@]}"; do
  for o in "${ORG_KEYS[@]}"; do valid_on "$o" "$id" || lost+="$id on $o; "; done
done
check "every transaction acknowledged while Zhuhai was cut off is valid on every peer, Zhuhai's too" test -z "$lost"
[ -z "$lost" ] || show "missing: $lost"

[ "$failed" -eq 0 ]
