#!/usr/bin/env bash
# Fuzzes the parsers: every @FuzzTest target (or those whose class name matches -t REGEX), each
# for MINUTES minutes in its own JVM, two at a time across all modules, then prints executions
# and coverage per target. Findings are written into the target's regression corpus
# (src/test/resources/<package>/<Class>Inputs/<method>/), which ./mvnw -B verify replays.
#   scripts/fuzz.sh [-m MINUTES] [-t REGEX] [-p MODULE[,MODULE...]] [-j PARALLEL]
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=5; filter=.; modules=; parallel=2
while getopts m:t:p:j: o; do
  case $o in
    m) minutes=$OPTARG ;;
    t) filter=$OPTARG ;;
    p) modules=$OPTARG ;;
    j) parallel=$OPTARG ;;
    *) sed -n '2,6p' "$0"; exit 2 ;;
  esac
done
. scripts/pick-jdk.sh
pqzk_pick_jdk
FUZZ_QUEUE=$(mktemp)
export FUZZ_QUEUE
trap 'rm -f "$FUZZ_QUEUE"' EXIT
# the build, and each module's test class path and targets (queued, not yet run)
./mvnw -B -q verify -Pfuzz -Dfuzz.minutes="$minutes" -Dfuzz.targets="$filter" \
  ${modules:+-pl "$modules" -am}
for d in $(cut -d" " -f1 "$FUZZ_QUEUE" | sort -u); do rm -f "$d"/target/fuzz/*.log "$d"/target/fuzz/*.status; done
echo "fuzz.sh: $(wc -l < "$FUZZ_QUEUE") targets, $minutes min each, $parallel at a time"
while read -r module class seconds heap; do
  printf '%s\0%s\0%s\0%s\0%s\0' "$module" "$class" "$seconds" "$heap" \
    "$module/target/fuzz/classpath.txt"
done < "$FUZZ_QUEUE" | xargs -0 -n 5 -P "$parallel" scripts/fuzz-target.sh
echo
mapfile -t dirs < <(cut -d' ' -f1 "$FUZZ_QUEUE" | sort -u)
scripts/fuzz-report.sh "${dirs[@]}"
