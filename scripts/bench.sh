#!/usr/bin/env bash
# Benchmarks gbx against baselines measured in the same run on this machine:
# calls, ledger, transfer, hashing, audit; and the lookups' own targets (docs/lookup.md). A benchmark, not a test: it
# asserts nothing. Prints each figure as "RATIO <name> <value>" and rewrites the
# measured part of docs/benchmarks.md. Only 127.0.0.1 targets; it stops only the
# processes it started, by their pid.
#
# Knobs: BENCH_PARTS ("audit hashing transfer ledger lookup": which parts run; the report keeps
#        the figures of the parts not run) BENCH_LOOKUP_IDS (1000000) BENCH_LOOKUPS (5)
#        BENCH_CONCURRENCY (96; at 32 the closed loop waits on the 500 ms block
#        cut instead of loading the network) BENCH_SECONDS (20) BENCH_HALF_SECONDS (15)
#        BENCH_TRANSFER_MIB (1024) BENCH_AUDIT_RUNS (3) BENCH_CALL_RUNS (7) BENCH_WORKLOADS ("bare-write create-request record-access")
#        BENCH_JAR (gateway-client/target/gbx.jar, built when it lacks the bench classes)
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

CONCURRENCY=${BENCH_CONCURRENCY:-96}
SECONDS_RUN=${BENCH_SECONDS:-20}
SECONDS_HALF=${BENCH_HALF_SECONDS:-15}
MIB=${BENCH_TRANSFER_MIB:-1024}
AUDIT_RUNS=${BENCH_AUDIT_RUNS:-3}
CALL_RUNS=${BENCH_CALL_RUNS:-7}
WORKLOADS=${BENCH_WORKLOADS:-bare-write create-request record-access}
PARTS=${BENCH_PARTS:-audit hashing transfer ledger lookup}
LOOKUP_IDS=${BENCH_LOOKUP_IDS:-1000000}
LOOKUPS=${BENCH_LOOKUPS:-5}
part() { [[ " $PARTS " == *" $1 "* ]]; }
CONFIG="$NET/gbx-network.json"
WORK="$NET/bench"
RESULTS="$WORK/results.txt"
DOC="$GBX_ROOT/docs/benchmarks.md"
started_pids=()

cleanup() {
  local pid
  for pid in "${started_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$WORK/clip.bin" "$WORK/package" "$WORK/spool" "$WORK/received.bin" "$WORK/www"
}
trap cleanup EXIT

step "Network"
scripts_dir="$GBX_ROOT/scripts"
"$scripts_dir/network.sh" status >/dev/null 2>&1 || "$scripts_dir/network.sh" up

step "Client jar"
jar=${BENCH_JAR:-$GBX_ROOT/gateway-client/target/gbx.jar}
has_bench() { python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).getinfo("org/gbx/client/bench/LedgerBench.class")' "$1" 2>/dev/null; }
if ! has_bench "$jar"; then
  say "building $jar"
  mvn -B -q -f "$GBX_ROOT/pom.xml" -pl gateway-client -am -DskipTests package
fi
# Run a copy named after its hash: a colleague rebuilding target/ must not pull
# classes out from under a running benchmark.
mkdir -p "$WORK"
JAR="$WORK/gbx-$(sha256sum "$jar" | cut -c1-12).jar"
[ -f "$JAR" ] || cp "$jar" "$JAR"
java_main() { java -cp "$JAR" "org.gbx.client.bench.$1" "${@:2}" 2>&1 | grep -v -e TcpMetrics -e 'Epoll available'; }
now() { date +%s.%N; }
since() { awk -v a="$(now)" -v b="$1" 'BEGIN { printf "%.2f", a - b }'; }
: > "$RESULTS"
record() { say "$*" | tee -a "$RESULTS"; }
record "LOAD start $(cut -d' ' -f1-3 /proc/loadavg)"

step "Calls: what an officer waits for, against java -version and the stock peer CLI ($CALL_RUNS runs each)"
# Wall time of one whole call as scripts/gbx makes it (class-data archive, short-call JVM
# options), against the bare JVM and against `peer chaincode query` asking the same peer
# the same question. The first call after a build writes the archive: one untimed call first.
macau_peer_env=$("$scripts_dir/network.sh" env macau liaison1)
any_request=$(GBX_CONFIG="$CONFIG" "$scripts_dir/gbx" request list --org macau --user liaison1 --limit 1 --json \
  | python3 -c 'import json, sys; r = json.load(sys.stdin); print(r[0]["requestId"] if r else "")')
time_runs() { # name command...: CALL name=... median=... min=... max=... cpu=... (seconds; cpu = user + system)
  local name=$1 i TIMEFORMAT='%R %U %S'
  shift
  "$@" >/dev/null 2>&1 || die "$name failed: $*"
  # CPU time as well as wall: on a machine others load, it is the part the call itself costs.
  for i in $(seq "$CALL_RUNS"); do { time "$@" >/dev/null 2>&1; } 2>&1; done > "$WORK/call-$name.txt"
  record "CALL name=$name $(python3 -c 'import statistics, sys
rows = [[float(x) for x in line.split()] for line in open(sys.argv[1]) if line.strip()]
wall = [r[0] for r in rows]
cpu = statistics.median(r[1] + r[2] for r in rows)
print(f"median={statistics.median(wall):.2f} min={min(wall):.2f} max={max(wall):.2f} cpu={cpu:.2f} runs={len(rows)}")' \
    "$WORK/call-$name.txt")"
}
channel=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["channel"])' "$CONFIG")
peer_query() { (eval "$macau_peer_env"; peer chaincode query -C "$channel" -n exchange -c "$1"); }
gbx_call() { GBX_CONFIG="$CONFIG" "$scripts_dir/gbx" "$@" --org macau --user liaison1 --lang en; }
time_runs java_version java -version
time_runs peer_whoami peer_query '{"function":"WhoAmI","Args":[]}'
time_runs gbx_whoami gbx_call whoami
time_runs peer_list peer_query '{"function":"ListRequests","Args":["MacauPJMSP","","200",""]}'
time_runs gbx_list gbx_call request list
if [ -n "$any_request" ]; then
  time_runs peer_show peer_query "{\"function\":\"GetRequest\",\"Args\":[\"$any_request\"]}"
  time_runs gbx_show gbx_call request show "$any_request"
fi

if part audit; then
step "Audit: gbx audit verify-ledger against fetching the same blocks (best of $AUDIT_RUNS each)"
# On a small ledger both sides take a few seconds, mostly JVM start and connection, so one
# run of each swings the ratio by a third; the best of a few runs of each is steadier.
best() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b < a) ? b : a }'; }
verify_best=""; fetch_best=""
for _ in $(seq "$AUDIT_RUNS"); do
  t0=$(now)
  # Exit 8 (findings) still timed a full verification: on a ledger colleagues write to,
  # a request can change between reading its blocks and asking the chaincode.
  rc=0; java -jar "$JAR" audit verify-ledger --config "$CONFIG" --org oversight --user auditor1 --lang en --json \
    > "$WORK/verify.json" 2>/dev/null || rc=$?
  [ "$rc" = 0 ] || [ "$rc" = 8 ] || die "verify-ledger failed with exit $rc (see $WORK/verify.json)"
  verify_best=$(best "$verify_best" "$(since "$t0")")
  blocks=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['blocks'])" "$WORK/verify.json")
  t0=$(now); java_main BlockFetchBench "$CONFIG" "$blocks" >/dev/null
  fetch_best=$(best "$fetch_best" "$(since "$t0")")
done
record "VERIFY seconds=$verify_best blocks=$blocks runs=$AUDIT_RUNS"
record "FETCH seconds=$fetch_best blocks=$blocks runs=$AUDIT_RUNS"
fi

if part hashing || part transfer; then
step "Hashing: package hashing and Merkle tree against openssl dgst -sha256 ($MIB MiB)"
head -c "${MIB}M" /dev/urandom > "$WORK/clip.bin"
sha=$(openssl dgst -sha256 -r "$WORK/clip.bin" | cut -c1-64)   # warms the page cache for both
t0=$(now); openssl dgst -sha256 -r "$WORK/clip.bin" >/dev/null
record "OPENSSL_DGST seconds=$(since "$t0") mib=$MIB"
java_main HashBench "$CONFIG" "$WORK/clip.bin" "$WORK" "$sha" | tee -a "$RESULTS"
fi

if part transfer; then
step "Transfer: one $MIB MiB package node to node against openssl s_server + curl"
zt="$NET/orgs/zhuhai/exchange-node/tls"; mt="$NET/orgs/macau/exchange-node/tls"
mkdir -p "$WORK/www" && ln -f "$WORK/clip.bin" "$WORK/www/clip.bin"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$WORK/www" && exec openssl s_server -quiet -WWW -accept "127.0.0.1:$port" \
  -cert "$zt/server.crt" -key "$zt/server.key" -CAfile "$mt/ca.crt" -Verify 1) >/dev/null 2>&1 &
started_pids+=($!)
wait_for 10 "openssl s_server" port_in_use "$port"
secs=$(curl -sS --cacert "$zt/ca.crt" --cert "$mt/server.crt" --key "$mt/server.key" \
  "https://127.0.0.1:$port/clip.bin" -o "$WORK/received.bin" -w '%{time_total}')
record "OPENSSL_TLS seconds=$secs mib=$MIB"
kill "${started_pids[-1]}"
rm -f "$WORK/received.bin"
java -Xmx256m -cp "$JAR" org.gbx.client.bench.TransferBench "$CONFIG" "$WORK/package" "$WORK/spool" 2>&1 |
  grep '^TRANSFER' | tee -a "$RESULTS"
fi

if part ledger; then
step "Ledger: $WORKLOADS at concurrency $CONCURRENCY for ${SECONDS_RUN}s, then half load for ${SECONDS_HALF}s"
# shellcheck disable=SC2086 # one argument per workload
java_main LedgerBench "$CONFIG" "$CONCURRENCY" "$SECONDS_RUN" "$SECONDS_HALF" $WORKLOADS | tee -a "$RESULTS"
fi

if part lookup; then
step "Lookups: the holder's set of $LOOKUP_IDS identifiers, its size, and $LOOKUPS lookups between two lookup services"
rm -rf "$WORK/lookup-zhuhai" "$WORK/lookup-macau"
java -Xmx2g -cp "$JAR" org.gbx.client.bench.LookupBench "$CONFIG" "$WORK" "$LOOKUP_IDS" "$LOOKUPS" 2>&1 |
  grep '^LOOKUP_' | tee -a "$RESULTS"
rm -rf "$WORK/lookup-zhuhai" "$WORK/lookup-macau"
fi
record "LOAD end $(cut -d' ' -f1-3 /proc/loadavg)"

step "Figures"
python3 "$GBX_ROOT/scripts/lib/bench_report.py" "$RESULTS" "$DOC" "$CONCURRENCY"
