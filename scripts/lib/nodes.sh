# Peers and ordering nodes: configuration by environment over Fabric's own
# sampleconfig, started natively. Sourced by network.sh after common.sh.

# One copy of Fabric's sample core.yaml / orderer.yaml; every node overrides
# what it needs through environment variables below.
prepare_node_config() {
  mkdir -p "$NET/config/peercfg" "$NET/config/orderercfg"
  cp "$FABRIC_SAMPLECONFIG/core.yaml" "$NET/config/peercfg/core.yaml"
  cp "$FABRIC_SAMPLECONFIG/orderer.yaml" "$NET/config/orderercfg/orderer.yaml"
}

# Prints a node's settings from network-config/nodes/<kind>.env with this
# organisation's values filled in, one NAME=value per line.
node_env() { # kind org
  local kind=$1 org=$2 line l name
  declare -A vars=([NET]="$NET" [NETCFG]="$NETCFG" [ORG]="$org" [MSP_ID]="${ORG_MSP[$org]}"
    [NODE_DIR]="$(org_dir "$org")/$kind" [ALL_TLS_CAS]="$(all_tls_cas)" [LOGGING]="${GBX_NODE_LOGGING:-grpc=error:info}")
  for l in "${!PORT_OFFSET[@]}"; do name=${l//-/_}; vars[PORT_${name^^}]=$(port "$org" "$l"); done
  while IFS= read -r line; do
    case $line in ''|'#'*) continue ;; esac
    for name in "${!vars[@]}"; do line=${line//"\${$name}"/${vars[$name]}}; done
    echo "$line"
  done < "$NETCFG/nodes/$kind.env"
}
peer_env() { node_env peer "$1"; }
orderer_env() { node_env orderer "$1"; }

all_tls_cas() { local o out=(); for o in "${ORG_KEYS[@]}"; do out+=("$(tls_ca "$o")"); done; (IFS=,; echo "${out[*]}"); }

start_with_env() { # name env-function org command...
  local name=$1 envf=$2 org=$3; shift 3
  local vars=(); mapfile -t vars < <("$envf" "$org")
  start_process "$name" env "${vars[@]}" "$@"
}

start_peer() { start_with_env "peer-$1" peer_env "$1" peer node start; }
start_orderer() { start_with_env "orderer-$1" orderer_env "$1" orderer; }

healthy() { # org listener-of-operations
  curl -sf --cacert "$(tls_ca "$1")" "https://127.0.0.1:$(port "$1" "$2")/healthz" >/dev/null
}
