# Pinned Fabric releases, sourced by the other scripts.
# Fabric's Go module path has no /v3 suffix, so its release tags are not valid
# module versions; the release commit is named by its pseudo-version instead.
FABRIC_VERSION=3.1.1
FABRIC_COMMIT=435a7f1a780a
FABRIC_MODULE_VERSION=v1.4.0-rc1.0.20250510200036-435a7f1a780a
FABRIC_CA_VERSION=1.5.21
FABRIC_CA_MODULE_VERSION=v1.5.21
GBX_CACHE="${GBX_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gbx}"
FABRIC_HOME="$GBX_CACHE/fabric-$FABRIC_VERSION-ca-$FABRIC_CA_VERSION"
FABRIC_BIN="$FABRIC_HOME/bin"
FABRIC_SAMPLECONFIG="$FABRIC_HOME/sampleconfig"
