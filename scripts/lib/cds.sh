# Class-data sharing for gbx's short-lived JVMs. The classes one gbx call loads are archived
# once per jar and JDK, in the user's cache (never in the clone); later calls map them instead
# of loading and verifying them again: `gbx whoami` took 2.7 s without, 1.7 s with (2 cores).
# The JVM ignores an archive that does not match its jar or itself; its messages are off.
# Sourced by scripts/gbx and scripts/demo.sh; needs nothing else.

# Most gbx calls are short: one answer from the peer, then exit. For those, C1 alone compiles
# what they run soonest and the serial collector starts no threads of its own (whoami: 1.26 s of
# CPU with the defaults, 0.76 s with these). Exchange nodes, audits and seeding run long and keep
# the JVM's defaults. Sets JVM_OPTS from gbx's arguments.
gbx_jvm_options() {
  case " $* " in
    *" node "* | *" audit "* | *" records "*) JVM_OPTS=() ;;
    *) JVM_OPTS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData) ;;
  esac
}

CDS_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/gbx/cds"
CDS_KEEP=4 # archives are 30-40 MB; older ones are removed

cds_options() { # jar -> CDS_OPTS (java options) and CDS_NEW (archive to keep after the run, or empty)
  local jar java_bin key archive
  jar=$(readlink -f "$1")
  java_bin=$(readlink -f "$(command -v java)")
  key=$(printf '%s\n' "$jar" "$(stat -c %s-%Y "$jar")" "$java_bin" "$(stat -c %Y "$java_bin")" | sha256sum | cut -c1-16)
  archive="$CDS_DIR/gbx-$key.jsa"
  CDS_OPTS=(-Xlog:cds=off -Xlog:cds+dynamic=off)
  if [[ -f $archive ]]; then
    CDS_OPTS+=(-XX:SharedArchiveFile="$archive")
    CDS_NEW=""
  else
    mkdir -p "$CDS_DIR"
    # Written under a name of its own and moved into place, so parallel first calls do not collide.
    CDS_OPTS+=(-XX:ArchiveClassesAtExit="$archive.$$.tmp")
    CDS_NEW=$archive
  fi
}

cds_keep() { # archive: moves the archive the run just wrote into place, drops the oldest
  [[ -n $1 && -f $1.$$.tmp ]] || return 0
  mv -f "$1.$$.tmp" "$1"
  ls -1t "$CDS_DIR"/gbx-*.jsa 2>/dev/null | tail -n +$((CDS_KEEP + 1)) | xargs -r rm -f || true
}

cds_java() { # jar java-option... -- argument...: runs the jar with its archive (making it first)
  local jar=$1 options=() rc=0
  shift
  while [[ $# -gt 0 && $1 != -- ]]; do options+=("$1"); shift; done
  [[ $# -gt 0 ]] && shift
  cds_options "$jar"
  java "${CDS_OPTS[@]}" "${options[@]}" -jar "$jar" "$@" || rc=$?
  cds_keep "$CDS_NEW"
  return "$rc"
}
