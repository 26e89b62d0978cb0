# The gba-exchange channel: genesis block, orderers join with osnadmin, peers
# join as their organisation's admin. Sourced by network.sh after common.sh.
CHANNEL=gba-exchange

# Settings that let the stock peer CLI act as a user against its org's peer.
cli_env() { # org user
  local org=$1 user=$2 u; u="$(org_dir "$1")/users/$2"
  [ -d "$u/msp" ] || die "no identity '$user' in $org (known: $(ls "$(org_dir "$org")/users" 2>/dev/null | tr '\n' ' '))"
  echo FABRIC_CFG_PATH="$NET/config/peercfg"
  echo FABRIC_LOGGING_SPEC="grpc=error:warning"
  echo CORE_PEER_TLS_ENABLED=true
  echo CORE_PEER_LOCALMSPID="${ORG_MSP[$org]}"
  echo CORE_PEER_MSPCONFIGPATH="$u/msp"
  echo CORE_PEER_ADDRESS="127.0.0.1:$(port "$org" peer)"
  echo CORE_PEER_TLS_ROOTCERT_FILE="$(tls_ca "$org")"
  echo ORDERER_ADDRESS="127.0.0.1:$(port "$org" orderer)"
  echo ORDERER_CA="$(tls_ca "$org")"
}

as_admin() { # org command...
  local org=$1; shift
  local vars=(); mapfile -t vars < <(cli_env "$org" admin)
  env "${vars[@]}" "$@"
}

make_channel_block() {
  local block="$NET/config/$CHANNEL.block"
  [ -f "$block" ] && return 0
  local line o l name
  while IFS= read -r line; do
    for o in "${ORG_KEYS[@]}"; do
      for l in "${!PORT_OFFSET[@]}"; do
        name="PORT_${o}_${l//-/_}"; line=${line//"\${$name}"/$(port "$o" "$l")}
      done
    done
    printf '%s\n' "$line"
  done < "$NETCFG/configtx.yaml" > "$NET/config/configtx.yaml"
  configtxgen -configPath "$NET/config" -profile GbaExchange -channelID "$CHANNEL" \
    -outputBlock "$block" 2>&1 | append_log "$LOGS/configtxgen.log" || die "configtxgen failed (see $LOGS/configtxgen.log)"
}

osn() { # org osnadmin-args...
  local org=$1 a; a="$(org_dir "$1")/users/admin/tls"; shift
  osnadmin channel "$@" -o "127.0.0.1:$(port "$org" orderer-admin)" \
    --ca-file "$(tls_ca "$org")" --client-cert "$a/server.crt" --client-key "$a/server.key"
}

join_orderer() { # org
  if osn "$1" list 2>/dev/null | grep -q "\"$CHANNEL\""; then return 0; fi
  osn "$1" join --channelID "$CHANNEL" --config-block "$NET/config/$CHANNEL.block" >>"$LOGS/osnadmin.log" 2>&1 \
    || die "orderer of $1 could not join $CHANNEL (see $LOGS/osnadmin.log)"
  say "   orderer of $1 joined $CHANNEL"
}

join_peer() { # org
  if as_admin "$1" peer channel list 2>/dev/null | grep -qx "$CHANNEL"; then return 0; fi
  as_admin "$1" peer channel join -b "$NET/config/$CHANNEL.block" >>"$LOGS/peer-cli.log" 2>&1 \
    || die "peer of $1 could not join $CHANNEL (see $LOGS/peer-cli.log)"
  say "   peer of $1 joined $CHANNEL"
}

# Anchor peers are part of each organisation's definition in configtx.yaml, so
# they are in the channel's genesis block; this checks that the peer knows them.
anchors_known() { # org
  as_admin "$1" peer channel fetch config "$NET/config/.anchors-$1.pb" -c "$CHANNEL" \
    -o "127.0.0.1:$(port "$1" orderer)" --tls --cafile "$(tls_ca "$1")" >/dev/null 2>&1 &&
  configtxlator proto_decode --type common.Block --input "$NET/config/.anchors-$1.pb" | grep -q '"AnchorPeers"'
}

# The Gateway plans endorsements from discovery: wait until this org's peer
# sees every organisation's peer with the chaincode installed.
discovery_complete() { # org chaincode
  local org=$1 cc=$2 u; u="$(org_dir "$1")/users/admin/msp"
  local seen
  seen=$(discover peers --channel "$CHANNEL" --server "127.0.0.1:$(port "$org" peer)" \
    --peerTLSCA "$(tls_ca "$org")" --userKey "$u/keystore/key.pem" --userCert "$u/signcerts/cert.pem" \
    --MSP "${ORG_MSP[$org]}" 2>/dev/null) || return 1
  local o
  for o in "${ORG_KEYS[@]}"; do
    python3 - "$seen" "${ORG_MSP[$o]}" "$cc" <<'PY' || return 1
import json, sys
peers, msp, cc = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3]
ok = any(p["MSPID"] == msp and cc in (p.get("Chaincodes") or []) for p in peers)
sys.exit(0 if ok else 1)
PY
  done
}
