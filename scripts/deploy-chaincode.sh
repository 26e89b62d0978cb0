#!/usr/bin/env bash
# Deploys the exchange chaincode as a service: one chaincode server per
# organisation, installed on its peer, approved by every organisation and
# committed. Re-runnable: an unchanged jar is left alone, a changed jar becomes
# the next sequence of the definition.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$GBX_ROOT/scripts/lib/channel.sh"
source "$NETCFG/chaincode/definition.conf"

JAR="$GBX_ROOT/chaincode/target/gbx-chaincode.jar"

usage() {
  cat <<USAGE
Usage: scripts/deploy-chaincode.sh [--rebuild]

Builds the chaincode jar if needed (--rebuild forces it), then packages it as a
chaincode-as-a-service package per organisation, starts each organisation's
chaincode server, installs, approves and commits the '$CHAINCODE_NAME' definition on
'$CHANNEL_NAME'. The network must be up (scripts/network.sh up).
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

# Two forces' peers, however many organisations there are: never the committee, so the
# committee plus one force can never create a key (docs/ledger.md, "Who must endorse").
endorsement_policy() {
  local o members=()
  for o in "${ORG_KEYS[@]}"; do
    [ "${ORG_KIND[$o]}" = force ] && members+=("'${ORG_MSP[$o]}.peer'")
  done
  [ ${#members[@]} -ge 2 ] || die "the chaincode policy needs at least two forces in organisations.conf"
  (IFS=,; echo "OutOf(2,${members[*]})")
}
POLICY=$(endorsement_policy)

# Named after the jar and the policy, so a new policy alone is a new definition too.
version=$( (sha256sum "$JAR" | cut -c1-64; echo "$POLICY") | sha256sum | cut -c1-12)
label="${CHAINCODE_NAME}_$version"
# The servers run a copy named after its hash: rebuilding target/ under a
# running JVM would make its lazy class loading fail.
RUN_JAR="$NET/chaincode/$label.jar"
mkdir -p "$NET/chaincode"
[ -f "$RUN_JAR" ] || cp "$JAR" "$RUN_JAR"

collections_args=()
if [ "$(tr -d '[:space:]' < "$NETCFG/chaincode/collections.json")" != "[]" ]; then
  collections_args=(--collections-config "$NETCFG/chaincode/collections.json")
fi

first_org=${ORG_KEYS[0]}
orderer_args=(-o "127.0.0.1:$(port "$first_org" orderer)" --tls --cafile "$(tls_ca "$first_org")")

committed_field() { # field
  as_admin "$first_org" peer lifecycle chaincode querycommitted -C "$CHANNEL_NAME" -n "$CHAINCODE_NAME" -O json 2>/dev/null |
    python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])" 2>/dev/null || true
}

# The package: metadata.json + code.tar.gz holding connection.json, whose TLS
# fields are PEM strings. Built reproducibly so its package id is stable.
make_package() { # org -> path
  local org=$1 dir; dir="$(org_dir "$1")/chaincode"
  local pkg="$dir/$label.tar.gz"
  if [ ! -f "$pkg" ]; then
    local work; work=$(mktemp -d)
    python3 - "$work/connection.json" "127.0.0.1:$(port "$org" chaincode)" "$(tls_ca "$org")" \
      "$dir/client/server.crt" "$dir/client/server.key" <<'PY'
import json, sys
out, address, root, cert, key = sys.argv[1:]
read = lambda p: open(p).read()
json.dump({"address": address, "dial_timeout": "10s", "tls_required": True,
           "client_auth_required": True, "root_cert": read(root),
           "client_cert": read(cert), "client_key": read(key)}, open(out, "w"), indent=2)
PY
    printf '{"type":"ccaas","label":"%s"}\n' "$label" > "$work/metadata.json"
    tar -C "$work" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf - connection.json | gzip -n > "$work/code.tar.gz"
    tar -C "$work" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf - metadata.json code.tar.gz | gzip -n > "$pkg"
    rm -rf "$work"
  fi
  echo "$pkg"
}

# Runs this organisation's chaincode server for the package; restarts it when
# the package changed.
start_chaincode_server() { # org package-id
  local org=$1 id=$2 dir; dir="$(org_dir "$1")/chaincode"
  if pid_alive "chaincode-$org" && [ "$(cat "$dir/running-package" 2>/dev/null)" = "$id" ]; then return 0; fi
  stop_process "chaincode-$org"
  start_process "chaincode-$org" env \
    CHAINCODE_SERVER_ADDRESS="127.0.0.1:$(port "$org" chaincode)" \
    CORE_CHAINCODE_ID_NAME="$id" \
    CORE_PEER_LOCALMSPID="${ORG_MSP[$org]}" \
    CHAINCODE_TLS_CERT_FILE="$dir/server/server.crt" \
    CHAINCODE_TLS_KEY_FILE="$dir/server/server.key" \
    CHAINCODE_TLS_CLIENT_CA_FILE="$(tls_ca "$org")" \
    java -Xmx256m -jar "$RUN_JAR"
  echo "$id" > "$dir/running-package"
  wait_for 60 "the chaincode server of $org" bash -c "exec 3<>/dev/tcp/127.0.0.1/$(port "$org" chaincode)" \
    || die "chaincode server of $org did not start (see $LOGS/chaincode-$org.log)"
  say "   chaincode server of $org listening on 127.0.0.1:$(port "$org" chaincode)"
}

# The committee registers every force on the ledger (idempotent): only a registered force
# exchanges, and its suspension record then needs the committee's peer alone to change.
force_peer_args() {
  local o
  for o in "${ORG_KEYS[@]}"; do
    [ "${ORG_KIND[$o]}" = force ] && printf '%s\n' --peerAddresses "127.0.0.1:$(port "$o" peer)" --tlsRootCertFiles "$(tls_ca "$o")"
  done
}
register_force() { # committee-org msp
  as_admin "$1" peer chaincode invoke "${orderer_args[@]}" -C "$CHANNEL_NAME" -n "$CHAINCODE_NAME" \
    -c "{\"Args\":[\"RegisterForce\",\"$2\"]}" "${FORCE_PEERS[@]}" --waitForEvent >>"$LOGS/peer-cli.log" 2>&1
}
register_forces() {
  local committee="" o
  for o in "${ORG_KEYS[@]}"; do [ "${ORG_KIND[$o]}" = committee ] && committee=$o; done
  [ -n "$committee" ] || die "no committee in organisations.conf"
  mapfile -t FORCE_PEERS < <(force_peer_args)
  for o in "${ORG_KEYS[@]}"; do
    [ "${ORG_KIND[$o]}" = force ] || continue
    # The chaincode servers have just (re)started: the first invoke may find them not ready.
    wait_for 60 "registration of ${ORG_MSP[$o]}" register_force "$committee" "${ORG_MSP[$o]}" \
      || die "the committee could not register ${ORG_MSP[$o]} (see $LOGS/peer-cli.log)"
  done
  say "   forces registered on the ledger"
}

step "Deploying chaincode '$CHAINCODE_NAME' version $version"
committed_version=$(committed_field version)
committed_sequence=$(committed_field sequence)
if [ "$committed_version" = "$version" ]; then
  sequence=$committed_sequence
else
  sequence=$(( ${committed_sequence:-0} + 1 ))
fi

declare -A PACKAGE_ID
for org in "${ORG_KEYS[@]}"; do
  pkg=$(make_package "$org")
  id=$(as_admin "$org" peer lifecycle chaincode calculatepackageid "$pkg")
  PACKAGE_ID[$org]=$id
  if ! as_admin "$org" peer lifecycle chaincode queryinstalled 2>/dev/null | grep -q "Package ID: $id,"; then
    as_admin "$org" peer lifecycle chaincode install "$pkg" >>"$LOGS/peer-cli.log" 2>&1 \
      || die "install on the peer of $org failed (see $LOGS/peer-cli.log)"
    say "   installed on the peer of $org"
  fi
done

if [ "$committed_version" = "$version" ]; then
  for org in "${ORG_KEYS[@]}"; do start_chaincode_server "$org" "${PACKAGE_ID[$org]}"; done
  say "   definition already committed (sequence $sequence); nothing to approve"
  register_forces
  exit 0
fi

for org in "${ORG_KEYS[@]}"; do
  if as_admin "$org" peer lifecycle chaincode queryapproved -C "$CHANNEL_NAME" -n "$CHAINCODE_NAME" --sequence "$sequence" -O json 2>/dev/null | grep -q "\"${PACKAGE_ID[$org]}\""; then
    continue
  fi
  # Right after the orderers join, Raft may still be electing a leader; and an
  # approval whose event wait timed out may have committed after all.
  tries=0
  until out=$(as_admin "$org" peer lifecycle chaincode approveformyorg "${orderer_args[@]}" \
      -C "$CHANNEL_NAME" -n "$CHAINCODE_NAME" -v "$version" --package-id "${PACKAGE_ID[$org]}" \
      --sequence "$sequence" --signature-policy "$POLICY" "${collections_args[@]}" --waitForEvent 2>&1); do
    echo "$out" >>"$LOGS/peer-cli.log"
    grep -q 'unchanged content' <<<"$out" && break
    tries=$((tries + 1))
    [ $tries -lt 10 ] || die "approval by $org failed (see $LOGS/peer-cli.log)"
    sleep 3
  done
  say "   approved by ${ORG_NAME[$org]}"
done

peer_args=()
for org in "${ORG_KEYS[@]}"; do
  peer_args+=(--peerAddresses "127.0.0.1:$(port "$org" peer)" --tlsRootCertFiles "$(tls_ca "$org")")
done
as_admin "$first_org" peer lifecycle chaincode commit "${orderer_args[@]}" -C "$CHANNEL_NAME" -n "$CHAINCODE_NAME" \
  -v "$version" --sequence "$sequence" --signature-policy "$POLICY" "${collections_args[@]}" "${peer_args[@]}" \
  --waitForEvent >>"$LOGS/peer-cli.log" 2>&1 || die "commit of the definition failed (see $LOGS/peer-cli.log)"
say "   committed '$CHAINCODE_NAME' version $version, sequence $sequence, endorsement $POLICY"
# Only now switch the servers: until the commit, peers still run the old package.
for org in "${ORG_KEYS[@]}"; do start_chaincode_server "$org" "${PACKAGE_ID[$org]}"; done
register_forces
