# The one-machine network runs every organisation's own kit (scripts/org.sh) on this host, each
# in its own home under .network/orgs/. Sourced by network.sh and deploy-chaincode.sh.

org_home() { echo "$NET/orgs/$1"; }
kit() { local o=$1; shift; "$GBX_ROOT/scripts/org.sh" --home "$(org_home "$o")" "$@"; }

# Runs one kit step for every organisation at once; fails if any of them failed.
each_org() { # kit-command...
  local o p pids=() failed=0
  for o in "${ORG_KEYS[@]}"; do kit "$o" "$@" & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p" || failed=1; done
  [ $failed = 0 ] || die "'scripts/org.sh $*' failed for an organisation (its message is above)"
}
