#!/usr/bin/env bash
# Scale benchmark (bench/README.md, "Scale run"), PostgreSQL only:
#
#   bench/scale.sh
#
# 1. On a fresh database, the platform as the demo has it (2 hosted entities): the wsiotramite
#    intake rate (LoadGen: warm-up, then N calls at C senders, to the demo municipality) and the
#    startup to ready (median of RESTARTS restarts).
# 2. SCALE_ENTITIES entities registered through POST /api/entidades; then, with the platform
#    stopped, bench/scale/seed.sql writes SCALE_USERS people per entity, SCALE_OPEN_TASKS open
#    tasks and SCALE_HISTORY finished instances, in the shape the platform writes them.
# 3. At that scale: the startup to ready again, Tasklist's first page for an entity's people and
#    a PCM person (bench/scale/ScaleProbe.java, as the browser asks), and the intake rate with
#    each call to another of the entities.
#
# Settings (environment): SCALE_ENTITIES (2000), SCALE_USERS (10 per entity), SCALE_OPEN_TASKS
# (200000), SCALE_HISTORY (1000000), SCALE_QUERIES (300 per probe, after 50 warm-up), BENCH_N
# (5000), BENCH_C (8), BENCH_WARMUP (15000), BENCH_RESTARTS (3), BENCH_JAVA_OPTS (-Xmx1g),
# BENCH_PORT (18200), BENCH_PG_HOST, BENCH_PG_USER, BENCH_PG_SCALE_DB (plataforma_scale, dropped
# and made again), BENCH_BUILD=0 (use target/plataforma.jar as it is).
# Results: bench/results/scale-<date-time>/ (summary.txt, intake.tsv, tasklist.tsv, logs).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
ENTITIES="${SCALE_ENTITIES:-2000}"
USERS="${SCALE_USERS:-10}"
OPEN_TASKS="${SCALE_OPEN_TASKS:-200000}"
HISTORY="${SCALE_HISTORY:-1000000}"
QUERIES="${SCALE_QUERIES:-300}"
N="${BENCH_N:-5000}"
C="${BENCH_C:-8}"
WARMUP="${BENCH_WARMUP:-15000}"
RESTARTS="${BENCH_RESTARTS:-3}"
JAVA_OPTS_BENCH="${BENCH_JAVA_OPTS:--Xmx1g}"
BPORT="${BENCH_PORT:-18200}"
PG_HOST="${BENCH_PG_HOST:-127.0.0.1}"
PG_USER="${BENCH_PG_USER:-postgres}"
DB="${BENCH_PG_SCALE_DB:-plataforma_scale}"
OUT="$HERE/results/scale-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
SUMMARY="$OUT/summary.txt"
PLATFORM_JAR="$ROOT/target/plataforma.jar"
URL="http://127.0.0.1:$BPORT"
# shellcheck source=bench/lib.sh
. "$HERE/lib.sh"

if [ "${BENCH_BUILD:-1}" = 1 ] || [ ! -f "$PLATFORM_JAR" ]; then
  echo "Building the platform jar (tests skipped)..."
  (cd "$ROOT" && ./mvnw -B -ntp -q package -DskipTests -P'!browser') > "$OUT/build.log" 2>&1
fi

log "# Scale benchmark $(date -Iseconds)"
log "machine: $(nproc) CPUs, $(free -m | awk '/Mem:/{print $2}') MiB RAM, $(java -version 2>&1 | head -1), $(psql -h "$PG_HOST" -U "$PG_USER" -Atc 'SHOW server_version' postgres | sed 's/^/PostgreSQL /')"
log "commit: $(cd "$ROOT" && git rev-parse --short HEAD)$(cd "$ROOT" && git diff --quiet HEAD -- src || echo ' (src modified)')"
log "settings: entities=$ENTITIES people/entity=$USERS open tasks=$OPEN_TASKS finished instances=$HISTORY queries=$QUERIES N=$N C=$C warm-up=$WARMUP restarts=$RESTARTS JVM='$JAVA_OPTS_BENCH'"

APP_ENV=(PORT="$BPORT" PLATFORM_DB_URL="jdbc:postgresql://$PG_HOST:5432/$DB" PLATFORM_DB_USER="$PG_USER"
  PLATFORM_DATA_DIR="$OUT/platform-data")
ARGS=(--spring.profiles.active=demo,postgres)

# restarts LABEL: the median startup to ready of RESTARTS restarts on the existing schema
restarts() {
  quiesce_pg
  local walls=() cpus=()
  for r in $(seq 1 "$RESTARTS"); do
    start_app platform "$OUT/$1-restart-$r.log" "" "$PLATFORM_JAR" "${ARGS[@]}"
    walls+=("$STARTUP_S"); cpus+=("$STARTUP_CPU_S")
    stop_app
  done
  log "[$1] startup to ready $(median "${walls[@]}") s using $(median "${cpus[@]}") s of CPU (median of $RESTARTS restarts: ${walls[*]} s; ${cpus[*]} s CPU)"
  printf '%s\t%s\t%s\n' "$1" "$(median "${walls[@]}")" "$(median "${cpus[@]}")" >> "$OUT/startup.tsv"
}

intake() {
  local label="$1"; shift
  java "$HERE/loadgen/LoadGen.java" run --target platform --url "$URL" --n "$N" --c "$C" --warmup "$WARMUP" \
    --label "$label" --results "$OUT/intake.tsv" --pid "$APP_PID" "$@" | tee -a "$SUMMARY"
}

probe() {
  java "$HERE/scale/ScaleProbe.java" tasklist --url "$URL" --n "$QUERIES" --warmup 50 --results "$OUT/tasklist.tsv" "$@" \
    | tee -a "$SUMMARY"
}

count() { psql -h "$PG_HOST" -U "$PG_USER" -Atc "$1" "$DB"; }

# ------------------------------------------------------------------ 1. two entities
log ""
log "## 2 entities (the demo's) — $(date -Iseconds), load average $(cut -d' ' -f1-3 /proc/loadavg)"
fresh_pg "$DB"
start_app platform "$OUT/small.log" "" "$PLATFORM_JAR" "${ARGS[@]}"
log "first start on an empty schema: ${STARTUP_S} s"
intake 2-entidades
stop_app
restarts 2-entidades

# ------------------------------------------------------------------ 2. the State's scale
log ""
log "## $ENTITIES entities — $(date -Iseconds)"
start_app platform "$OUT/register.log" "" "$PLATFORM_JAR" "${ARGS[@]}"
java "$HERE/scale/ScaleProbe.java" entities --url "$URL" --user sgtd.admin --password demo --n "$ENTITIES" \
  --out "$OUT/rucs.txt" | tee -a "$SUMMARY"
stop_app
t0=$(date +%s)
psql -h "$PG_HOST" -U "$PG_USER" -q -v ON_ERROR_STOP=1 -v part=runtime -v users_per_entity="$USERS" \
  -v open_tasks="$OPEN_TASKS" -f "$HERE/scale/seed.sql" "$DB" > "$OUT/seed-runtime.log" 2>&1 &
seed_runtime=$!
psql -h "$PG_HOST" -U "$PG_USER" -q -v ON_ERROR_STOP=1 -v part=history -v history="$HISTORY" \
  -f "$HERE/scale/seed.sql" "$DB" > "$OUT/seed-history.log" 2>&1 || { cat "$OUT/seed-history.log"; exit 1; }
wait "$seed_runtime" || { cat "$OUT/seed-runtime.log"; exit 1; }
# the statistics autovacuum would gather soon after such a load, gathered now
psql -h "$PG_HOST" -U "$PG_USER" -qc "VACUUM ANALYZE" "$DB"
log "seeded in $(( $(date +%s) - t0 )) s: $(count "SELECT count(*) FROM hosted_entity") entities, $(count "SELECT count(*) FROM act_id_user") people, $(count "SELECT count(*) FROM act_ru_task") open tasks, $(count "SELECT count(*) FROM act_hi_procinst WHERE end_time_ IS NOT NULL") finished instances, $(count "SELECT count(*) FROM act_hi_actinst") activity instances in history, $(count "SELECT count(*) FROM act_ru_authorization") authorizations"
log "database size: $(count "SELECT pg_size_pretty(pg_database_size('$DB'))")"
restarts "$ENTITIES-entidades"

start_app platform "$OUT/large.log" "" "$PLATFORM_JAR" "${ARGS[@]}"
# a person of an entity in the middle of the registry, and the PCM's help desk (member of every tenant)
RUC=$(sed -n "$(( (ENTITIES + 1) / 2 ))p" "$OUT/rucs.txt")
log "probe entity: $RUC, $(count "SELECT count(*) FROM act_ru_task WHERE tenant_id_ = '$RUC'") open tasks of its own among $(count "SELECT count(*) FROM act_ru_task") open tasks"
probe --label "$ENTITIES-entidades" --user "$RUC.u02" --filter "Tareas de mis grupos"
probe --label "$ENTITIES-entidades" --user "$RUC.u01" --filter "Mis tareas"
probe --label "$ENTITIES-entidades" --user "$RUC.u08" --filter "Tareas de mis grupos"
probe --label "$ENTITIES-entidades" --user sgtd.mesaayuda --filter "Tareas de mis grupos"
probe --label "$ENTITIES-entidades" --user muni.mesapartes --filter "Tareas de mis grupos"
intake "$ENTITIES-entidades" --receivers "$OUT/rucs.txt"
if [ "${SCALE_COMPARE_TASK_GRANTS:-1}" = 1 ]; then
  # the same probes with the grants as Camunda makes them by default (READ on every task for its
  # candidate group, no READ_TASK on the definitions), on the same data; then back as they were
  log "grants as before TaskReaders (READ per task): probes with 20 calls after 3 warm-up"
  count "BEGIN; CREATE TABLE scale_task_read AS SELECT id_, perms_ FROM act_ru_authorization
    WHERE resource_type_ = 6 AND group_id_ IS NOT NULL AND perms_ & 64 = 64;
    UPDATE act_ru_authorization SET perms_ = perms_ & ~64 WHERE id_ IN (SELECT id_ FROM scale_task_read);
    UPDATE act_ru_authorization SET perms_ = perms_ | 2 WHERE resource_type_ = 7 AND group_id_ IS NOT NULL; COMMIT;" > /dev/null
  java "$HERE/scale/ScaleProbe.java" tasklist --url "$URL" --n 20 --warmup 3 --results "$OUT/tasklist.tsv" \
    --label "$ENTITIES-entidades-sin-TaskReaders" --user "$RUC.u02" --filter "Tareas de mis grupos" | tee -a "$SUMMARY"
  java "$HERE/scale/ScaleProbe.java" tasklist --url "$URL" --n 20 --warmup 3 --results "$OUT/tasklist.tsv" \
    --label "$ENTITIES-entidades-sin-TaskReaders" --user "$RUC.u01" --filter "Mis tareas" | tee -a "$SUMMARY"
  count "BEGIN; UPDATE act_ru_authorization a SET perms_ = t.perms_ FROM scale_task_read t WHERE a.id_ = t.id_;
    UPDATE act_ru_authorization SET perms_ = perms_ & ~2 WHERE resource_type_ = 7 AND group_id_ = 'mesa-partes';
    DROP TABLE scale_task_read; COMMIT;" > /dev/null
  # the two updates left 400 000 dead rows in the table: a probe run on this database later
  # would measure them (p50 122 ms instead of 81 ms before this vacuum, on 2026-12-07)
  count "VACUUM ANALYZE act_ru_authorization" > /dev/null
fi
stop_app

log ""
log "## Summary (targets: Tasklist p95 <= 300 ms for an entity's person; intake at $ENTITIES entities >= 0.9x the rate at 2; startup not growing)"
awk -F'\t' -v big="$ENTITIES-entidades" '$1=="2-entidades"{s=$5} $1==big{b=$5} END{printf "intake: %.1f docs/s at 2 entities, %.1f docs/s at %s = %.2fx\n", s, b, big, b/s}' "$OUT/intake.tsv" | tee -a "$SUMMARY"
awk -F'\t' -v big="$ENTITIES-entidades" '$1=="2-entidades"{s=$2} $1==big{b=$2} END{printf "startup to ready: %.1f s at 2 entities, %.1f s at %s = %.2fx\n", s, b, big, b/s}' "$OUT/startup.tsv" | tee -a "$SUMMARY"
awk -F'\t' '{printf "tasklist %-36s %-24s %-22s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  (%s tasks)\n", $1, $2, $3, $5, $6, $7, $8}' "$OUT/tasklist.tsv" | tee -a "$SUMMARY"
log ""
log "Results in $OUT"
