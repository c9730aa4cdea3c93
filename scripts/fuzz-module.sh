#!/usr/bin/env bash
# Fuzzes every @FuzzTest class of one module, one JVM per target, two at a time, and prints the
# executions and coverage (edges) of each. Called by the parent pom's fuzz profile (./mvnw -B
# verify -Pfuzz -Dfuzz.minutes=N), which passes the module's test class path; scripts/fuzz.sh is
# the entry point for people.
#   fuzz-module.sh MINUTES MODULE_DIR FILTER HEAP -classpath CLASSPATH
set -euo pipefail
minutes=$1; module=$2; filter=$3; heap=$4; shift 4
[ "$1" = "-classpath" ] || { echo "fuzz-module.sh: expected -classpath" >&2; exit 2; }
cp=$2
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=$(awk -v m="$minutes" 'BEGIN { s = int(m * 60); if (s < 1) exit 1; print s }') \
  || { echo "fuzz-module.sh: fuzz.minutes must be a positive number, was '$minutes'" >&2; exit 2; }
cd "$module"
[ -d src/test/java ] || exit 0
mapfile -t targets < <(find src/test/java -name '*FuzzTest.java' | sort \
  | sed -e 's|^src/test/java/||' -e 's|\.java$||' -e 's|/|.|g' | grep -E -- "$filter" || true)
[ ${#targets[@]} -gt 0 ] || exit 0
mkdir -p target/fuzz
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
run() {
  local t=$1 log=target/fuzz/${1##*.}.log
  echo "fuzz: $t for $minutes min (log $module/$log)"
  JAZZER_FUZZ=1 "$java_bin" -Xmx"$heap" -Xss4m -XX:+EnableDynamicAgentLoading \
    --enable-native-access=ALL-UNNAMED -Djazzer.max_duration="${seconds}s" \
    -Djunit.jupiter.execution.timeout.mode=disabled -Djazzer.keep_going="${FUZZ_KEEP_GOING:-20}" \
    -Djazzer.instrument="${FUZZ_INSTRUMENT:-io.pqzk.**,org.bouncycastle.asn1.**,org.bouncycastle.pkcs.**,com.google.protobuf.**,com.google.gson.**}" \
    -cp "$cp" "$root/scripts/FuzzTarget.java" "$t" > "$log" 2>&1 && echo ok > "$log.status" \
    || echo finding > "$log.status"
}
running=0
for t in "${targets[@]}"; do
  run "$t" &
  running=$((running + 1))
  if [ $running -ge 2 ]; then wait -n; running=$((running - 1)); fi
done
wait
"$root/scripts/fuzz-report.sh" "$module"
