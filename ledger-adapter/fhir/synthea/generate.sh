#!/usr/bin/env bash
# Generates FHIR R4 patient bundles with Synthea, in a process of its own (its HAPI FHIR 6.1.0
# must not meet the project's). Everything that decides the output is pinned on the command line:
# the population seed (-s), the clinician seed (-cs), the reference date (-r), the count, the age
# range, the years of history kept and the state.
#   generate.sh OUT_DIR SEED [COUNT] [YEARS_OF_HISTORY]
# Writes OUT_DIR/fhir/*.json (one transaction bundle per patient, living patients only; no
# hospital or practitioner bundles) and nothing else of note.
set -euo pipefail
out=$1
seed=$2
count=${3:-3}
years=${4:-1}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
cp_file=$here/target/classpath.txt
if [ ! -s "$cp_file" ]; then
  "$root/mvnw" -B -q -f "$here/pom.xml" dependency:build-classpath -Dmdep.outputFile="$cp_file"
fi
mkdir -p "$out"
cd "$out"
exec java -Xmx3g -cp "$(cat "$cp_file")" App \
  -s "$seed" -cs "$seed" -r 20261201 -p "$count" -a 20-45 \
  --exporter.baseDirectory="$out" \
  --exporter.years_of_history="$years" \
  --generate.only_alive_patients=true \
  --exporter.hospital.fhir.export=false \
  --exporter.practitioner.fhir.export=false \
  --exporter.metadata.export=false \
  Massachusetts
