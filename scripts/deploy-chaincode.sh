#!/usr/bin/env bash
# Deploys the exchange chaincode on the one-machine network with each organisation's own kit
# steps: each packages it for its own peer and installs it, each organisation's admin approves
# the definition, the first organisation commits it, each runs its own chaincode server, and the
# committee registers the forces on the ledger.
# Re-runnable: an unchanged jar is left alone, a changed jar becomes the next sequence.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$NETCFG/chaincode/definition.conf"
source "$GBX_ROOT/scripts/lib/one-machine.sh"

JAR="$GBX_ROOT/chaincode/target/gbx-chaincode.jar"

usage() {
  cat <<USAGE
Usage: scripts/deploy-chaincode.sh [--rebuild]

Builds the chaincode jar if needed (--rebuild forces it), then, for each organisation
(scripts/org.sh in .network/orgs/<org>): chaincode-install, chaincode-approve; the first
organisation's chaincode-commit; each organisation's chaincode-serve; the committee's
register-forces. The network must be up
(scripts/network.sh up).
USAGE
}

rebuild=no
case "${1:-}" in
  -h|--help) usage; exit 0 ;;
  --rebuild) rebuild=yes ;;
  "") ;;
  *) usage >&2; exit 2 ;;
esac

if [ "$rebuild" = yes ] || [ ! -f "$JAR" ]; then
  step "Building the chaincode jar"
  (cd "$GBX_ROOT" && mvn -q -B -pl chaincode -am package -DskipTests) || die "chaincode build failed"
fi
[ -f "$JAR" ] || die "no chaincode jar at $JAR"

step "Deploying chaincode '$CHAINCODE_NAME' from $(sha256sum "$JAR" | cut -c1-12)"
each_org chaincode-install "$JAR"
for org in "${ORG_KEYS[@]}"; do kit "$org" chaincode-approve "$JAR"; done
kit "${ORG_KEYS[0]}" chaincode-commit "$JAR"
# Only now switch the servers: until the commit, peers still run the old package.
each_org chaincode-serve "$JAR"
for org in "${ORG_KEYS[@]}"; do [ "${ORG_KIND[$org]}" != committee ] || kit "$org" register-forces; done
