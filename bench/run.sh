#!/usr/bin/env bash
# Intake benchmark: the platform's SOAP intake against the bare-stack baseline (bench/README.md).
#
#   bench/run.sh [h2|postgres|all]
#
# For each database and app, on a fresh schema: starts it, drives it with bench/loadgen/LoadGen.java (warm-up,
# then N calls at C concurrent senders), reads its RSS after the load, stops it, then
# restarts it on the existing schema to measure "startup to ready". The two apps never
# run at the same time. Settings (environment): BENCH_N (5000), BENCH_C (8), BENCH_WARMUP (15000),
# BENCH_JAVA_OPTS (-Xmx1g, the same for both apps), BENCH_PORT (18200), BENCH_PG_PLATFORM_DB
# (plataforma_bench), BENCH_PG_BASELINE_DB (baseline_bench), BENCH_PG_HOST (127.0.0.1),
# BENCH_PG_USER (postgres), BENCH_RESTARTS (3: startup is their median), BENCH_JFR=1 (records the platform's load with JFR), BENCH_BUILD=0
# (use the jars already built). Results: bench/results/<date-time>/ (summary.txt, logs, TSV).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
WHICH="${1:-all}"
# 5000: at 200-400 docs/s, 1000 calls were 3-5 s of measurement, too short to be stable
N="${BENCH_N:-5000}"
C="${BENCH_C:-8}"
# long enough for the JIT to finish: on 2 cores the platform's compiler threads were still
# using 6 ms of CPU per document after 6000 calls, under 1 ms after ~15000 (docs/performance.md)
WARMUP="${BENCH_WARMUP:-15000}"
# H2 only: also drive the baseline with H2's default write delay (commits not yet in the file
# when answered), for reference; no ratio is computed against it
BASELINE_LAZY="${BENCH_BASELINE_LAZY:-1}"
# restarts measured per app and database (startup to ready: their median)
RESTARTS="${BENCH_RESTARTS:-3}"
JAVA_OPTS_BENCH="${BENCH_JAVA_OPTS:--Xmx1g}"
BPORT="${BENCH_PORT:-18200}"
PG_HOST="${BENCH_PG_HOST:-127.0.0.1}"
PG_USER="${BENCH_PG_USER:-postgres}"
PG_PLATFORM_DB="${BENCH_PG_PLATFORM_DB:-plataforma_bench}"
PG_BASELINE_DB="${BENCH_PG_BASELINE_DB:-baseline_bench}"
OUT="$HERE/results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
TSV="$OUT/intake.tsv"
SUMMARY="$OUT/summary.txt"
PLATFORM_JAR="$ROOT/target/plataforma.jar"
BASELINE_JAR="$HERE/baseline/target/bench-baseline.jar"

case "$WHICH" in h2|postgres|all) ;; *) echo "usage: $0 [h2|postgres|all]" >&2; exit 2 ;; esac
# shellcheck source=bench/lib.sh
. "$HERE/lib.sh"


if [ "${BENCH_BUILD:-1}" = 1 ] || [ ! -f "$PLATFORM_JAR" ] || [ ! -f "$BASELINE_JAR" ]; then
  echo "Building the platform and the baseline jars (tests skipped)..."
  (cd "$ROOT" && ./mvnw -B -ntp -q package -DskipTests -P'!browser') > "$OUT/build.log" 2>&1
  (cd "$HERE/baseline" && "$ROOT/mvnw" -B -ntp -q package -DskipTests) >> "$OUT/build.log" 2>&1
fi

log "# Intake benchmark $(date -Iseconds)"
log "machine: $(nproc) CPUs, $(free -m | awk '/Mem:/{print $2}') MiB RAM, $(java -version 2>&1 | head -1)"
log "commit: $(cd "$ROOT" && git rev-parse --short HEAD)$(cd "$ROOT" && git diff --quiet HEAD -- src || echo ' (src modified)')"
log "settings: N=$N C=$C warm-up=$WARMUP restarts=$RESTARTS JVM='$JAVA_OPTS_BENCH'"
bench_db() {
  local db="$1" work="$OUT/$1"
  mkdir -p "$work"
  log ""
  log "## $db — $(date -Iseconds), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  for target in baseline platform; do
    local jar args=() jfr=""
    APP_ENV=(PORT="$BPORT")
    if [ "$target" = platform ]; then
      jar="$PLATFORM_JAR"
      if [ "$db" = postgres ]; then
        fresh_pg "$PG_PLATFORM_DB"
        APP_ENV+=(PLATFORM_DB_URL="jdbc:postgresql://$PG_HOST:5432/$PG_PLATFORM_DB" PLATFORM_DB_USER="$PG_USER")
        args=(--spring.profiles.active=demo,postgres)
      else
        args=(--spring.profiles.active=demo)
      fi
      APP_ENV+=(PLATFORM_DATA_DIR="$work/platform-data")
    else
      jar="$BASELINE_JAR"
      if [ "$db" = postgres ]; then
        fresh_pg "$PG_BASELINE_DB"
        APP_ENV+=(PLATFORM_DB_URL="jdbc:postgresql://$PG_HOST:5432/$PG_BASELINE_DB" PLATFORM_DB_USER="$PG_USER")
        args=(--spring.profiles.active=postgres)
      fi
      APP_ENV+=(BASELINE_DATA_DIR="$work/baseline-data")
    fi
    if [ "$target" = platform ] && [ "${BENCH_JFR:-0}" = 1 ]; then
      jfr="-XX:StartFlightRecording=filename=$work/platform.jfr,settings=profile"
    fi
    start_app "$target" "$work/$target.log" "$jfr" "$jar" "${args[@]}"
    local first="$STARTUP_S" pid="$APP_PID" first_cpu="$STARTUP_CPU_S"
    java "$HERE/loadgen/LoadGen.java" run --target "$target" --url "http://127.0.0.1:$BPORT" \
      --n "$N" --c "$C" --warmup "$WARMUP" --label "$db" --results "$TSV" --pid "$pid" | tee -a "$SUMMARY"
    local rss
    rss=$(rss_mib "$pid")
    stop_app
    # the measured startup: restarts on the schema that now exists, as in production, once
    # PostgreSQL's autovacuum has finished with the rows just written (it competes for the CPU);
    # the median of RESTARTS, since one start varies by ±10 % (how much the JIT compiles when)
    if [ "$db" = postgres ]; then quiesce_pg; fi
    local walls=() cpus=()
    for r in $(seq 1 "$RESTARTS"); do
      start_app "$target" "$work/$target-restart-$r.log" "" "$jar" "${args[@]}"
      walls+=("$STARTUP_S"); cpus+=("$STARTUP_CPU_S")
      stop_app
    done
    local startup startup_cpu
    startup=$(median "${walls[@]}"); startup_cpu=$(median "${cpus[@]}")
    log "[$db] $target: startup to ready ${startup} s using ${startup_cpu} s of CPU (median of $RESTARTS restarts: ${walls[*]} s; ${cpus[*]} s CPU; first start on an empty schema ${first} s, ${first_cpu} s CPU), RSS after the load ${rss} MiB"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$db" "$target" "$startup" "$first" "$rss" "$startup_cpu" >> "$OUT/startup-rss.tsv"
  done
  if [ "$db" = h2 ] && [ "$BASELINE_LAZY" = 1 ]; then
    APP_ENV=(PORT="$BPORT" BASELINE_DATA_DIR="$work/baseline-lazy-data" BASELINE_H2_WRITE_DELAY=500)
    start_app baseline "$work/baseline-lazy.log" "" "$BASELINE_JAR"
    java "$HERE/loadgen/LoadGen.java" run --target baseline --url "http://127.0.0.1:$BPORT" \
      --n "$N" --c "$C" --warmup "$WARMUP" --label h2-wd500 --results "$TSV" --pid "$APP_PID" | tee -a "$SUMMARY"
    stop_app
  fi
  log "load average after $db: $(cut -d' ' -f1-3 /proc/loadavg)"
}

case "$WHICH" in
  h2) bench_db h2 ;;
  postgres) bench_db postgres ;;
  all) bench_db h2; bench_db postgres ;;
esac

log ""
log "## Intake (ratio = platform docs/s ÷ baseline docs/s; target ≥ 0.60, p99 ≤ 150 ms at C=8)"
java "$HERE/loadgen/LoadGen.java" compare --results "$TSV" | tee -a "$SUMMARY"
log ""
log "## Startup and memory (targets: startup ≤ 1.3×, RSS ≤ 1.2× the baseline)"
awk -F'\t' '{k=$1; if ($2=="baseline") {bs[k]=$3; br[k]=$5; bc[k]=$6} else {ps[k]=$3; pr[k]=$5; pc[k]=$6}}
  END {for (k in ps) if (k in bs) printf "%-9s startup %.1f s vs %.1f s = %.2fx (CPU to ready %.1f s vs %.1f s = %.2fx); RSS %d MiB vs %d MiB = %.2fx\n",
    k, ps[k], bs[k], ps[k]/bs[k], pc[k], bc[k], pc[k]/bc[k], pr[k], br[k], pr[k]/br[k]}' "$OUT/startup-rss.tsv" | tee -a "$SUMMARY"
log ""
log "Results in $OUT"
