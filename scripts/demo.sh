#!/usr/bin/env bash
# The gbx demo, the whole story of one exchange on the local network: who is who, both forces'
# records seeded, a Macau liaison officer first looks up whether Zhuhai holds anything on a person
# (hit/no-hit, without telling Zhuhai who), then asks Zhuhai for that person's border crossings and
# vehicles (the case details sealed, their key kept by the two forces' nodes only), Zhuhai's
# approver reads them and grants part of it, Zhuhai's exchange node delivers straight to Macau's,
# Macau's node verifies and stores, the officer reads the data twice, then destroys it and both
# nodes erase the request's keys.
# Ends with a summary of the ledger transactions. Re-runnable: each run uses a new request id.
# Personal data never appears in this output: the subject travels only in the case details.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

FORCES=(macau zhuhai)

# Each step starts with the time of day and ends with how long it took.
step_started=""
demo_step() { # title
  end_step
  step_started=$SECONDS
  step "$(date +%H:%M:%S) $*"
}
end_step() { [ -z "$step_started" ] || say "   ($((SECONDS - step_started)) s)"; step_started=""; }

# Fabric's binaries are built once per machine (minutes on a fresh one): timed apart from the demo.
built=$SECONDS
"$GBX_ROOT/scripts/build-fabric.sh"
fabric_build=$((SECONDS - built))
started=$SECONDS

if "$GBX_ROOT/scripts/network.sh" status >/dev/null 2>&1; then
  demo_step "The gbx network is already running"
else
  demo_step "Starting the gbx network"
  "$GBX_ROOT/scripts/network.sh" up
fi
export GBX_CONFIG="$NET/gbx-network.json"

# The nodes run for minutes; others may rebuild target/ meanwhile, and a JVM loads classes lazily
# from its jar. So everything here runs a copy named by its hash, never the jar being rebuilt.
jar="$GBX_ROOT/gateway-client/target/gbx.jar"
if [ ! -f "$jar" ]; then
  demo_step "Building gbx (first run)"
  mvn -B -q -f "$GBX_ROOT/pom.xml" -pl gateway-client -am -DskipTests package
fi
mkdir -p "$NET/exchange"
GBX_JAR="$NET/exchange/gbx-$(sha256sum "$jar" | cut -c1-16).jar"
[ -f "$GBX_JAR" ] || cp "$jar" "$GBX_JAR"
# Each command is a short-lived JVM: the quick JIT tier and class-data sharing start it sooner.
source "$GBX_ROOT/scripts/lib/cds.sh"
gbx() { gbx_jvm_options "$@"; cds_java "$GBX_JAR" "${JVM_OPTS[@]}" -- --lang en "$@"; }
as() { local org=$1 user=$2; shift 2; gbx "$@" --org "$org" --user "$user"; }
# One member of the JSON gbx prints (--json), by a Python expression on `j`.
json() { python3 -c "import json,sys; j=json.load(sys.stdin); print($1)"; }

demo_step "Who is who on the ledger"
for org in "${ORG_KEYS[@]}"; do
  while read -r user _ _; do
    as "$org" "$user" whoami --json | json "'   %-10s %-9s %-14s %s' % ('$org', '$user', j['mspId'], j['role'])"
  done < <(org_users "$org")
done

# --- exchange nodes: background processes remembered by pid, stopped by pid -----------------
node_name() { echo "exchange-node-$1"; }
stop_nodes() {
  for org in "${FORCES[@]}"; do stop_process "$(node_name "$org")"; done
}
details_file=""
cleanup() {
  [ -n "$details_file" ] && rm -f "$details_file"
  if [ -n "${nodes_started:-}" ]; then demo_step "Stopping the exchange nodes"; stop_nodes; end_step; fi
}
trap cleanup EXIT
stop_nodes # a node an interrupted run left behind would hold the database and the port
# copies of older builds are no longer run by any node of this demo
find "$NET/exchange" -maxdepth 1 -name 'gbx-*.jar' ! -path "$GBX_JAR" -delete

demo_step "Seeding each force's own records (synthetic, the same every run)"
for org in "${FORCES[@]}"; do
  as "$org" liaison1 records seed --size 200
done
# A person on Zhuhai's file with crossings and vehicles, looked up now, before Zhuhai's node holds
# its database; the identity goes only into the case details (transient data, never on the public
# ledger) and never into this output.
subject=$(java -cp "$GBX_JAR" org.h2.tools.Shell \
  -url "jdbc:h2:file:$NET/exchange/zhuhai/records" -user "" -password "" -sql \
  "SELECT p.id_type || ' ' || p.id_number FROM person p WHERE EXISTS (SELECT 1 FROM border_crossing b WHERE
   b.person_id = p.person_id) AND EXISTS (SELECT 1 FROM vehicle v WHERE v.person_id = p.person_id)
   ORDER BY p.person_id LIMIT 1" | sed -n 2p | tr -d '\r')
[ -n "$subject" ] || die "no person on Zhuhai's seeded file has both border crossings and vehicles"

demo_step "Starting both forces' exchange nodes (their logs: scripts/network.sh logs exchange-node-macau)"
for org in "${FORCES[@]}"; do
  for listener in endpoint api; do
    address=$(json "[o['exchangeNode'].get('$listener', '') for o in j['organisations'] if o['key'] == '$org'][0]" \
      < "$GBX_CONFIG")
    if [ -n "$address" ] && port_in_use "${address##*:}"; then
      die "port ${address##*:} for $org's exchange node ($listener) is taken by $(port_owner "${address##*:}")"
    fi
  done
  nodes_started=yes
  : > "$LOGS/$(node_name "$org").log"
  start_process "$(node_name "$org")" java -jar "$GBX_JAR" --lang en node start --org "$org" --user liaison1
done
for org in "${FORCES[@]}"; do
  log="$LOGS/$(node_name "$org").log"
  wait_for 120 "$org's exchange node" grep -q "serving packages on" "$log" || { tail -n 20 "$log"; exit 1; }
  say "   $org: pid $(cat "$PIDS/$(node_name "$org").pid"), $(grep -o 'serving packages on [0-9.:]*' "$log" | head -1)"
done

read -r id_type id_number <<< "$subject"
demo_step "First a hit/no-hit lookup: does Zhuhai hold anything on this person? (docs/lookup.md)"
# Zhuhai learns neither the identifier nor the answer; the ledger records the lookup, never the identifier.
macau_log="$LOGS/$(node_name macau).log"
# (received now, or already held from an earlier run and still the one the ledger names)
wait_for 120 "Macau's node to hold Zhuhai's lookup set" grep -q "the lookup set of ZhuhaiPSBMSP" \
  "$macau_log" || { tail -n 20 "$macau_log"; exit 1; }
lookup_type=mainland-id; [ "$id_type" = MACAU_BIR ] && lookup_type=macau-id
# Each officer has a daily cap of lookups (20, UTC+8 days); on a network the tests or earlier runs
# used today, a colleague asks, and with every cap used the request goes ahead without a lookup.
lookup_arg=()
for officer in liaison1 liaison2; do
  if looked=$(as macau "$officer" lookup --json --target zhuhai --id-type "$lookup_type" --id "$id_number" \
      --purpose "Trace the movements of a suspect in a cross-border fraud investigation" \
      --legal-basis "Macau-Zhuhai police liaison agreement 2024, art. 3" 2>"$NET/demo-lookup.err"); then
    json "'   %s (%s): %s (lookup %s, %d ms besides the ledger commit; %d lookups left today)' % ( \
      'HIT' if j['hit'] else 'NO HIT', '$officer', ', '.join('%s %d' % (k.lower(), v) for k, v in j['counts'].items()), \
      j['lookup']['lookupId'], j['answerMillis'], j['quota']['cap'] - j['quota']['used'])" <<< "$looked"
    lookup_arg=(--lookup "$(json "j['lookup']['lookupId']" <<< "$looked")")
    break
  fi
  grep -q LOOKUP_CAP_REACHED "$NET/demo-lookup.err" || { cat "$NET/demo-lookup.err" >&2; exit 1; }
  say "   Macau's $officer has used all of today's lookups (the ledger refused the next one)"
done
rm -f "$NET/demo-lookup.err"
[ ${#lookup_arg[@]} -gt 0 ] || say "   every liaison officer of Macau has used today's lookups: the request goes ahead without one"

demo_step "Macau's liaison officer asks Zhuhai for one person's border crossings and vehicles"
# The case details are sealed by gbx; the key goes to Macau's node, which hands it to Zhuhai's.
details_file=$(umask 077; mktemp)
printf '{"narrative":"Suspected cross-border fraud ring","subjects":[{"idNumber":"%s","idType":"%s"}]}' \
  "$id_number" "$id_type" > "$details_file"
unset subject id_number
request="DEMO-$(date -u +%Y-%m-%d-%H%M%S)-$RANDOM"
# gbx prints its own error on failure; set -e then ends the demo (and stops the nodes)
created=$(as macau liaison1 request create --json --id "$request" --target ZhuhaiPSBMSP \
  --purpose "Trace the movements of a suspect in a cross-border fraud investigation" \
  --legal-basis "Macau-Zhuhai police liaison agreement 2024, art. 3" --handling H1 --urgency URGENT \
  --retention-days 30 --categories BORDER_CROSSINGS,VEHICLES "${lookup_arg[@]}" --details "$details_file")
rm -f "$details_file"
create_tx=$(json "j['transactionId']" <<< "$created")
say "   request $request: PENDING; the peers hold only the sealed case details"
node_log() { echo "$LOGS/$(node_name "$1").log"; }
wait_for 120 "the case-details key at Zhuhai's node" \
  grep -q "case-details key of request $request matches the ledger" "$(node_log zhuhai)" \
  || { tail -n 20 "$(node_log zhuhai)"; exit 1; }
# Zhuhai's approver opens them with the key from Zhuhai's own node (their contents are not echoed here).
shown=$(as zhuhai approver1 request show "$request" --details --json)
say "   Zhuhai's approver reads the case details: $(json "len(j['details'])" <<< "$shown") characters, key from Zhuhai's node"

demo_step "Zhuhai's approver grants part of it: border crossings yes, vehicles no"
approved=$(as zhuhai approver1 request approve "$request" --json --categories BORDER_CROSSINGS \
  --expires 7d --destroy-by 14d --max-accesses 3 --conditions "H1: not for judicial proceedings without consent")
approve_tx=$(json "j['transactionId'] + ' ' + j['request']['status']" <<< "$approved")
say "   request $request: ${approve_tx#* }"

demo_step "Zhuhai's node delivers, Macau's node verifies and stores"
status="" deadline=$((SECONDS + 300))
while [ "$status" != RECEIVED ]; do
  [ $SECONDS -lt $deadline ] || die "the exchange did not complete in 300 s (still $status); see $LOGS/exchange-node-*.log"
  # a query that times out (the shared peers are busy) is simply asked again
  shown=$(as macau liaison1 request show "$request" --json 2>/dev/null) || { printf '?'; sleep 2; continue; }
  now=$(json "j['request']['status']" <<< "$shown")
  if [ "$now" != "$status" ]; then
    [ -n "$status" ] && printf '\n'
    status=$now
    printf '   %s' "$status"
  else
    printf '.'
  fi
  [ "$status" = RECEIVED ] || sleep 1
done
printf '\n'
json "'   package %s…: %d records, %d bytes, receipt matches: %s' % (j['request']['delivery']['packageHash'][:16], \
  j['request']['delivery']['recordCount'], j['request']['delivery']['sizeBytes'], j['request']['receipt']['matches'])" <<< "$shown"

demo_step "The Macau officer reads the received data twice (each access is on the ledger first)"
access_txs=()
for justification in "Cross-check the suspect's crossings with the casino visit log" \
                     "Confirm the dates for the case report"; do
  # the JSON holds the records themselves: only their number and categories are shown here
  accessed=$(as macau liaison1 access "$request" --json --justification "$justification")
  line=$(json "'%s %d %d %s' % (j['transactionId'], j['access']['sequence'], len(j['records']), \
    ','.join(sorted({r['category'] for r in j['records']})))" <<< "$accessed")
  read -r tx sequence count categories <<< "$line"
  access_txs+=("$tx")
  say "   access $sequence: $count records ($categories) shown to the officer (contents not echoed here)"
done

demo_step "The officer destroys the received data; both nodes erase the request's keys"
destroyed=$(as macau liaison1 destroy "$request" --json)
destroy_tx=$(json "j['transactionId']" <<< "$destroyed")
for org in "${FORCES[@]}"; do
  wait_for 60 "$org's node to erase the keys" grep -q "every key of request $request erased" "$(node_log "$org")" \
    || { tail -n 20 "$(node_log "$org")"; exit 1; }
  say "   $org's node: $(grep -o "every key of request $request erased.*" "$(node_log "$org")" | head -1)"
done
say "   again: $(as macau liaison1 destroy "$request")"
if as zhuhai approver1 request show "$request" --details >/dev/null 2>&1; then
  die "the case details of $request can still be read after its destruction"
fi
say "   Zhuhai's approver can no longer read the case details: their key is gone from both nodes"

history=$(as macau liaison1 request history "$request" --json)
tx_of() { json "[e['txId'] for e in j if e['record']['status'] == '$1'][0]" <<< "$history"; }

demo_step "Summary"
say "   request    $request (Macau Judiciary Police asks Zhuhai PSB)"
say "   created    $create_tx"
say "   granted    ${approve_tx%% *} (border crossings only)"
say "   delivered  $(tx_of DELIVERED) (by Zhuhai's node)"
say "   received   $(tx_of RECEIVED) (Macau's node: hash verified)"
say "   accessed   ${access_txs[0]}"
say "   accessed   ${access_txs[1]}"
say "   destroyed  $destroy_tx"
say "   The ledger holds hashes, ids and decisions only; the records went node to node over mutual TLS;"
say "   the peers held the case details sealed, and their key no longer exists."
step_started="" # the summary takes no time of its own
fabric_note=""
[ "$fabric_build" -lt 5 ] || fabric_note=" (before it, building Fabric's binaries took $fabric_build s)"
say "   Took $((SECONDS - started)) s$fabric_note. The network keeps running: 'scripts/network.sh status' shows it."
