#!/usr/bin/env bash
# Process-map benchmark (docs/performance.md, "Mapas de procesos"): how the rules and the picture of
# a map cost as it grows from 60 to 1,000 processes.
#
#   bench/mapa/run.sh [rounds]      (200 by default; builds target/classes if missing)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
[ -d target/classes/pe ] || ./mvnw -B -q compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="target/classes:$(cat target/bench-classpath.txt)"
mkdir -p target/bench-mapa
javac -d target/bench-mapa -cp "$CP" bench/mapa/MapBench.java
java -Xmx512m -cp "target/bench-mapa:$CP" MapBench "${1:-200}"
