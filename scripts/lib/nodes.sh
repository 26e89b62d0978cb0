# The organisation's peer and ordering node: configuration by environment over Fabric's own
# sampleconfig, started natively. Sourced by org.sh after kit.sh.

# A copy of Fabric's sample core.yaml / orderer.yaml in the home; every node overrides
# what it needs through the environment (network-config/nodes/<kind>.env).
prepare_node_config() {
  mkdir -p "$HOME_DIR/config/peercfg" "$HOME_DIR/config/orderercfg"
  cp "$FABRIC_SAMPLECONFIG/core.yaml" "$HOME_DIR/config/peercfg/core.yaml"
  cp "$FABRIC_SAMPLECONFIG/orderer.yaml" "$HOME_DIR/config/orderercfg/orderer.yaml"
}

# The TLS CAs of every organisation of the channel (the Raft cluster's roots).
all_tls_cas() { local o out=(); for o in $(channel_orgs); do out+=("$(tls_ca_of "$o")"); done; (IFS=,; echo "${out[*]}"); }

# Prints a node's settings from network-config/nodes/<kind>.env with this organisation's
# values filled in, one NAME=value per line.
node_env() { # kind
  local kind=$1 l name
  declare -A vars=([ORG_HOME]="$HOME_DIR" [NETCFG]="$NETCFG" [ORG]="$ORG" [MSP_ID]="$MSP_ID"
    [NODE_DIR]="$HOME_DIR/$kind" [ALL_TLS_CAS]="$(all_tls_cas)" [LOGGING]="${GBX_NODE_LOGGING:-grpc=error:info}"
    [ADDRESS]="$ADDRESS" [HOST]="$HOST")
  for l in "${!PORT_OFFSET[@]}"; do name=${l//-/_}; vars[PORT_${name^^}]=$(own_port "$l"); done
  render "$NETCFG/nodes/$kind.env" vars | grep -vE '^[[:space:]]*(#|$)'
}

start_node() { # kind (peer or orderer)
  local kind=$1 vars=()
  mapfile -t vars < <(node_env "$kind")
  if [ "$kind" = peer ]; then
    start_process "peer-$ORG" env "${vars[@]}" peer node start
  else
    start_process "orderer-$ORG" env "${vars[@]}" orderer
  fi
}

healthy() { # listener-of-operations
  curl -sf --cacert "$(own_tls_ca)" "https://$(dial_at "$1")/healthz" >/dev/null
}

# One value of a node's Prometheus metrics (e.g. ledger_blockchain_height), read with the
# admin's TLS certificate: /metrics answers no one else.
metric() { # operations-listener metric-name
  local a; a="$(own_user admin)/tls"
  curl -sf --cacert "$(own_tls_ca)" --cert "$a/server.crt" --key "$a/server.key" \
    "https://$(dial_at "$1")/metrics" 2>/dev/null |
    awk -v m="$2" -v c="channel=\"$CHANNEL\"" '$1 == m "{" c "}" { print $2; exit }'
}
