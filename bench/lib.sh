# Shell functions shared by the benchmarks (run.sh, scale.sh): sourced, not run. They use the
# caller's SUMMARY, JAVA_OPTS_BENCH, BPORT, PG_HOST and PG_USER, and set APP_PID, STARTUP_S and
# STARTUP_CPU_S.

log() { echo "$*" | tee -a "$SUMMARY"; }

APP_PID=""
APP_ENV=()
stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    for _ in $(seq 1 100); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}
trap stop_app EXIT

# start_app NAME LOGFILE EXTRA_JVM_OPTS JAR ARGS...: starts it, waits for the readiness probe
# (/actuator/health/readiness UP: after the ApplicationRunners, e.g. the platform's deployment),
# sets STARTUP_S (wall-clock seconds from exec to UP).
start_app() {
  local name="$1" logfile="$2" extra="$3"; shift 3
  local t0 t1
  wait_idle
  t0=$(date +%s.%N)
  # shellcheck disable=SC2086
  env "${APP_ENV[@]}" java $JAVA_OPTS_BENCH $extra -jar "$@" --management.endpoint.health.probes.enabled=true \
    > "$logfile" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 3000); do
    if curl -fs "http://127.0.0.1:$BPORT/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then
      t1=$(date +%s.%N)
      STARTUP_S=$(echo "$t1 - $t0" | bc)
      STARTUP_CPU_S=$(cpu_s "$APP_PID")
      return 0
    fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      echo "$name died while starting; see $logfile" >&2
      tail -30 "$logfile" >&2
      exit 1
    fi
    sleep 0.1
  done
  echo "$name not ready after 300 s" >&2
  exit 1
}

median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END{print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
cpu_s() { awk '{sub(/.*\) /, ""); printf "%.1f", ($12 + $13) / 100}' "/proc/$1/stat"; }
rss_mib() { awk '/VmRSS/{printf "%.0f", $2/1024}' "/proc/$1/status"; }

fresh_pg() {
  psql -h "$PG_HOST" -U "$PG_USER" -qc "DROP DATABASE IF EXISTS $1 WITH (FORCE)" postgres
  psql -h "$PG_HOST" -U "$PG_USER" -qc "CREATE DATABASE $1" postgres
}

# Waits (at most 120 s) until the machine is idle (≥ 90 % of the CPU time idle over 2 s, from
# /proc/stat): a start measured while something else still runs (a JVM finishing, the database's
# own work) measures that too. Says how long it waited.
wait_idle() {
  local waited=0 a b
  while [ "$waited" -lt 120 ]; do
    a=$(awk '/^cpu /{print $2+$3+$4+$5+$6+$7+$8, $5+$6}' /proc/stat)
    sleep 2; waited=$((waited + 2))
    b=$(awk '/^cpu /{print $2+$3+$4+$5+$6+$7+$8, $5+$6}' /proc/stat)
    if awk -v a="$a" -v b="$b" 'BEGIN{split(a,x," "); split(b,y," "); t=y[1]-x[1]; i=y[2]-x[2]; exit !(t > 0 && i / t >= 0.9)}'; then
      break
    fi
  done
  log "(waited ${waited} s for an idle machine before starting)"
}

# Waits (at most 180 s) until no autovacuum worker is running, and says how long it waited.
quiesce_pg() {
  local waited=0
  while [ "$waited" -lt 180 ] && [ "$(psql -h "$PG_HOST" -U "$PG_USER" -Atc \
      "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'" postgres)" != 0 ]; do
    sleep 1; waited=$((waited + 1))
  done
  log "(waited ${waited} s for PostgreSQL's autovacuum before the restart)"
}

