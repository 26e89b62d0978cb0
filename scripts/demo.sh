#!/usr/bin/env bash
# The gbx demo: brings the local network up if it is not running, then shows
# who each enrolled user is on the ledger (MSP ID and gbx.role, read by the
# chaincode from the user's own certificate).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

if "$GBX_ROOT/scripts/network.sh" status >/dev/null 2>&1; then
  step "The gbx network is already running"
else
  "$GBX_ROOT/scripts/network.sh" up
fi

step "Who is who on the ledger"
for org in "${ORG_KEYS[@]}"; do
  while read -r user _ _; do
    "$GBX_ROOT/scripts/gbx" whoami --org "$org" --user "$user"
  done < <(org_users "$org")
done
say ""
say "The network keeps running: 'scripts/network.sh status' shows it, 'scripts/network.sh down' stops it."
