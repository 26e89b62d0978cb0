# The connection config (gbx-network.json, format in docs/cli.md) of an organisation's own
# users: its own peer, users and exchange node (its local API on this host's own address, which
# admits only the force's own officers), and the other organisations' public parts as imported. Sourced by org.sh after kit.sh.

# One organisation's entry, as JSON on one line.
own_entry() {
  local node=()
  [ "$KIND" != force ] || node=(exchangeNode.endpoint="$(dial_at exchange-node)"
    exchangeNode.tlsDir="$HOME_DIR/exchange-node/tls" exchangeNode.listen="$ADDRESS"
    exchangeNode.api="$(bind_at exchange-node-api)")
  json_object key="$ORG" mspId="$MSP_ID" name="$NAME" peer.endpoint="$(dial_at peer)" \
    peer.tlsRootCertPath="$(own_tls_ca)" usersPath="$HOME_DIR/users" mspPath="$HOME_DIR/msp" "${node[@]}"
}

partner_entry() { # org
  local o=$1 node=()
  [ -z "$(partner_value "$o" EXCHANGE_NODE)" ] || node=(exchangeNode.endpoint="$(partner_value "$o" EXCHANGE_NODE)")
  json_object key="$o" mspId="$(partner_value "$o" MSP_ID)" name="$(partner_value "$o" NAME)" \
    peer.endpoint="$(partner_value "$o" PEER)" peer.tlsRootCertPath="$(partner_tls_ca "$o")" \
    mspPath="$(partner_dir "$o")/msp" "${node[@]}"
}

# A JSON object from name=value pairs; a dotted name is a member of a nested object.
json_object() {
  python3 - "$@" <<'PY'
import json, sys
obj = {}
for pair in sys.argv[1:]:
    name, value = pair.split("=", 1)
    *parents, leaf = name.split(".")
    target = obj
    for p in parents:
        target = target.setdefault(p, {})
    target[leaf] = value
print(json.dumps(obj, ensure_ascii=False))
PY
}

# Writes a connection config holding the given entries (one JSON object per argument).
write_config() { # file entry...
  local file=$1; shift
  python3 - "$file" "$CHANNEL" "$CHAINCODE_NAME" "$@" <<'PY'
import json, os, sys
path, channel, chaincode, *entries = sys.argv[1:]
config = {"channel": channel, "chaincode": chaincode, "organisations": [json.loads(e) for e in entries]}
tmp = path + ".tmp"
with open(tmp, "w", encoding="utf-8") as f:
    json.dump(config, f, indent=2, ensure_ascii=False)
    f.write("\n")
os.replace(tmp, path)
PY
}

# This organisation's users' config: itself and every partner imported.
write_own_config() {
  local o entries=()
  entries+=("$(own_entry)")
  for o in $(channel_orgs); do [ "$o" = "$ORG" ] || entries+=("$(partner_entry "$o")"); done
  write_config "$HOME_DIR/gbx-network.json" "${entries[@]}"
}
