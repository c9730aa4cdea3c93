#!/usr/bin/env bash
# Fuzzes one @FuzzTest class in its own JVM for SECONDS seconds, from its module's folder (so
# findings land in the module's src/test/resources inputs and Jazzer's corpus in its
# .cifuzz-corpus/), logging to MODULE/target/fuzz/CLASS.log and its outcome to CLASS.log.status.
#   fuzz-target.sh MODULE_DIR CLASS SECONDS HEAP CLASSPATH_FILE
set -uo pipefail
module=$1; class=$2; seconds=$3; heap=$4; cpfile=$5
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$module" || exit 2
mkdir -p target/fuzz
log=target/fuzz/${class##*.}.log
echo "fuzz: $class for ${seconds}s (log $module/$log)"
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
# the libraries the parsers sit on, instrumented so that coverage guides through them too
instrument=io.pqzk.**,org.bouncycastle.asn1.**,org.bouncycastle.pkcs.**,com.google.protobuf.**
instrument=$instrument,com.google.gson.**,ca.uhn.fhir.parser.**
if JAZZER_FUZZ=1 "$java_bin" -Xmx"$heap" -Xss4m -XX:+EnableDynamicAgentLoading \
    --enable-native-access=ALL-UNNAMED -Djazzer.max_duration="${seconds}s" \
    -Djunit.jupiter.execution.timeout.mode=disabled -Djazzer.keep_going="${FUZZ_KEEP_GOING:-20}" \
    -Djazzer.instrument="${FUZZ_INSTRUMENT:-$instrument}" \
    -cp "$(cat "$cpfile")" "$root/scripts/FuzzTarget.java" "$class" > "$log" 2>&1; then
  echo ok > "$log.status"
else
  echo finding > "$log.status"
fi
