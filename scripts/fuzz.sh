#!/usr/bin/env bash
# Fuzzes the parsers: every @FuzzTest target (or those whose class name matches -t REGEX), each
# for MINUTES minutes in its own JVM, two at a time, then prints executions and coverage per
# target. Findings are written into the target's regression corpus
# (src/test/resources/<package>/<Class>Inputs/<method>/), which ./mvnw -B verify replays.
#   scripts/fuzz.sh [-m MINUTES] [-t REGEX] [-p MODULE[,MODULE...]]
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=5; filter=.; modules=
while getopts m:t:p: o; do
  case $o in
    m) minutes=$OPTARG ;;
    t) filter=$OPTARG ;;
    p) modules=$OPTARG ;;
    *) sed -n '2,6p' "$0"; exit 2 ;;
  esac
done
. scripts/pick-jdk.sh
pqzk_pick_jdk
./mvnw -B verify -Pfuzz -Dfuzz.minutes="$minutes" -Dfuzz.targets="$filter" \
  ${modules:+-pl "$modules" -am}
echo
scripts/fuzz-report.sh
