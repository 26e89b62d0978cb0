#!/usr/bin/env bash
# Every test of gbx: unit tests, the network scripts' own tests, and the
# integration suite against one real Fabric network started here for the
# whole suite (tests use unique ids, so they share it safely).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
step() { printf '\n==> %s\n' "$*"; }
started=$SECONDS

step "Docs: every reference resolves inside the clone"
scripts/tests/docs-links.py --self-test

step "Fabric binaries"
scripts/build-fabric.sh

step "Tools the integration tests need"
# Headless Chromium renders the committee's HTML report in the audit tests; the Noto CJK fonts
# draw its Chinese pages (the screenshots under gateway-client/target/report-screenshots/).
if ! command -v chromium >/dev/null || ! fc-list 2>/dev/null | grep -q 'Noto Sans CJK'; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi
chromium --version

step "The attack client (Go, into gateway-client/target/)"
# The integration tests' independent Fabric client: it signs, endorses on the peers a test
# picks and submits without gbx (docs/ledger.md, "Proved on the real network").
(cd gateway-client/src/test/attack-client && go build -o ../../../target/attack-client .)

step "Build and unit tests"
mvn -B -q install 2>&1 | tail -n 200
# Maven's quiet mode hides the summaries; show the counts per module.
for r in chaincode gateway-client; do
  cat "$r"/target/surefire-reports/*.txt 2>/dev/null | grep -E '^Tests run' | awk -v m="$r" -F'[ ,]+' \
    '{t+=$3; f+=$5; e+=$7; s+=$9} END {printf "   %-15s %d tests, %d failures, %d errors, %d skipped\n", m, t, f, e, s}'
done

we_started=no
cleanup() {
  scripts/lib/postgres.sh stop >/dev/null 2>&1 || true
  if [ "$we_started" = yes ]; then step "Stopping the test network"; scripts/network.sh down --clean || true; fi
}
trap cleanup EXIT

if scripts/network.sh status >/dev/null 2>&1; then
  step "A gbx network is already running: the tests use it and leave it running"
else
  step "Network script tests (network down)"
  scripts/tests/network-scripts.sh port-taken
  step "Starting the test network"
  we_started=yes
  scripts/network.sh up
  scripts/tests/network-scripts.sh up-twice
fi
scripts/tests/network-scripts.sh peer-cli

export GBX_CONFIG="${GBX_NETWORK_DIR:-$ROOT/.network}/gbx-network.json"
step "Integration tests against the real network"
mvn -B -Pintegration verify -DskipUnitTests -pl gateway-client -Dit.test='*IT, !PersonalDataScanIT'

step "Exchange node with PostgreSQL as the records database"
GBX_TEST_PG_URL=$(scripts/lib/postgres.sh start) \
  mvn -B -Pintegration verify -DskipUnitTests -pl gateway-client -Dit.test=ExchangeNodeIT
scripts/lib/postgres.sh stop

step "The demo, then no personal data in any block of the channel"
scripts/demo.sh
mvn -B -Pintegration verify -DskipUnitTests -pl gateway-client -Dit.test=PersonalDataScanIT

if [ "$we_started" = yes ]; then
  step "Network script tests (restart from kept state)"
  scripts/tests/network-scripts.sh restart
fi

step "All tests passed in $(( (SECONDS - started) / 60 )) min $(( (SECONDS - started) % 60 )) s"
