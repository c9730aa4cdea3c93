#!/usr/bin/env bash
# Prints, per fuzz target, the executions, coverage (libFuzzer's edges "cov" and features "ft"),
# the corpus size and the outcome, from the logs fuzz-module.sh wrote under MODULE/target/fuzz/.
#   fuzz-report.sh [MODULE_DIR...]   (default: every module)
set -uo pipefail
cd "$(dirname "$0")/.."
dirs=("$@")
[ ${#dirs[@]} -gt 0 ] || mapfile -t dirs < <(find . -path '*/target/fuzz' -type d -not -path '*/node_modules/*' | sed 's|/target/fuzz$||' | sort)
printf '%-46s %12s %8s %8s %8s %s\n' target executions edges features corpus outcome
for d in "${dirs[@]}"; do
  for log in "$d"/target/fuzz/*.log; do
    [ -f "$log" ] || continue
    name=$(basename "$log" .log)
    last=$(grep -aE '^#[0-9]+' "$log" | tail -1)
    execs=$(grep -aoE '^Done [0-9]+ runs' "$log" | tail -1 | grep -oE '[0-9]+')
    [ -n "$execs" ] || execs=$(echo "$last" | grep -oE '^#[0-9]+' | tr -d '#')
    cov=$(echo "$last" | grep -oE 'cov: [0-9]+' | grep -oE '[0-9]+')
    ft=$(echo "$last" | grep -oE 'ft: [0-9]+' | grep -oE '[0-9]+')
    corp=$(echo "$last" | grep -oE 'corp: [0-9]+' | grep -oE '[0-9]+')
    status=$(cat "$log.status" 2>/dev/null || echo running)
    # with keep_going the JUnit run may pass although libFuzzer wrote reproducers: count those
    units=$(grep -aoE 'Test unit written to [^ ]+' "$log" | sed 's|Test unit written to ||')
    if [ -n "$units" ]; then
      names=$(echo "$units" | xargs -n1 basename | tr '\n' ' ')
      status="FINDING $(echo "$units" | wc -l): $names"
    elif [ "$status" = finding ]; then
      status="FAILED (no fuzzing run: see $log)"
    fi
    printf '%-46s %12s %8s %8s %8s %s\n' "$name" "${execs:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$status"
  done
done
