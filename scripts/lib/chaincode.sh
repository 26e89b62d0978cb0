# The exchange chaincode as one organisation runs it: its own chaincode server (a service, no
# Docker) packaged for its own peer, installed there, and the definition approved by its own
# admin; any one organisation then commits the definition the others approved. Sourced by
# org.sh after kit.sh and channel.sh.
source "$NETCFG/chaincode/definition.conf"

# Two forces' peers, however many organisations the channel has: never the committee, so the
# committee plus one force can never create a key (docs/ledger.md, "Who must endorse").
endorsement_policy() {
  local o members=()
  for o in $(channel_orgs); do
    [ "$(kind_of "$o")" = force ] && members+=("'$(msp_id_of "$o").peer'")
  done
  [ ${#members[@]} -ge 2 ] || die "the chaincode policy needs at least two forces in the channel"
  (IFS=,; echo "OutOf(2,${members[*]})")
}

# The version and package label come from the jar's hash and the policy (a new policy alone is
# a new definition too): every organisation builds the chaincode from the same commit, gets the
# same bytes (a reproducible build) and approves the same version.
cc_version() { (sha256sum "$1" | cut -c1-64; endorsement_policy) | sha256sum | cut -c1-12; } # jar
cc_label() { echo "${CHAINCODE_NAME}_$(cc_version "$1")"; }

# Explicit collections, when collections.json names any (case details use implicit ones).
CC_COLLECTIONS=()
if [ "$(tr -d '[:space:]' < "$NETCFG/chaincode/collections.json")" != "[]" ]; then
  CC_COLLECTIONS=(--collections-config "$NETCFG/chaincode/collections.json")
fi

committed_field() { # field
  as_admin peer lifecycle chaincode querycommitted -C "$CHANNEL_NAME" -n "$CHAINCODE_NAME" -O json 2>/dev/null |
    python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])" 2>/dev/null || true
}

# The sequence a definition of this version has or will have.
cc_sequence() { # version
  local committed_version committed_sequence
  committed_version=$(committed_field version); committed_sequence=$(committed_field sequence)
  if [ "$committed_version" = "$1" ]; then echo "$committed_sequence"; else echo $(( ${committed_sequence:-0} + 1 )); fi
}

cc_dir() { echo "$HOME_DIR/chaincode"; }

# The package: metadata.json + code.tar.gz holding connection.json (where this organisation's
# peer reaches its chaincode server, and the TLS material for it). Built reproducibly, so its
# package id is stable. The server runs a copy of the jar named after its label: rebuilding
# target/ under a running JVM would make its lazy class loading fail.
cc_package() { # jar -> path of the package
  local jar=$1 dir label pkg; dir=$(cc_dir); label=$(cc_label "$jar"); pkg="$dir/$label.tar.gz"
  mkdir -p "$dir"
  [ -f "$dir/$label.jar" ] || cp "$jar" "$dir/$label.jar"
  if [ ! -f "$pkg" ]; then
    local work; work=$(mktemp -d)
    python3 - "$work/connection.json" "$(dial_at chaincode)" "$(own_tls_ca)" \
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

# Packages the jar for this organisation's peer and installs it there; prints the package id.
cc_install() { # jar
  local pkg id; pkg=$(cc_package "$1")
  id=$(as_admin peer lifecycle chaincode calculatepackageid "$pkg")
  if ! as_admin peer lifecycle chaincode queryinstalled 2>/dev/null | grep -q "Package ID: $id,"; then
    as_admin peer lifecycle chaincode install "$pkg" 2>&1 | append_log "$LOGS/peer-cli-$ORG.log" \
      || die "install on the peer of $ORG failed (see $LOGS/peer-cli-$ORG.log)"
    say "   installed $(cc_label "$1") on the peer of $ORG" >&2
  fi
  echo "$id" > "$(cc_dir)/$(cc_label "$1").id"
  echo "$id"
}

cc_package_id() { # jar
  local f; f="$(cc_dir)/$(cc_label "$1").id"
  [ -f "$f" ] || die "$(cc_label "$1") is not installed on the peer of $ORG (scripts/org.sh chaincode-install first)"
  cat "$f"
}

# This organisation's admin approves the definition for the jar's version.
cc_approve() { # jar
  local version sequence id out deadline policy
  version=$(cc_version "$1"); sequence=$(cc_sequence "$version"); id=$(cc_package_id "$1"); policy=$(endorsement_policy)
  if [ "$(committed_field version)" = "$version" ]; then
    say "   $CHAINCODE_NAME version $version is committed (sequence $sequence); nothing to approve"
    return 0
  fi
  if as_admin peer lifecycle chaincode queryapproved -C "$CHANNEL_NAME" -n "$CHAINCODE_NAME" --sequence "$sequence" -O json 2>/dev/null | grep -q "\"$id\""; then
    return 0
  fi
  # Right after the orderers join, Raft may still be electing a leader; and an approval
  # whose event wait timed out may have committed after all.
  deadline=$((SECONDS + 120))
  until out=$(as_admin peer lifecycle chaincode approveformyorg -o "$(dial_at orderer)" --tls --cafile "$(own_tls_ca)" \
      -C "$CHANNEL_NAME" -n "$CHAINCODE_NAME" -v "$version" --package-id "$id" \
      --sequence "$sequence" --signature-policy "$policy" "${CC_COLLECTIONS[@]}" --waitForEvent 2>&1); do
    printf '%s\n' "$out" | append_log "$LOGS/peer-cli-$ORG.log"
    grep -q 'unchanged content' <<<"$out" && break
    [ $SECONDS -lt $deadline ] || die "approval by $ORG still failed after 120 s: $(tail -n 1 <<<"$out")"
    sleep 2
  done
  say "   approved by $NAME: $CHAINCODE_NAME version $version, sequence $sequence, endorsement $policy"
}

# Commits the definition the organisations approved, collecting every peer's endorsement.
cc_commit() { # jar
  local version sequence o peers=() policy
  version=$(cc_version "$1"); sequence=$(cc_sequence "$version"); policy=$(endorsement_policy)
  if [ "$(committed_field version)" = "$version" ]; then
    say "   $CHAINCODE_NAME version $version is already committed (sequence $sequence)"
    return 0
  fi
  for o in $(channel_orgs); do
    peers+=(--peerAddresses "$(peer_endpoint_of "$o")" --tlsRootCertFiles "$(tls_ca_of "$o")")
  done
  as_admin peer lifecycle chaincode commit -o "$(dial_at orderer)" --tls --cafile "$(own_tls_ca)" -C "$CHANNEL_NAME" \
    -n "$CHAINCODE_NAME" -v "$version" --sequence "$sequence" --signature-policy "$policy" "${CC_COLLECTIONS[@]}" \
    "${peers[@]}" --waitForEvent 2>&1 | append_log "$LOGS/peer-cli-$ORG.log" \
    || die "commit of the definition failed (see $LOGS/peer-cli-$ORG.log)"
  say "   committed '$CHAINCODE_NAME' version $version, sequence $sequence, endorsement $policy"
}

# Runs this organisation's chaincode server for the installed package; restarts it when the
# package changed. Only once the definition is committed: until then the peer runs the old one.
cc_serve() { # jar
  local id dir label; id=$(cc_package_id "$1"); dir=$(cc_dir); label=$(cc_label "$1")
  if pid_alive "chaincode-$ORG" && [ "$(cat "$dir/running-package" 2>/dev/null)" = "$id" ]; then return 0; fi
  stop_process "chaincode-$ORG"
  start_process "chaincode-$ORG" env \
    CHAINCODE_SERVER_ADDRESS="$(bind_at chaincode)" \
    CORE_CHAINCODE_ID_NAME="$id" \
    CORE_PEER_LOCALMSPID="$MSP_ID" \
    CHAINCODE_TLS_CERT_FILE="$dir/server/server.crt" \
    CHAINCODE_TLS_KEY_FILE="$dir/server/server.key" \
    CHAINCODE_TLS_CLIENT_CA_FILE="$(own_tls_ca)" \
    java -Xmx256m -jar "$dir/$label.jar"
  echo "$id" > "$dir/running-package"
  wait_for 120 "the chaincode server of $ORG" bash -c "exec 3<>/dev/tcp/$ADDRESS/$(own_port chaincode)" \
    || die "chaincode server of $ORG did not start (see $LOGS/chaincode-$ORG.log)"
  say "   chaincode server of $ORG listening on $(bind_at chaincode)"
}

# The committee registers every force of the channel on the ledger (idempotent): only a
# registered force exchanges, and its suspension record then needs the committee's peer alone to
# change. Endorsed by the forces' peers, as the chaincode's policy asks.
cc_register_forces() {
  [ "$KIND" = committee ] || die "only the committee registers the forces; $NAME is a $KIND"
  local o peers=() forces=()
  for o in $(channel_orgs); do
    [ "$(kind_of "$o")" = force ] || continue
    forces+=("$(msp_id_of "$o")")
    peers+=(--peerAddresses "$(peer_endpoint_of "$o")" --tlsRootCertFiles "$(tls_ca_of "$o")")
  done
  for o in "${forces[@]}"; do
    # The chaincode servers have just (re)started: the first invoke may find them not ready.
    wait_for 120 "registration of $o" register_force "$o" "${peers[@]}" \
      || die "the committee could not register $o (see $LOGS/peer-cli-$ORG.log)"
  done
  say "   forces registered on the ledger: ${forces[*]}"
}
register_force() { # msp peer-args...
  local msp=$1; shift
  as_admin peer chaincode invoke -o "$(dial_at orderer)" --tls --cafile "$(own_tls_ca)" -C "$CHANNEL_NAME" \
    -n "$CHAINCODE_NAME" -c "{\"Args\":[\"RegisterForce\",\"$msp\"]}" "$@" --waitForEvent 2>&1 \
    | append_log "$LOGS/peer-cli-$ORG.log"
}
