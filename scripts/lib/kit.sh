# One organisation's kit: the settings of its home folder on its own host, its ports and
# addresses, and what it imported of the other organisations. Sourced by scripts/org.sh after
# common.sh; the other kit modules (ca.sh, nodes.sh, ...) work on the organisation loaded here.
#
# The home holds everything the organisation runs and keeps (docs/deployment.md):
#   org.conf               its settings (written by 'init', never received from anyone)
#   ca/ tlsca/             its enrolment CA and its TLS CA
#   msp/                   its MSP as the channel knows it
#   peer/ orderer/         node identities, TLS, ledgers
#   chaincode/ exchange-node/ users/
#   partners/<org>/        public parts of each other organisation, as imported and checked
#   channel/               the channel's genesis block, as checked
#   config/                Fabric's base node configuration
#   gbx-network.json       the connection config of its own users

# Loads the organisation of a home: ORG, MSP_ID, KIND, NAME, PLACE, PORT_BASE, PORT_SHIFT,
# ADDRESS (every listener binds to it), HOST (what the others dial), LOGS, PIDS.
kit_load() { # home
  [ -f "$1/org.conf" ] || die "no organisation is set up in $1 (scripts/org.sh --home $1 init ORG first)"
  HOME_DIR=$(cd "$1" && pwd)
  # Written by 'init' on this host; nothing received from another organisation is ever sourced.
  source "$HOME_DIR/org.conf"
  [ -n "${ORG:-}" ] && [ -n "${ADDRESS:-}" ] || die "$HOME_DIR/org.conf lacks ORG or ADDRESS"
  LOGS=${LOGS:-$HOME_DIR/logs}
  PIDS=${PIDS:-$HOME_DIR/pids}
}

# Writes a new home's settings from the catalogue (network-config/organisations.conf).
kit_init() { # home org address host port-shift logs pids
  local home=$1 org=$2 address=$3 host=$4 shift=$5 logs=$6 pids=$7
  [ -n "${ORG_MSP[$org]:-}" ] || die "unknown organisation '$org' (network-config/organisations.conf lists: ${ORG_KEYS[*]})"
  valid_host "$address" || die "'$address' is not an IP address to listen on"
  valid_host "$host" || die "'$host' is not a host name or address others can dial"
  [[ $shift =~ ^[0-9]+$ ]] || die "the port shift must be a number, not '$shift'"
  if [ -f "$home/org.conf" ]; then
    kit_load "$home"
    [ "$ORG" = "$org" ] && [ "$ADDRESS" = "$address" ] && [ "$HOST" = "$host" ] && [ "$PORT_SHIFT" = "$shift" ] ||
      die "$home is already set up for $ORG on $ADDRESS (host $HOST, port shift $PORT_SHIFT); use a new folder, or delete this one"
    return 0
  fi
  mkdir -p "$home"
  {
    echo "# The organisation this folder belongs to, on this host (written by scripts/org.sh init)."
    printf 'ORG=%q\nMSP_ID=%q\nKIND=%q\nNAME=%q\nPLACE=%q\n' "$org" "${ORG_MSP[$org]}" "${ORG_KIND[$org]}" \
      "${ORG_NAME[$org]}" "${ORG_PLACE[$org]}"
    echo "# Every listener binds to ADDRESS; the others dial HOST, which every TLS certificate names."
    printf 'ADDRESS=%q\nHOST=%q\nPORT_BASE=%q\nPORT_SHIFT=%q\n' "$address" "$host" "${ORG_BASE[$org]}" "$shift"
    printf 'LOGS=%q\nPIDS=%q\n' "${logs:-$home/logs}" "${pids:-$home/pids}"
  } > "$home/org.conf"
  kit_load "$home"
}

valid_host() { [[ $1 =~ ^[A-Za-z0-9]([A-Za-z0-9.-]{0,252}[A-Za-z0-9])?$ ]]; }

own_port() { port_of "$PORT_BASE" "$PORT_SHIFT" "$1"; } # listener
# Where this organisation's listener binds, and where it is dialled.
bind_at() { echo "$ADDRESS:$(own_port "$1")"; }
dial_at() { echo "$HOST:$(own_port "$1")"; }

# The names every TLS certificate of this organisation carries: what the others dial (HOST),
# the address it binds to, and localhost on the one-machine network.
tls_hosts() {
  local hosts=("$HOST")
  [ "$ADDRESS" = "$HOST" ] || hosts+=("$ADDRESS")
  [ "$ADDRESS" != 127.0.0.1 ] || hosts+=(localhost)
  (IFS=,; echo "${hosts[*]}")
}

own_tls_ca() { echo "$HOME_DIR/msp/tlscacerts/tlsca.pem"; }
own_user() { echo "$HOME_DIR/users/$1"; } # user

# --- the other organisations, as imported into partners/ ---------------------------------------

partners() { local d; for d in "$HOME_DIR"/partners/*/; do [ -f "$d/org.env" ] && basename "$d"; done; }
partner_dir() { echo "$HOME_DIR/partners/$1"; }
# One value of a partner's org.env; import checked the file, and it is read, never sourced.
partner_value() { # org key
  sed -n "s/^$2=//p" "$(partner_dir "$1")/org.env" | head -n 1
}
partner_tls_ca() { echo "$(partner_dir "$1")/msp/tlscacerts/tlsca.pem"; }

# Every organisation of the channel: this one and its partners, in the catalogue's order.
channel_orgs() {
  local o known; known=" $(partners | tr '\n' ' ') "
  for o in "${ORG_KEYS[@]}"; do
    if [ "$o" = "$ORG" ] || [[ $known == *" $o "* ]]; then echo "$o"; fi
  done
}

# An organisation's MSP id, kind, peer endpoint and TLS CA, whether it is this one or a partner.
msp_id_of() { if [ "$1" = "$ORG" ]; then echo "$MSP_ID"; else partner_value "$1" MSP_ID; fi; }
kind_of() { if [ "$1" = "$ORG" ]; then echo "$KIND"; else partner_value "$1" KIND; fi; }
peer_endpoint_of() { if [ "$1" = "$ORG" ]; then dial_at peer; else partner_value "$1" PEER; fi; }
tls_ca_of() { if [ "$1" = "$ORG" ]; then own_tls_ca; else partner_tls_ca "$1"; fi; }
