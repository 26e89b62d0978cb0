#!/usr/bin/env bash
# The gbx demo, the whole story of one exchange on the local network: who is who, both forces'
# records seeded, a Macau liaison officer first looks up whether Zhuhai holds anything on a person
# (hit/no-hit, without telling Zhuhai who), then asks Zhuhai for that person's border crossings and
# vehicles, Zhuhai's approver grants part of it, Zhuhai's exchange node delivers straight to
# Macau's, Macau's node verifies and stores, the officer reads the data twice, then destroys it.
# Ends with a summary of the ledger transactions. Re-runnable: each run uses a new request id.
# Personal data never appears in this output: the subject travels only in the case details.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

FORCES=(macau zhuhai)
started=$SECONDS

if "$GBX_ROOT/scripts/network.sh" status >/dev/null 2>&1; then
  step "The gbx network is already running"
else
  "$GBX_ROOT/scripts/network.sh" up
fi
export GBX_CONFIG="$NET/gbx-network.json"

# The nodes run for minutes; others may rebuild target/ meanwhile, and a JVM loads classes lazily
# from its jar. So everything here runs a copy named by its hash, never the jar being rebuilt.
jar="$GBX_ROOT/gateway-client/target/gbx.jar"
if [ ! -f "$jar" ]; then
  step "Building gbx (first run)"
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

step "Who is who on the ledger"
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
  if [ -n "${nodes_started:-}" ]; then step "Stopping the exchange nodes"; stop_nodes; fi
}
trap cleanup EXIT
stop_nodes # a node an interrupted run left behind would hold the database and the port
# copies of older builds are no longer run by any node of this demo
find "$NET/exchange" -maxdepth 1 -name 'gbx-*.jar' ! -path "$GBX_JAR" -delete

step "Seeding each force's own records (synthetic, the same every run)"
for org in "${FORCES[@]}"; do
  as "$org" liaison1 records seed --size 200
done

step "Starting both forces' exchange nodes (logs in .network/logs/exchange-node-*.log)"
for org in "${FORCES[@]}"; do
  endpoint=$(json "[o['exchangeNode']['endpoint'] for o in j['organisations'] if o['key'] == '$org'][0]" \
    < "$GBX_CONFIG")
  if port_in_use "${endpoint##*:}"; then
    die "port ${endpoint##*:} for $org's exchange node is taken by $(port_owner "${endpoint##*:}")"
  fi
  nodes_started=yes
  : > "$LOGS/$(node_name "$org").log"
  start_process "$(node_name "$org")" java -jar "$GBX_JAR" --lang en node start --org "$org" --user liaison1
done
for org in "${FORCES[@]}"; do
  log="$LOGS/$(node_name "$org").log"
  wait_for 120 "$org's exchange node" grep -q "serving packages on" "$log" || { tail -n 20 "$log"; exit 1; }
  say "   $org: pid $(cat "$PIDS/$(node_name "$org").pid"), $(grep -o 'serving packages on [0-9.:]*' "$log" | head -1)"
done

step "Macau's liaison officer asks Zhuhai for one person's border crossings and vehicles"
# A person on Zhuhai's file with crossings and vehicles; the identity goes only into the case
# details (transient data, never on the public ledger) and never into this output.
subject=$(java -Dh2.bindAddress=127.0.0.1 -cp "$GBX_JAR" org.h2.tools.Shell \
  -url "jdbc:h2:file:$NET/exchange/zhuhai/records;AUTO_SERVER=TRUE" -user "" -password "" -sql \
  "SELECT p.id_type || ' ' || p.id_number FROM person p WHERE EXISTS (SELECT 1 FROM border_crossing b WHERE
   b.person_id = p.person_id) AND EXISTS (SELECT 1 FROM vehicle v WHERE v.person_id = p.person_id)
   ORDER BY p.person_id LIMIT 1" | sed -n 2p | tr -d '\r')
details_file=$(umask 077; mktemp)
read -r id_type id_number <<< "$subject"

step "First a hit/no-hit lookup: does Zhuhai hold anything on this person? (docs/lookup.md)"
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
say "   request $request: PENDING"

step "Zhuhai's approver grants part of it: border crossings yes, vehicles no"
approved=$(as zhuhai approver1 request approve "$request" --json --categories BORDER_CROSSINGS \
  --expires 7d --destroy-by 14d --max-accesses 3 --conditions "H1: not for judicial proceedings without consent")
approve_tx=$(json "j['transactionId'] + ' ' + j['request']['status']" <<< "$approved")
say "   request $request: ${approve_tx#* }"

step "Zhuhai's node delivers, Macau's node verifies and stores"
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

step "The Macau officer reads the received data twice (each access is on the ledger first)"
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

step "The officer destroys the received data; the ledger purges the case details"
destroyed=$(as macau liaison1 destroy "$request" --json)
destroy_tx=$(json "j['transactionId']" <<< "$destroyed")
say "   again: $(as macau liaison1 destroy "$request")"

history=$(as macau liaison1 request history "$request" --json)
tx_of() { json "[e['txId'] for e in j if e['record']['status'] == '$1'][0]" <<< "$history"; }

step "Summary"
say "   request    $request (Macau Judiciary Police asks Zhuhai PSB)"
say "   created    $create_tx"
say "   granted    ${approve_tx%% *} (border crossings only)"
say "   delivered  $(tx_of DELIVERED) (by Zhuhai's node)"
say "   received   $(tx_of RECEIVED) (Macau's node: hash verified)"
say "   accessed   ${access_txs[0]}"
say "   accessed   ${access_txs[1]}"
say "   destroyed  $destroy_tx"
say "   The ledger holds hashes, ids and decisions only; the records went node to node over mutual TLS."
say "   Took $((SECONDS - started)) s. The network keeps running: 'scripts/network.sh status' shows it."
