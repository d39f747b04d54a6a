#!/usr/bin/env bash
# The risk map's maintenance alone, without the service, Keycloak or wrk (about 8 minutes on a busy machine, most of
# it the data generation and the map's rebuild): an embedded PostgreSQL, the schema from notice-service's migration
# files (applied with psql in version order, each in one transaction as Flyway does), generate.sql, risk_map_rebuild,
# then in ONE session (as the service's pooled connections are: PL/pgSQL functions compiled and their plans kept)
# one untimed 75-area publication and five timed ones (publish-75.sql, seeds 0.1–0.5), effective 2022-12-20 and
# 2022-07-01, and the whole-district ones (publish-district.sql). Each is rolled back: the data stays as generated.
#
# Environment (optional): BENCH_SKIP_BUILD=1 (reuse dev-suite's classes and runtime.classpath of an earlier build),
# BENCH_KEEP_DB=1 (leave the database running at the end and print its port, e.g. for EXPLAIN or auto_explain),
# BENCH_PG_SETTINGS="shared_buffers=2GB" (server settings; the embedded server's default shared_buffers is 128 MB).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$ROOT/target/benchmark-notice-maintenance"
source "$HERE/../lib.sh"
mkdir -p "$WORK"

if [[ "${BENCH_SKIP_BUILD:-}" != 1 ]]; then
  log "building dev-suite (tests skipped)"
  (cd "$ROOT" && ./mvnw -B -ntp -q package -DskipTests -pl dev-suite -am \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile=target/runtime.classpath -Dmdep.includeScope=runtime)
fi

DB_JAVA_PID=""
cleanup() { [[ -n "$DB_JAVA_PID" && "${BENCH_KEEP_DB:-}" != 1 ]] && kill "$DB_JAVA_PID" 2>/dev/null || true; }
trap cleanup EXIT
start_database notices
export PGHOST=127.0.0.1 PGPORT="$DB_PORT" PGUSER=postgres PGDATABASE=notices PGPASSWORD=""
PSQL=(psql -X -q -v ON_ERROR_STOP=1)

log "schema: notice-service migrations"
for f in $(ls "$ROOT/notice-service/src/main/resources/db/migration" | sort -t_ -k1.2 -n); do
  "${PSQL[@]}" -1 -f "$ROOT/notice-service/src/main/resources/db/migration/$f" >/dev/null
done
log "generating data"
"${PSQL[@]}" -At -f "$HERE/generate.sql"
log "rebuilding the risk map"
"${PSQL[@]}" -At -c "select count(*) from risk_map_rebuild()" \
  -c "vacuum analyze risk_area_level" -c "vacuum analyze risk_count" >/dev/null

# One session: \ir of the publication scripts with the variables they read.
session() {
  local day="$1" seed
  echo "\\set day $day"
  echo "\\set seed 0.9"
  echo "\\ir $HERE/publish-75.sql"
  for seed in 0.1 0.2 0.3 0.4 0.5; do
    echo "\\set seed $seed"
    echo "\\ir $HERE/publish-75.sql"
  done
}
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg); shared_buffers $("${PSQL[@]}" -At -c 'show shared_buffers')"
for day in 2022-12-20 2022-07-01; do
  # the first line is the untimed warm-up
  echo "75-area notices effective $day, \"wall ms|backend CPU ms|areas of the map touched\":" \
    $(session "$day" | "${PSQL[@]}" -At -f - | tail -n +2)
done
for day in 2022-12-20 2022-07-01; do
  echo "all of 小店区 effective $day, \"areas|wall ms|CPU ms|periods\": $("${PSQL[@]}" -At -v day=$day -f "$HERE/publish-district.sql")"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ "${BENCH_KEEP_DB:-}" == 1 ]]; then
  echo "database left running: PGHOST=127.0.0.1 PGPORT=$DB_PORT PGUSER=postgres PGDATABASE=notices (stop: kill $DB_JAVA_PID)"
fi
