# The gba-exchange channel as one organisation takes part in it: the genesis block made from
# the organisations' public parts (by whichever organisation assembles it) and checked by every
# other; its own orderer joined with osnadmin and its own peer joined, each with its own admin.
# Sourced by org.sh after kit.sh.
CHANNEL=gba-exchange

channel_block() { echo "$HOME_DIR/channel/$CHANNEL.block"; }

# Settings that let the stock peer CLI act as one of this organisation's users, through its own
# peer and orderer.
cli_env() { # user
  local u; u=$(own_user "$1")
  [ -d "$u/msp" ] || die "no identity '$1' in $ORG (known: $(ls "$HOME_DIR/users" 2>/dev/null | tr '\n' ' '))"
  echo FABRIC_CFG_PATH="$HOME_DIR/config/peercfg"
  echo FABRIC_LOGGING_SPEC="grpc=error:warning"
  echo CORE_PEER_TLS_ENABLED=true
  echo CORE_PEER_LOCALMSPID="$MSP_ID"
  echo CORE_PEER_MSPCONFIGPATH="$u/msp"
  echo CORE_PEER_ADDRESS="$(dial_at peer)"
  echo CORE_PEER_TLS_ROOTCERT_FILE="$(own_tls_ca)"
  echo ORDERER_ADDRESS="$(dial_at orderer)"
  echo ORDERER_CA="$(own_tls_ca)"
}

as_admin() { # command...
  local vars=(); mapfile -t vars < <(cli_env admin)
  env "${vars[@]}" "$@"
}

# What configtx.yaml needs of one organisation, this one or a partner: MSP folder, consenter
# certificate, peer and orderer endpoints.
org_msp_dir() { if [ "$1" = "$ORG" ]; then echo "$HOME_DIR/msp"; else echo "$(partner_dir "$1")/msp"; fi; }
consenter_cert_of() { if [ "$1" = "$ORG" ]; then echo "$HOME_DIR/orderer/tls/server.crt"; else echo "$(partner_dir "$1")/orderer/tls/server.crt"; fi; }
orderer_endpoint_of() { if [ "$1" = "$ORG" ]; then dial_at orderer; else partner_value "$1" ORDERER; fi; }

# configtx.yaml for the channel's genesis, from this organisation and every partner imported.
write_configtx() { # dir
  local dir=$1 o orgs="" consenters="" members="" peer orderer
  for o in $(channel_orgs); do
    peer=$(peer_endpoint_of "$o"); orderer=$(orderer_endpoint_of "$o")
    declare -A org=([MSP_ID]="$(msp_id_of "$o")" [MSP_DIR]="$(org_msp_dir "$o")" [ORDERER]="$orderer"
      [PEER_HOST]="${peer%:*}" [PEER_PORT]="${peer##*:}" [ORDERER_HOST]="${orderer%:*}"
      [ORDERER_PORT]="${orderer##*:}" [CONSENTER_CERT]="$(consenter_cert_of "$o")")
    orgs+=$(render "$NETCFG/channel-organisation.yaml" org)$'\n'
    consenters+=$(render "$NETCFG/consenter.yaml" org)$'\n'
    members+="        - *${org[MSP_ID]}"$'\n'
    unset org
  done
  declare -A channel=([ORGANIZATIONS]="$orgs" [CONSENTERS]="$consenters" [MEMBERS]="${members%$'\n'}")
  mkdir -p "$dir"
  render "$NETCFG/configtx.yaml" channel > "$dir/configtx.yaml"
}

# The genesis block, by the organisation that assembles the channel; the others check it.
make_channel_block() { # output
  local out=$1 dir="$HOME_DIR/channel/configtx"
  [ "$(channel_orgs | wc -l)" -eq "${#ORG_KEYS[@]}" ] ||
    die "import every other organisation's public parts first (have: $(channel_orgs | tr '\n' ' '); organisations.conf: ${ORG_KEYS[*]})"
  write_configtx "$dir"
  configtxgen -configPath "$dir" -profile GbaExchange -channelID "$CHANNEL" -outputBlock "$out" \
    2>&1 | append_log "$LOGS/configtxgen-$ORG.log" || die "configtxgen failed (see $LOGS/configtxgen-$ORG.log)"
}

# Checks a genesis block against what this organisation holds and keeps it as the channel's.
check_channel_block() { # block
  local block=$1 json o specs=()
  json=$(mktemp)
  configtxlator proto_decode --type common.Block --input "$block" --output "$json" 2>>"$LOGS/configtxgen-$ORG.log" ||
    { rm -f "$json"; die "$block is not a Fabric block"; }
  for o in $(channel_orgs); do
    specs+=(--org "$(msp_id_of "$o"),$(org_msp_dir "$o")/cacerts/ca.pem,$(org_msp_dir "$o")/tlscacerts/tlsca.pem,$(consenter_cert_of "$o"),$(peer_endpoint_of "$o"),$(orderer_endpoint_of "$o")")
  done
  python3 "$GBX_ROOT/scripts/lib/public_parts.py" check-block "$json" "${specs[@]}" || { rm -f "$json"; exit 1; }
  rm -f "$json"
  mkdir -p "$HOME_DIR/channel"
  [ "$(readlink -f "$block")" = "$(readlink -f "$(channel_block)")" ] || cp "$block" "$(channel_block)"
}

osn() { # osnadmin-args...
  local a; a="$(own_user admin)/tls"
  osnadmin channel "$@" -o "$(dial_at orderer-admin)" \
    --ca-file "$(own_tls_ca)" --client-cert "$a/server.crt" --client-key "$a/server.key"
}

join_orderer() {
  if osn list 2>/dev/null | grep -q "\"$CHANNEL\""; then return 0; fi
  osn join --channelID "$CHANNEL" --config-block "$(channel_block)" 2>&1 | append_log "$LOGS/osnadmin-$ORG.log" \
    || die "the orderer of $ORG could not join $CHANNEL (see $LOGS/osnadmin-$ORG.log)"
  say "   orderer of $ORG joined $CHANNEL"
}

join_peer() {
  if as_admin peer channel list 2>/dev/null | grep -qx "$CHANNEL"; then return 0; fi
  as_admin peer channel join -b "$(channel_block)" 2>&1 | append_log "$LOGS/peer-cli-$ORG.log" \
    || die "the peer of $ORG could not join $CHANNEL (see $LOGS/peer-cli-$ORG.log)"
  say "   peer of $ORG joined $CHANNEL"
}

# The Gateway plans endorsements from discovery: wait until this organisation's peer sees
# every organisation's peer with the chaincode installed.
discovery_complete() { # chaincode
  local cc=$1 u seen; u="$(own_user admin)/msp"
  seen=$(discover peers --channel "$CHANNEL" --server "$(dial_at peer)" \
    --peerTLSCA "$(own_tls_ca)" --userKey "$u/keystore/key.pem" --userCert "$u/signcerts/cert.pem" \
    --MSP "$MSP_ID" 2>/dev/null) || return 1
  python3 - "$seen" "$cc" "${ORG_MSP[@]}" <<'PY'
import json, sys
peers, cc, msps = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3:]
missing = [m for m in msps if not any(p["MSPID"] == m and cc in (p.get("Chaincodes") or []) for p in peers)]
print("not yet seen with the chaincode: " + ", ".join(missing) if missing else "every organisation's peer")
sys.exit(1 if missing else 0)
PY
}

# Height and hash of the newest block on this organisation's peer: "HEIGHT HASH" (hex).
peer_chain_info() {
  as_admin peer channel getinfo -c "$CHANNEL" 2>/dev/null | sed -n 's/^Blockchain info: //p' |
    python3 -c 'import base64, json, sys; i = json.load(sys.stdin); print(i["height"], base64.b64decode(i["currentBlockHash"]).hex())'
}
