# Sourced by ./pqzk and .ci/run. Chooses the JDK: $JAVA_HOME when set, else a JDK 25
# (Temurin's, faster ML-DSA and SHA-3 intrinsics) when installed, else the default `java`.
# Exports JAVA_HOME and PQZK_JAVA and says which JDK it picked on stderr.
pqzk_pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    PQZK_JDK_WHY="JAVA_HOME"
  else
    local cand
    for cand in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25-* /usr/lib/jvm/java-25*; do
      if [ -x "$cand/bin/java" ]; then JAVA_HOME="$cand"; PQZK_JDK_WHY="JDK 25 found"; break; fi
    done
    if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ]; then
      local j
      j=$(command -v java) || { echo "pqzk: no JDK found: install JDK 17 or newer, or set JAVA_HOME" >&2; return 1; }
      JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$j")")")
      PQZK_JDK_WHY="default java"
    fi
  fi
  export JAVA_HOME
  PQZK_JAVA="$JAVA_HOME/bin/java"
  local ver
  ver=$("$PQZK_JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/ {print $2; exit}')
  PQZK_JDK_FEATURE=${ver%%[.+-]*}
  export PQZK_JDK_FEATURE
  [ "${PQZK_QUIET_JDK:-0}" = 1 ] || echo "pqzk: using JDK $ver at $JAVA_HOME ($PQZK_JDK_WHY)" >&2
}
