#!/usr/bin/env bash
# The fault suite: a mixed load through the gateway (look-ups, sign-ups, swaps, imports; every write under an
# idempotency key, retried on timeouts and 5xx) while, phase after phase, volunteer-service is killed (kill -9) and
# started again, PostgreSQL restarts, Keycloak stops and starts again, and volunteer-service is made slow by a
# delaying proxy between the gateway and it. Then it checks from both databases that every acknowledged write is
# stored exactly once, every refused one left nothing, no shift is over its headcount, nobody is double-booked, and
# each stored write has its audit event and its key; prints the table fault x operations. See README.md beside it.
#
# Environment (all optional):
#   BENCH_SKIP_BUILD=1    reuse the jars of an earlier build
#   PHASE_SECONDS=45      load per phase
#   FAULT_WORKERS=6       concurrent clients; FAULT_TIMEOUT=3 (s per answer); FAULT_GIVE_UP=90 (s per write)
#   FAULT_PHASES="baseline kill-volunteer restart-postgres stop-keycloak slow-subgraph"
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$ROOT/target/faults"
PHASE_SECONDS="${PHASE_SECONDS:-45}"
PHASES="${FAULT_PHASES:-baseline kill-volunteer restart-postgres stop-keycloak slow-subgraph}"
source "$HERE/../lib.sh"
source "$HERE/suite.sh"

prepare_run
start_suite

log "seeding a community, 4 posts, 224 shifts, 60 volunteers through the gateway"
python3 "$HERE/faults.py" seed "$WORK"
LOAD_AVG_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

# Runs the load for PHASE_SECONDS in the background while the fault function $2 runs; waits for both.
phase() {
  local name="$1" fault="$2"
  log "phase $name: load for ${PHASE_SECONDS} s"
  python3 "$HERE/faults.py" load "$WORK" "$name" "$PHASE_SECONDS" &
  local load=$!
  "$fault"
  wait "$load"
}

no_fault() { :; }

fault_kill_volunteer() {
  sleep 10
  log "kill -9 volunteer-service (pid $VOLUNTEER_PID)"
  kill -9 "$VOLUNTEER_PID"
  wait "$VOLUNTEER_PID" 2>/dev/null || true
  sleep 2
  log "starting volunteer-service again"
  start_volunteer
}

fault_restart_postgres() {
  sleep 10
  log "restarting PostgreSQL (pg_ctl restart -m fast)"
  restart_postgres
}

fault_stop_keycloak() {
  sleep 5
  log "stopping Keycloak"
  stop_keycloak_process
  sleep 20
  log "starting Keycloak again"
  start_keycloak_process
}

fault_slow_subgraph() {
  sleep 5
  log "volunteer-service slow: every request to it delayed 5 s (clients wait ${FAULT_TIMEOUT:-3} s)"
  echo 5000 >"$WORK/delay-ms"
  sleep 20
  log "volunteer-service fast again"
  echo 0 >"$WORK/delay-ms"
}

for name in $PHASES; do
  case "$name" in
    baseline) phase baseline no_fault ;;
    kill-volunteer) phase kill-volunteer fault_kill_volunteer ;;
    restart-postgres) phase restart-postgres fault_restart_postgres ;;
    stop-keycloak) phase stop-keycloak fault_stop_keycloak ;;
    slow-subgraph) phase slow-subgraph fault_slow_subgraph ;;
    *) echo "unknown phase $name" >&2; exit 2 ;;
  esac
done

log "checking the databases"
status=0
python3 "$HERE/faults.py" check "$WORK" >"$WORK/report.md" || status=$?
cat <<REPORT

Fault suite ($(date -u +%Y-%m-%d), $(nproc) cores, load average before: $LOAD_AVG_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg);
${PHASE_SECONDS} s of load per phase, ${FAULT_WORKERS:-6} clients, client timeout ${FAULT_TIMEOUT:-3} s)

$(cat "$WORK/report.md")
REPORT
exit "$status"
