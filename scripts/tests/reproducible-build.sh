#!/usr/bin/env bash
# Each organisation builds the chaincode it approves (its version is the jar's SHA-256) and the
# gbx it runs from the same commit, and must get the same bytes. This builds both again from a
# copy of the sources in another folder, with another umask, a minute or more after the first
# build, and compares them with the jars of the clone's own build (run scripts/test.sh's build,
# or mvn package, first). Run by scripts/test.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
JARS=(chaincode/target/gbx-chaincode.jar gateway-client/target/gbx.jar)

for jar in "${JARS[@]}"; do
  [ -f "$ROOT/$jar" ] || { echo "error: no $jar in $ROOT: build first (mvn -B package -DskipTests)" >&2; exit 1; }
done
work=$(mktemp -d /tmp/gbx-rebuild.XXXXXX)
trap 'rm -rf "$work"' EXIT

# The sources as they are in the clone (tracked and new files, not what git ignores).
(cd "$ROOT" && git ls-files -z --cached --others --exclude-standard |
  while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
  tar --null -T - -cf -) | tar -C "$work" -xf -
echo "Building the chaincode and gbx again in $work"
(cd "$work" && umask 027 && mvn -q -B package -DskipTests 2>&1 | tail -n 20)

failed=0
for jar in "${JARS[@]}"; do
  a=$(sha256sum "$ROOT/$jar" | cut -d' ' -f1); b=$(sha256sum "$work/$jar" | cut -d' ' -f1)
  if [ "$a" = "$b" ]; then
    echo "  ok    $jar is the same in both builds: sha256 $a"
  else
    echo "  FAIL  $jar differs: sha256 $a in $ROOT, $b in $work"
    (cd "$work" && mkdir -p x y && cd x && unzip -q "$ROOT/$jar" && cd ../y && unzip -q "$work/$jar" && cd .. &&
      diff -rq x y | head -n 10 | sed 's/^/        /') || true
    failed=1
  fi
done
exit $failed
