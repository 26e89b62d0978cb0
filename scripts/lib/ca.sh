# Fabric CA per organisation: start it, enrol the node and user identities.
# Sourced by network.sh after common.sh.

ca_url() { echo "https://$1@127.0.0.1:$(port "$2" ca)"; } # cred org
ca_cert() { echo "$(org_dir "$1")/ca/ca-cert.pem"; }
# Subject names of every certificate an organisation's CA issues (CN and OU are set per identity).
csr_names() { # org
  local place=${ORG_PLACE[$1]}
  if [ "$place" = - ]; then echo "O=${ORG_NAME[$1]}"; else echo "$place,O=${ORG_NAME[$1]}"; fi
}

ca_flags() { # org home -> CA_FLAGS, the flags init and start share
  CA_FLAGS=(--home "$2" -b "registrar:$(cat "$2/registrar.secret")" --ca.name "ca-$1" --csr.cn "ca.$1.gbx"
    --csr.hosts localhost,127.0.0.1)
}

# The server takes subject names only from its config file: on first start, write the
# default config, put the organisation's names in it, and let the CA certificate be made
# from that (init made one with Fabric CA's sample names, C=US, ST=North Carolina).
configure_ca() { # org home
  local org=$1 home=$2
  ca_flags "$org" "$home"
  fabric-ca-server init "${CA_FLAGS[@]}" >>"$LOGS/ca-$org.log" 2>&1 || die "Fabric CA of $org could not be initialised (see $LOGS/ca-$org.log)"
  python3 - "$home/fabric-ca-server-config.yaml" "$(csr_names "$org")" <<'PY'
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

start_ca() { # org
  local org=$1 home; home="$(org_dir "$org")/ca"
  mkdir -p "$home"
  [ -f "$home/registrar.secret" ] || openssl rand -hex 16 > "$home/registrar.secret"
  [ -f "$home/fabric-ca-server-config.yaml" ] || configure_ca "$org" "$home"
  ca_flags "$org" "$home"
  start_process "ca-$org" fabric-ca-server start "${CA_FLAGS[@]}" \
    --address 127.0.0.1 --port "$(port "$org" ca)" \
    --tls.enabled --operations.listenaddress "127.0.0.1:$(port "$org" ca-operations)"
}

ca_ready() { # org
  [ -f "$(ca_cert "$1")" ] && curl -sf --cacert "$(ca_cert "$1")" "https://127.0.0.1:$(port "$1" ca)/cainfo" >/dev/null
}

ca_client() { # org client-home args...
  local org=$1 home=$2; shift 2
  fabric-ca-client "$@" -H "$home" --caname "ca-$org" --tls.certfiles "$(ca_cert "$org")" >>"$LOGS/ca-client-$org.log" 2>&1 \
    || die "Fabric CA of $org refused: fabric-ca-client $1 (see $LOGS/ca-client-$org.log)"
}

# Gives an MSP folder fixed file names and the NodeOU config, so every path
# written elsewhere (configs, gbx-network.json) can name files directly.
normalise_msp() { # msp-dir
  local msp=$1
  mv "$msp"/cacerts/*.pem "$msp/cacerts/ca.pem" 2>/dev/null || true
  if ls "$msp"/keystore/*_sk >/dev/null 2>&1; then mv "$msp"/keystore/*_sk "$msp/keystore/key.pem"; fi
  rm -rf "$msp/IssuerPublicKey" "$msp/IssuerRevocationPublicKey" "$msp/user"
  cat > "$msp/config.yaml" <<YAML
NodeOUs:
  Enable: true
  ClientOUIdentifier:
    Certificate: cacerts/ca.pem
    OrganizationalUnitIdentifier: client
  PeerOUIdentifier:
    Certificate: cacerts/ca.pem
    OrganizationalUnitIdentifier: peer
  AdminOUIdentifier:
    Certificate: cacerts/ca.pem
    OrganizationalUnitIdentifier: admin
  OrdererOUIdentifier:
    Certificate: cacerts/ca.pem
    OrganizationalUnitIdentifier: orderer
YAML
}

# Enrols a TLS certificate (CA's "tls" profile) for loopback use into dir/.
enrol_tls() { # org name secret dir
  local org=$1 name=$2 secret=$3 dir=$4 tmp="$4/.enrol"
  ca_client "$org" "$tmp" enroll -u "$(ca_url "$name:$secret" "$org")" \
    --enrollment.profile tls --csr.hosts localhost,127.0.0.1 --csr.cn "$name" --csr.names "$(csr_names "$org")" \
    -M "$tmp/msp"
  cp "$tmp"/msp/signcerts/cert.pem "$dir/server.crt"
  cp "$tmp"/msp/keystore/*_sk "$dir/server.key"
  cp "$tmp"/msp/tlscacerts/*.pem "$dir/ca.crt"
  rm -rf "$tmp"
}

register() { # org name secret fabric-type [attrs...]
  local org=$1 name=$2 secret=$3 type=$4; shift 4
  ca_client "$org" "$(org_dir "$org")/ca/registrar" register \
    --id.name "$name" --id.secret "$secret" --id.type "$type" "$@" \
    -u "https://127.0.0.1:$(port "$org" ca)"
}

# Registers and enrols one identity: MSP in dir/msp, TLS in dir/tls when asked.
enrol_identity() { # org name fabric-type role dir with-tls
  local org=$1 name=$2 type=$3 role=$4 dir=$5 with_tls=$6 secret attrs=()
  [ -f "$dir/msp/signcerts/cert.pem" ] && return 0
  secret=$(openssl rand -hex 16)
  [ "$role" = "-" ] || attrs=(--id.attrs "gbx.role=$role:ecert")
  register "$org" "$name" "$secret" "$type" "${attrs[@]}"
  mkdir -p "$dir"
  ca_client "$org" "$dir" enroll -u "$(ca_url "$name:$secret" "$org")" \
    --csr.cn "$name" --csr.names "$(csr_names "$org")" --csr.hosts localhost,127.0.0.1 -M "$dir/msp"
  normalise_msp "$dir/msp"
  rm -f "$dir/fabric-ca-client-config.yaml"
  if [ "$with_tls" = tls ]; then mkdir -p "$dir/tls"; enrol_tls "$org" "$name" "$secret" "$dir/tls"; fi
}

# A TLS-only identity (no MSP), e.g. for the chaincode connection.
enrol_tls_identity() { # org name dir
  local org=$1 name=$2 dir=$3 secret
  [ -f "$dir/server.crt" ] && return 0
  secret=$(openssl rand -hex 16)
  register "$org" "$name" "$secret" client
  mkdir -p "$dir"
  enrol_tls "$org" "$name" "$secret" "$dir"
}

# Everything an organisation needs from its CA; what exists is kept across down/up.
enrol_org() { # org
  local org=$1 dir; dir=$(org_dir "$org")
  say "   identities of ${ORG_NAME[$org]}"
  [ -f "$dir/ca/registrar/msp/signcerts/cert.pem" ] || ca_client "$org" "$dir/ca/registrar" enroll -u "$(ca_url "registrar:$(cat "$dir/ca/registrar.secret")" "$org")" \
    --csr.names "$(csr_names "$org")"
  # Organisation MSP, as the channel knows it: root CA, TLS root CA, NodeOUs.
  mkdir -p "$dir/msp/cacerts" "$dir/msp/tlscacerts"
  cp "$(ca_cert "$org")" "$dir/msp/cacerts/ca.pem"
  cp "$(ca_cert "$org")" "$dir/msp/tlscacerts/tlsca.pem"
  normalise_msp "$dir/msp"
  enrol_identity "$org" "peer0-$org" peer - "$dir/peer" tls
  enrol_identity "$org" "orderer0-$org" orderer - "$dir/orderer" tls
  # The chaincode server's TLS certificate, and the peer's client certificate towards it.
  enrol_tls_identity "$org" "chaincode-$org" "$dir/chaincode/server"
  enrol_tls_identity "$org" "ccclient-$org" "$dir/chaincode/client"
  # The force's exchange node: server and client certificate for mutual TLS.
  [ "${ORG_KIND[$org]}" = force ] && enrol_tls_identity "$org" "exchange-node-$org" "$dir/exchange-node/tls"
  while read -r user type role; do
    enrol_identity "$org" "$user" "$type" "$role" "$dir/users/$user" "$([ "$type" = admin ] && echo tls || echo no)"
  done < <(org_users "$org")
}
