# The organisation's two Fabric CAs and the identities they issue, as Fabric's deployment guide
# recommends: ca-<org> issues enrolment certificates (the MSP identities of nodes and users, with
# the gbx.role attribute), tlsca-<org> issues TLS certificates. Both CAs' keys, and every key
# they certify, are created in the organisation's home on its own host. Sourced by org.sh after
# kit.sh.

# which: "ca" (enrolment) or "tlsca" (TLS)
ca_home() { echo "$HOME_DIR/$1"; }
ca_name() { echo "$1-$ORG"; }
ca_listener() { if [ "$1" = ca ]; then echo ca; else echo tls-ca; fi; }
ca_cert() { echo "$HOME_DIR/$1/ca-cert.pem"; }
ca_url() { echo "https://$2@$(dial_at "$(ca_listener "$1")")"; } # which cred

# Subject names of every certificate an organisation's CA issues (CN and OU are set per identity).
csr_names() {
  if [ "$PLACE" = - ]; then echo "O=$NAME"; else echo "$PLACE,O=$NAME"; fi
}

ca_flags() { # which -> CA_FLAGS, the flags init and start share
  local home; home=$(ca_home "$1")
  CA_FLAGS=(--home "$home" -b "registrar:$(cat "$home/registrar.secret")" --ca.name "$(ca_name "$1")"
    --csr.cn "$1.$ORG.gbx" --csr.hosts "$(tls_hosts)")
}

# The server takes subject names only from its config file: on first start, write the
# default config, put the organisation's names in it, and let the CA certificate be made
# from that (init made one with Fabric CA's sample names, C=US, ST=North Carolina).
configure_ca() { # which
  local home; home=$(ca_home "$1")
  ca_flags "$1"
  fabric-ca-server init "${CA_FLAGS[@]}" >>"$LOGS/$(ca_name "$1").log" 2>&1 \
    || die "Fabric CA $(ca_name "$1") could not be initialised (see $LOGS/$(ca_name "$1").log)"
  python3 - "$home/fabric-ca-server-config.yaml" "$(csr_names)" <<'PY'
import re, sys
path, names = sys.argv[1], sys.argv[2]
pairs = [n.split("=", 1) for n in names.split(",")]
block = "   names:\n      - " + "\n        ".join(f'{k}: "{v}"' for k, v in pairs) + "\n"
text, found = re.subn(r"   names:\n(?:      .*\n)+", block, open(path).read(), count=1)
if found != 1:
    sys.exit("no csr.names block in " + path)
open(path, "w").write(text)
PY
  rm -f "$home/ca-cert.pem" "$home"/msp/keystore/*
}

start_ca() { # which
  local which=$1 home listener; home=$(ca_home "$1"); listener=$(ca_listener "$1")
  mkdir -p "$home" "$LOGS"
  [ -f "$home/registrar.secret" ] || (umask 077; openssl rand -hex 16 > "$home/registrar.secret")
  [ -f "$home/fabric-ca-server-config.yaml" ] || configure_ca "$which"
  ca_flags "$which"
  start_process "$(ca_name "$which")" fabric-ca-server start "${CA_FLAGS[@]}" \
    --address "$ADDRESS" --port "$(own_port "$listener")" \
    --tls.enabled --operations.listenaddress "$(bind_at "$listener-operations")"
}

ca_ready() { # which
  [ -f "$(ca_cert "$1")" ] && curl -sf --cacert "$(ca_cert "$1")" "https://$(dial_at "$(ca_listener "$1")")/cainfo" >/dev/null
}

ca_client() { # which client-home args...
  local which=$1 home=$2; shift 2
  fabric-ca-client "$@" -H "$home" --caname "$(ca_name "$which")" --tls.certfiles "$(ca_cert "$which")" \
    2>&1 | append_log "$LOGS/ca-client-$ORG.log" \
    || die "Fabric CA $(ca_name "$which") refused: fabric-ca-client $1 (see $LOGS/ca-client-$ORG.log)"
}

registrar_home() { echo "$(ca_home "$1")/registrar"; }

enrol_registrar() { # which
  local home; home=$(registrar_home "$1")
  [ -f "$home/msp/signcerts/cert.pem" ] || ca_client "$1" "$home" enroll \
    -u "$(ca_url "$1" "registrar:$(cat "$(ca_home "$1")/registrar.secret")")" --csr.names "$(csr_names)"
}

register() { # which name secret fabric-type [attrs...]
  local which=$1 name=$2 secret=$3 type=$4; shift 4
  ca_client "$which" "$(registrar_home "$which")" register \
    --id.name "$name" --id.secret "$secret" --id.type "$type" "$@" -u "https://$(dial_at "$(ca_listener "$which")")"
}

# Gives an MSP folder fixed file names and the NodeOU config, so every path
# written elsewhere (configs, gbx-network.json) can name files directly.
normalise_msp() { # msp-dir
  local msp=$1
  mv "$msp"/cacerts/*.pem "$msp/cacerts/ca.pem" 2>/dev/null || true
  if ls "$msp"/keystore/*_sk >/dev/null 2>&1; then mv "$msp"/keystore/*_sk "$msp/keystore/key.pem"; fi
  rm -rf "$msp/IssuerPublicKey" "$msp/IssuerRevocationPublicKey" "$msp/user"
  # The NodeOU config every organisation's MSP carries; imports require it to the byte.
  cp "$NETCFG/nodeous.yaml" "$msp/config.yaml"
}

# An enrolment identity (MSP: signcerts/cert.pem, keystore/key.pem) into dir/msp.
enrol_msp() { # name fabric-type role dir
  local name=$1 type=$2 role=$3 dir=$4 secret attrs=()
  [ -f "$dir/msp/signcerts/cert.pem" ] && return 0
  secret=$(openssl rand -hex 16)
  [ "$role" = "-" ] || attrs=(--id.attrs "gbx.role=$role:ecert")
  register ca "$name" "$secret" "$type" "${attrs[@]}"
  mkdir -p "$dir"
  ca_client ca "$dir" enroll -u "$(ca_url ca "$name:$secret")" \
    --csr.cn "$name" --csr.names "$(csr_names)" --csr.hosts "$(tls_hosts)" -M "$dir/msp"
  normalise_msp "$dir/msp"
  rm -f "$dir/fabric-ca-client-config.yaml"
}

# A TLS certificate from the TLS CA (its "tls" profile: server and client authentication),
# naming tls_hosts: dir/server.crt, server.key and ca.crt (the TLS CA's certificate).
enrol_tls() { # name dir
  local name=$1 dir=$2 secret tmp="$2/.enrol"
  [ -f "$dir/server.crt" ] && return 0
  secret=$(openssl rand -hex 16)
  register tlsca "$name" "$secret" client
  mkdir -p "$dir"
  ca_client tlsca "$tmp" enroll -u "$(ca_url tlsca "$name:$secret")" \
    --enrollment.profile tls --csr.hosts "$(tls_hosts)" --csr.cn "$name" --csr.names "$(csr_names)" -M "$tmp/msp"
  cp "$tmp"/msp/signcerts/cert.pem "$dir/server.crt"
  (umask 077; cp "$tmp"/msp/keystore/*_sk "$dir/server.key")
  cp "$(ca_cert tlsca)" "$dir/ca.crt"
  rm -rf "$tmp"
}

# Everything the organisation needs from its CAs; what exists is kept.
enrol_org() {
  local dir=$HOME_DIR user type role
  enrol_registrar ca
  enrol_registrar tlsca
  # The organisation's MSP, as the channel knows it: enrolment CA, TLS CA, NodeOUs.
  mkdir -p "$dir/msp/cacerts" "$dir/msp/tlscacerts"
  cp "$(ca_cert ca)" "$dir/msp/cacerts/ca.pem"
  cp "$(ca_cert tlsca)" "$dir/msp/tlscacerts/tlsca.pem"
  normalise_msp "$dir/msp"
  enrol_msp "peer0-$ORG" peer - "$dir/peer"
  enrol_tls "peer0-$ORG" "$dir/peer/tls"
  enrol_msp "orderer0-$ORG" orderer - "$dir/orderer"
  enrol_tls "orderer0-$ORG" "$dir/orderer/tls"
  # The chaincode server's TLS certificate, and the peer's client certificate towards it.
  enrol_tls "chaincode-$ORG" "$dir/chaincode/server"
  enrol_tls "ccclient-$ORG" "$dir/chaincode/client"
  # The force's exchange node: server and client certificate for mutual TLS.
  [ "$KIND" = force ] && enrol_tls "exchange-node-$ORG" "$dir/exchange-node/tls"
  while read -r user type role; do
    enrol_msp "$user" "$type" "$role" "$dir/users/$user"
    # Admins also get a TLS client certificate: osnadmin, and the nodes' /metrics.
    [ "$type" = admin ] && enrol_tls "$user-$ORG" "$dir/users/$user/tls"
  done < <(org_users "$ORG")
  return 0
}
