#!/usr/bin/env bash
# Fuzzes every @FuzzTest class of one module (those whose name matches FILTER), one JVM per
# target, two at a time, and prints the executions and coverage (edges) of each. Called by the
# parent pom's fuzz profile (./mvnw -B verify -Pfuzz -Dfuzz.minutes=N) with the module's test
# class path. With FUZZ_QUEUE set it only queues the targets there ("MODULE CLASS" lines, the
# class path in MODULE/target/fuzz/classpath.txt), for scripts/fuzz.sh to run across modules.
#   fuzz-module.sh MINUTES MODULE_DIR FILTER HEAP -classpath CLASSPATH
set -euo pipefail
minutes=$1; module=$2; filter=$3; heap=$4; shift 4
[ "$1" = "-classpath" ] || { echo "fuzz-module.sh: expected -classpath" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=$(awk -v m="$minutes" 'BEGIN { s = int(m * 60); if (s < 1) exit 1; print s }') \
  || { echo "fuzz-module.sh: fuzz.minutes must be a positive number, was '$minutes'" >&2; exit 2; }
cd "$module"
[ -d src/test/java ] || exit 0
mapfile -t targets < <(find src/test/java -name '*FuzzTest.java' | sort \
  | sed -e 's|^src/test/java/||' -e 's|\.java$||' -e 's|/|.|g' | grep -E -- "$filter" || true)
[ ${#targets[@]} -gt 0 ] || exit 0
mkdir -p target/fuzz
printf '%s' "$2" > target/fuzz/classpath.txt
if [ -n "${FUZZ_QUEUE:-}" ]; then
  for t in "${targets[@]}"; do echo "$module $t $seconds $heap" >> "$FUZZ_QUEUE"; done
  exit 0
fi
running=0
for t in "${targets[@]}"; do
  "$root/scripts/fuzz-target.sh" "$module" "$t" "$seconds" "$heap" target/fuzz/classpath.txt &
  running=$((running + 1))
  if [ $running -ge 2 ]; then wait -n; running=$((running - 1)); fi
done
wait
"$root/scripts/fuzz-report.sh" "$module"
