#!/usr/bin/env bash
# Benchmark of notice-service on 1,000,000 designations: riskLevel, riskAreas and riskCounts under wrk, riskTrend,
# then importNotice and publishNotice of 75-area notices.
# Prints figures; asserts nothing. See README.md beside it.
#
# Environment (all optional):
#   BENCH_SKIP_BUILD=1      reuse the jars of an earlier build
#   BENCH_MVN_ARGS="-o"     extra Maven arguments
#   BENCH_DURATION=30s      length of each measured wrk run
#   BENCH_WARMUP=20s        wrk run before each measured one, unreported (lets the JIT compile the request path)
#   BENCH_CONNECTIONS=16    wrk connections
#   BENCH_EXTRA_SQL="..."   SQL run after the data load, e.g. to try an index without writing a migration
#   BENCH_PG_SETTINGS="shared_buffers=2GB"   PostgreSQL server settings (the embedded default shared_buffers is 128 MB)
#   KEYCLOAK_START_TIMEOUT=900 seconds Keycloak may take to start (its first start on a busy machine took over 240 s)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$ROOT/target/benchmark-notice-service"
DURATION="${BENCH_DURATION:-30s}"
WARMUP="${BENCH_WARMUP:-20s}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
IMPORTS=20
IMPORT_WARMUP=5
source "$HERE/../lib.sh"

for tool in java psql curl wrk awk; do
  command -v "$tool" >/dev/null || { echo "missing $tool (wrk: apt-get install -y wrk)" >&2; exit 1; }
done
mkdir -p "$WORK"
START_LOAD="$(cut -d' ' -f1-3 /proc/loadavg)"
log "load average at the start: $START_LOAD"
rm -f "$WORK"/*.log "$WORK"/*.txt "$WORK"/*.json

DB_JAVA_PID="" SERVICE_PID="" POSTMASTER_PID=""
cleanup() {
  # Service first (it holds connections), then the database JVM, whose shutdown hook stops PostgreSQL.
  for pid in "$SERVICE_PID" "$DB_JAVA_PID" "${KEYCLOAK_PID:-}"; do
    [[ -n "$pid" ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  # Should the JVM have died without its hook, stop the postmaster it started (fast shutdown).
  if [[ -n "$POSTMASTER_PID" ]] && kill -0 "$POSTMASTER_PID" 2>/dev/null; then
    kill -INT "$POSTMASTER_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

gql() { curl -s "$URL" -H 'Content-Type: application/json' --data-binary "$1"; }

# --- build ------------------------------------------------------------------------------------------------------
if [[ "${BENCH_SKIP_BUILD:-}" != 1 ]]; then
  log "building (tests skipped)"
  # The dependency plugin writes each module's runtime classpath, so BenchmarkDatabase runs without Maven.
  (cd "$ROOT" && ./mvnw -B -ntp -q ${BENCH_MVN_ARGS:-} package -DskipTests \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile=target/runtime.classpath -Dmdep.includeScope=runtime)
fi

# --- Keycloak, database and service (Flyway creates the schema at start) -----------------------------------------
# Keycloak first: it takes longest to start (minutes on a busy machine) and starts while the database does.
log "starting Keycloak (import and publication are staff work: an editor's and a publisher's token)"
launch_keycloak editor publisher
log "starting embedded PostgreSQL"
start_database notices
export PGHOST=127.0.0.1 PGPORT="$DB_PORT" PGUSER=postgres PGDATABASE=notices PGPASSWORD=""
PSQL=(psql -X -q -v ON_ERROR_STOP=1)
POSTMASTER_PID="$("${PSQL[@]}" -At -c "select pg_read_file('postmaster.pid')" | head -1)"

log "waiting for Keycloak (at most KEYCLOAK_START_TIMEOUT=${KEYCLOAK_START_TIMEOUT:-900} s)"
await_keycloak editor publisher
log "starting notice-service"
# No trace collector here: tracing off, rather than an exporter retrying against a closed port.
start_service notice-service NOTICE_DB_URL="postgresql://127.0.0.1:$DB_PORT/notices" \
  NOTICE_DB_JDBC_URL="jdbc:postgresql://127.0.0.1:$DB_PORT/notices" NOTICE_DB_USER=postgres NOTICE_DB_PASSWORD="" \
  OTEL_SDK_DISABLED=true
URL="$SERVICE_URL"

# --- data -------------------------------------------------------------------------------------------------------
log "generating data (100,000 areas, 10,000 notices, 1,000,000 designations)"
start=$(date +%s.%N)
"${PSQL[@]}" -At -f "$HERE/generate.sql" >"$WORK/generate.txt"
GENERATION_S=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.0f", e - s }')
log "$(cat "$WORK/generate.txt") in $GENERATION_S s"
# generate.sql writes published notices directly, not through publishNotice: the maintained risk map (migration V9)
# is computed from them as the migration's backfill does.
log "rebuilding the maintained risk map"
start=$(date +%s.%N)
"${PSQL[@]}" -At -c "select count(*) from risk_map_rebuild()" >/dev/null
"${PSQL[@]}" -c "vacuum analyze risk_area_level" -c "vacuum analyze risk_count"
REBUILD_S=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.0f", e - s }')
"${PSQL[@]}" -At -f "$HERE/explain.sql" >"$WORK/explain.txt"
log "risk map rebuilt in $REBUILD_S s: $(tail -1 "$WORK/explain.txt"); plans in $WORK/explain.txt"
if [[ -n "${BENCH_EXTRA_SQL:-}" ]]; then
  log "extra SQL: $BENCH_EXTRA_SQL"
  "${PSQL[@]}" -c "$BENCH_EXTRA_SQL"
fi
"${PSQL[@]}" -At -f "$HERE/addresses.sql" | sed '/^$/d' >"$WORK/addresses.txt"

# What the addresses resolve to (every 25th, on 2022-12-31), so that the figures are seen to come from real
# answers: about 90 % should match an area below their district (the unknown compounds do not).
MATCHED=0 DESIGNATED=0 SAMPLED=0
while IFS= read -r address; do
  query="{ riskLevel(address: \\\"$address\\\", asOf: \\\"2022-12-31\\\") { designated matchedArea { kind } } }"
  answer="$(gql "{\"query\":\"$query\"}")"
  SAMPLED=$((SAMPLED + 1))
  if [[ "$answer" == *'"matchedArea":{"kind":"'* && "$answer" != *DISTRICT* ]]; then MATCHED=$((MATCHED + 1)); fi
  if [[ "$answer" == *'"designated":true'* ]]; then DESIGNATED=$((DESIGNATED + 1)); fi
done < <(awk 'NR % 25 == 1' "$WORK/addresses.txt")
SAMPLE="of every 25th address, $MATCHED/$SAMPLED match an area below the district, $DESIGNATED/$SAMPLED designated"
log "riskLevel: $SAMPLE on 2022-12-31"
AREAS_QUERY='{ riskAreas(asOf: \"2022-06-30\", district: \"小店区\", level: \"HIGH\", first: 50) { edges { node { area { id } } } } }'
log "riskAreas(小店区, HIGH, 2022-06-30): $(gql "{\"query\":\"$AREAS_QUERY\"}" | grep -o '"id"' | wc -l) areas on page 1"

# --- load: riskLevel, riskAreas (run_wrk prints "req/s p50 p90 p99 failed other-cpu service-cpu pg-cpu") --------
read -ra RISK_LEVEL < <(run_wrk riskLevel "$CONNECTIONS" "$HERE/graphql.lua" "$URL" riskLevel "$WORK/addresses.txt")
read -ra RISK_AREAS < <(run_wrk riskAreas "$CONNECTIONS" "$HERE/graphql.lua" "$URL" riskAreas)
read -ra RISK_COUNTS < <(run_wrk riskCounts "$CONNECTIONS" "$HERE/graphql.lua" "$URL" riskCounts)
# One connection: the time a request takes when it does not wait for the CPU behind other requests.
read -ra RISK_LEVEL_1 < <(run_wrk riskLevel 1 "$HERE/graphql.lua" "$URL" riskLevel "$WORK/addresses.txt")

# --- riskTrend: riskCounts of each of 30 days in one statement; sequential requests, not wrk --------------------
# The whole city and one district, each TRENDS times after one untimed request; a request counts as failed unless
# it answers without errors.
TRENDS=5
trend_ms() {
  local district="$1" body out="$WORK/trend-response.json" n seconds failed=0
  body="{\"query\":\"query(\$d: String) { riskTrend(from: \\\"2022-11-01\\\", to: \\\"2022-11-30\\\", district: \$d) { date district level count } }\",\"variables\":{\"d\":$district}}"
  : >"$WORK/trend-ms-$2.txt"
  for ((n = 0; n <= TRENDS; n++)); do
    seconds="$(curl -s -o "$out" -w '%{time_total}' "$URL" -H 'Content-Type: application/json' --data-binary "$body")"
    if ! grep -q '"riskTrend":\[{' "$out" || grep -q '"errors"' "$out"; then
      failed=$((failed + 1)); log "riskTrend failed: $(head -c 300 "$out")"
    fi
    if ((n > 0)); then awk -v s="$seconds" 'BEGIN { printf "%.0f\n", s * 1000 }' >>"$WORK/trend-ms-$2.txt"; fi
  done
  sort -n "$WORK/trend-ms-$2.txt" | awk -v f="$failed" '{ v[NR] = $1 } END { printf "p50 %s ms, max %s ms, failed %d\n", v[int((NR + 1) / 2)], v[NR], f }'
}
log "riskTrend: 30 days of November 2022, whole city and 小店区, $TRENDS sequential requests each"
TREND_CITY="$(trend_ms null city)"
TREND_DISTRICT="$(trend_ms '"小店区"' district)"

# --- import -----------------------------------------------------------------------------------------------------
# Numbers after the highest stored one, so that every import is a new notice; the first IMPORT_WARMUP ones are not
# timed (JIT of the parser and the import path).
FIRST="$("${PSQL[@]}" -At -c "select max(number) + 1 from notice")"
"${PSQL[@]}" -At -v first="$FIRST" -v count=$((IMPORTS + IMPORT_WARMUP)) -f "$HERE/notices.sql" \
  | sed '/^$/d' >"$WORK/imports.json"
IMPORT_OTHER="$(other_cpu)"
log "importNotice, publishNotice: $IMPORTS sequential imports of 75-area notices, each published by another person, after $IMPORT_WARMUP untimed ones"
IMPORT_FAILED=0 PUBLISH_FAILED=0 n=0 IMPORT_TICKS=0 PUBLISH_TICKS=0
: >"$WORK/import-ms.txt"
: >"$WORK/publish-ms.txt"
ticks_add() { # $1 before, $2 after, $3 name of the "service pg" sum
  local -n sum="$3"; read -r a b <<<"$1"; read -r c d <<<"$2"; sum="$(( ${sum%% *} + c - a )) $(( ${sum##* } + d - b ))"
}
IMPORT_TICKS="0 0" PUBLISH_TICKS="0 0"
while IFS= read -r body; do
  t0="$(cpu_ticks)"
  seconds="$(curl -s -o "$WORK/import-response.json" -w '%{time_total}' "$URL" \
    -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN_editor" --data-binary "$body")"
  t1="$(cpu_ticks)"
  if ! grep -q '"created":true' "$WORK/import-response.json" \
     || ! grep -q 'with 75 designations' "$WORK/import-response.json"; then
    IMPORT_FAILED=$((IMPORT_FAILED + 1))
    log "import failed: $(head -c 400 "$WORK/import-response.json")"
  fi
  id="$(grep -o '"notice":{"id":"[0-9]*"' "$WORK/import-response.json" | grep -o '[0-9]*' || true)"
  publish="{\"query\":\"mutation { publishNotice(id: \\\"$id\\\") { id status } }\"}"
  t2="$(cpu_ticks)"
  pseconds="$(curl -s -o "$WORK/publish-response.json" -w '%{time_total}' "$URL" \
    -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN_publisher" --data-binary "$publish")"
  t3="$(cpu_ticks)"
  if ! grep -q '"status":"PUBLISHED"' "$WORK/publish-response.json"; then
    PUBLISH_FAILED=$((PUBLISH_FAILED + 1))
    log "publication failed: $(head -c 400 "$WORK/publish-response.json")"
  fi
  if ((n++ >= IMPORT_WARMUP)); then
    awk -v s="$seconds" 'BEGIN { printf "%.1f\n", s * 1000 }' >>"$WORK/import-ms.txt"
    awk -v s="$pseconds" 'BEGIN { printf "%.1f\n", s * 1000 }' >>"$WORK/publish-ms.txt"
    ticks_add "$t0" "$t1" IMPORT_TICKS
    ticks_add "$t2" "$t3" PUBLISH_TICKS
  fi
done <"$WORK/imports.json"
read -ra IMPORT_CPU < <(cpu_per "0 0" "$IMPORT_TICKS" "$IMPORTS")
read -ra PUBLISH_CPU < <(cpu_per "0 0" "$PUBLISH_TICKS" "$IMPORTS")
# Nearest-rank percentiles; with 20 samples p99 is the slowest.
percentiles() {
  sort -n "$1" | awk '{ v[NR] = $1 }
    END { i50 = int(NR * 0.50); if (i50 < NR * 0.50) i50++; i99 = int(NR * 0.99); if (i99 < NR * 0.99) i99++
          print v[i50], v[i99] }'
}
read -r IMPORT_P50 IMPORT_P99 < <(percentiles "$WORK/import-ms.txt")
read -r PUBLISH_P50 PUBLISH_P99 < <(percentiles "$WORK/publish-ms.txt")

# --- the maintenance alone, in SQL, rolled back: five 75-area notices and a whole district ----------------------
log "risk_map_publish alone: five 75-area notices, then all of 小店区 effective 2022-12-20 and 2022-07-01 (rolled back)"
MAINT_75=""
for seed in 0.1 0.2 0.3 0.4 0.5; do
  MAINT_75="$MAINT_75 $("${PSQL[@]}" -At -v day=2022-12-20 -v seed=$seed -f "$HERE/publish-75.sql")"
done
DISTRICT_DEC="$("${PSQL[@]}" -At -v day=2022-12-20 -f "$HERE/publish-district.sql")"
DISTRICT_JUL="$("${PSQL[@]}" -At -v day=2022-07-01 -f "$HERE/publish-district.sql")"
MAINT_OTHER="$(other_cpu)"

# --- report -----------------------------------------------------------------------------------------------------
row() { printf '%-21s %11s %7s %7s %7s %7s %6s %9s %8s %7s\n' "$@"; }
cat <<EOF

notice-service benchmark, $(date '+%Y-%m-%d %H:%M %Z'), load average $START_LOAD at the start, $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo))
data: $(cat "$WORK/generate.txt"), generated in ${GENERATION_S} s; risk map rebuilt in ${REBUILD_S} s
  ($(tail -1 "$WORK/explain.txt"))${BENCH_EXTRA_SQL:+
extra SQL after the load: $BENCH_EXTRA_SQL}
riskLevel addresses: $(wc -l <"$WORK/addresses.txt"); $SAMPLE on 2022-12-31
wrk: $DURATION per run after a $WARMUP warm-up; latencies in ms. wrk, the service and PostgreSQL share the cores.
"other CPU": how busy the machine was in the 2 s before the run while this benchmark's processes were idle;
anything above a few % means another job skewed the latencies. "svc/pg CPU": CPU ms per request used by the
service JVM and by PostgreSQL, which hardly changes with other load.

$(row query connections req/s p50 p90 p99 failed "other CPU" "svc CPU" "pg CPU")
$(row riskLevel "$CONNECTIONS" "${RISK_LEVEL[@]}")
$(row "riskAreas(first: 50)" "$CONNECTIONS" "${RISK_AREAS[@]}")
$(row riskCounts "$CONNECTIONS" "${RISK_COUNTS[@]}")
$(row riskLevel 1 "${RISK_LEVEL_1[@]}")

riskTrend (30 days), $TRENDS sequential: whole city $TREND_CITY; 小店区 $TREND_DISTRICT

importNotice (75 areas), $IMPORTS sequential: p50 ${IMPORT_P50} ms, p99 ${IMPORT_P99} ms, failed $IMPORT_FAILED
  other CPU $IMPORT_OTHER; CPU ms per import: service ${IMPORT_CPU[0]}, PostgreSQL ${IMPORT_CPU[1]}
publishNotice (75 areas), $IMPORTS sequential: p50 ${PUBLISH_P50} ms, p99 ${PUBLISH_P99} ms, failed $PUBLISH_FAILED
  CPU ms per publication: service ${PUBLISH_CPU[0]}, PostgreSQL ${PUBLISH_CPU[1]}
risk_map_publish alone (SQL, rolled back; other CPU $MAINT_OTHER after it), "wall ms|backend CPU ms|areas of the map touched":
  75-area notices effective 2022-12-20:$MAINT_75
  all of 小店区 ("areas|wall ms|CPU ms|periods"): effective 2022-12-20 $DISTRICT_DEC; effective 2022-07-01 $DISTRICT_JUL
load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)
goals (16 connections, quiet machine): riskAreas p99 <= 50 ms, riskCounts p99 <= 20 ms, riskLevel p99 <= 20 ms;
  import and publication of a 75-area notice <= 100 ms each
raw output: $WORK
EOF
