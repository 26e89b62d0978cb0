# Peers and ordering nodes: configuration by environment over Fabric's own
# sampleconfig, started natively. Sourced by network.sh after common.sh.

# One copy of Fabric's sample core.yaml / orderer.yaml; every node overrides
# what it needs through environment variables below.
prepare_node_config() {
  mkdir -p "$NET/config/peercfg" "$NET/config/orderercfg"
  cp "$FABRIC_SAMPLECONFIG/core.yaml" "$NET/config/peercfg/core.yaml"
  cp "$FABRIC_SAMPLECONFIG/orderer.yaml" "$NET/config/orderercfg/orderer.yaml"
}

peer_env() { # org
  local org=$1 d; d="$(org_dir "$1")/peer"
  local p; p=$(port "$org" peer)
  echo FABRIC_CFG_PATH="$NET/config/peercfg"
  echo FABRIC_LOGGING_SPEC="${GBX_PEER_LOGGING:-info}"
  echo CORE_PEER_ID="peer0.$org"
  echo CORE_PEER_ADDRESS="127.0.0.1:$p"
  echo CORE_PEER_LISTENADDRESS="127.0.0.1:$p"
  echo CORE_PEER_CHAINCODEADDRESS="127.0.0.1:$(port "$org" peer-chaincode)"
  echo CORE_PEER_CHAINCODELISTENADDRESS="127.0.0.1:$(port "$org" peer-chaincode)"
  # Gossip needs the external endpoint, or other organisations (and so the
  # Gateway's endorsement planning) never learn of this peer.
  echo CORE_PEER_GOSSIP_BOOTSTRAP="127.0.0.1:$p"
  echo CORE_PEER_GOSSIP_EXTERNALENDPOINT="127.0.0.1:$p"
  echo CORE_PEER_LOCALMSPID="${ORG_MSP[$org]}"
  echo CORE_PEER_MSPCONFIGPATH="$d/msp"
  echo CORE_PEER_TLS_ENABLED=true
  echo CORE_PEER_TLS_CERT_FILE="$d/tls/server.crt"
  echo CORE_PEER_TLS_KEY_FILE="$d/tls/server.key"
  echo CORE_PEER_TLS_ROOTCERT_FILE="$d/tls/ca.crt"
  echo CORE_PEER_FILESYSTEMPATH="$d/data"
  echo CORE_LEDGER_SNAPSHOTS_ROOTDIR="$d/data/snapshots"
  # Destruction purges private data; apply purges every block, not every 100.
  echo CORE_LEDGER_PVTDATASTORE_PURGEINTERVAL=1
  echo CORE_OPERATIONS_LISTENADDRESS="127.0.0.1:$(port "$org" peer-operations)"
  echo CORE_OPERATIONS_TLS_ENABLED=true
  echo CORE_OPERATIONS_TLS_CERT_FILE="$d/tls/server.crt"
  echo CORE_OPERATIONS_TLS_KEY_FILE="$d/tls/server.key"
  echo CORE_METRICS_PROVIDER=prometheus
  # No Docker: chaincode runs as a service, reached through the project's builder.
  echo CORE_VM_ENDPOINT=
  echo "CORE_CHAINCODE_EXTERNALBUILDERS=[{name: gbx-ccaas, path: $NETCFG/builders/ccaas}]"
}

orderer_env() { # org
  local org=$1 d; d="$(org_dir "$1")/orderer"
  echo FABRIC_CFG_PATH="$NET/config/orderercfg"
  echo FABRIC_LOGGING_SPEC="${GBX_ORDERER_LOGGING:-info}"
  echo ORDERER_GENERAL_LISTENADDRESS=127.0.0.1
  echo ORDERER_GENERAL_LISTENPORT="$(port "$org" orderer)"
  echo ORDERER_GENERAL_LOCALMSPID="${ORG_MSP[$org]}"
  echo ORDERER_GENERAL_LOCALMSPDIR="$d/msp"
  echo ORDERER_GENERAL_BOOTSTRAPMETHOD=none
  echo ORDERER_GENERAL_TLS_ENABLED=true
  echo ORDERER_GENERAL_TLS_CERTIFICATE="$d/tls/server.crt"
  echo ORDERER_GENERAL_TLS_PRIVATEKEY="$d/tls/server.key"
  echo ORDERER_GENERAL_TLS_ROOTCAS="[$d/tls/ca.crt]"
  echo ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE="$d/tls/server.crt"
  echo ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY="$d/tls/server.key"
  echo ORDERER_GENERAL_CLUSTER_ROOTCAS="[$(all_tls_cas)]"
  echo ORDERER_CHANNELPARTICIPATION_ENABLED=true
  echo ORDERER_ADMIN_LISTENADDRESS="127.0.0.1:$(port "$org" orderer-admin)"
  echo ORDERER_ADMIN_TLS_ENABLED=true
  echo ORDERER_ADMIN_TLS_CERTIFICATE="$d/tls/server.crt"
  echo ORDERER_ADMIN_TLS_PRIVATEKEY="$d/tls/server.key"
  echo ORDERER_ADMIN_TLS_ROOTCAS="[$d/tls/ca.crt]"
  # Only this organisation's admins may join or remove channels on its node.
  echo ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED=true
  echo ORDERER_ADMIN_TLS_CLIENTROOTCAS="[$d/tls/ca.crt]"
  echo ORDERER_OPERATIONS_LISTENADDRESS="127.0.0.1:$(port "$org" orderer-operations)"
  echo ORDERER_OPERATIONS_TLS_ENABLED=true
  echo ORDERER_OPERATIONS_TLS_CERTIFICATE="$d/tls/server.crt"
  echo ORDERER_OPERATIONS_TLS_PRIVATEKEY="$d/tls/server.key"
  echo ORDERER_METRICS_PROVIDER=prometheus
  echo ORDERER_FILELEDGER_LOCATION="$d/data/ledger"
  echo ORDERER_CONSENSUS_WALDIR="$d/data/etcdraft/wal"
  echo ORDERER_CONSENSUS_SNAPDIR="$d/data/etcdraft/snapshot"
}

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
