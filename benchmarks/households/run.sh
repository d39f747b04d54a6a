#!/usr/bin/env bash
# Households benchmark (issue 13): (a) 20 recorders recording a 900-person compound (300 households) at once, per
# write; (b) "missed households of round N" for a street of 30,000 households. volunteer-service on a real
# PostgreSQL with the real Keycloak (every request carries a system-admin token the service verifies). Prints
# figures; asserts nothing. See README.md beside it.
#
# Environment (all optional):
#   BENCH_SKIP_BUILD=1      reuse the jars of an earlier build
#   BENCH_PASSES=10         measured rounds of the compound (300 writes each; one more warms up)
#   BENCH_RECORDERS=20      concurrent recorders
#   BENCH_REQUESTS=300      measured missed-households requests per query (20 more warm up)
#   BENCH_CONNECTIONS=1     concurrent readers of the missed households
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$ROOT/target/benchmark-households"
PASSES="${BENCH_PASSES:-10}"
RECORDERS="${BENCH_RECORDERS:-20}"
REQUESTS="${BENCH_REQUESTS:-300}"
CONNECTIONS="${BENCH_CONNECTIONS:-1}"
source "$HERE/../lib.sh"

for tool in java psql curl python3 awk; do
  command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
done
mkdir -p "$WORK"
rm -f "$WORK"/*.log "$WORK"/*.txt

stop_started_on_exit
build_unless_skipped

log "starting embedded PostgreSQL"
start_database volunteers
export PGHOST=127.0.0.1 PGPORT="$DB_PORT" PGUSER=postgres PGDATABASE=volunteers PGPASSWORD=""
PSQL=(psql -X -q -v ON_ERROR_STOP=1)

log "starting Keycloak"
start_keycloak sysadmin
TOKEN="$TOKEN_sysadmin"
log "starting volunteer-service"
start_service volunteer-service VOLUNTEER_DB_URL="postgresql://127.0.0.1:$DB_PORT/volunteers" \
  VOLUNTEER_DB_JDBC_URL="jdbc:postgresql://127.0.0.1:$DB_PORT/volunteers" VOLUNTEER_DB_USER=postgres VOLUNTEER_DB_PASSWORD="" \
  OTEL_SDK_DISABLED=true
URL="$SERVICE_URL"

log "generating a street of 30,000 households with three rounds per community, and a compound of 300"
start=$(date +%s.%N)
"${PSQL[@]}" -At -v passes="$PASSES" -f "$HERE/generate.sql" >"$WORK/generate.txt"
GENERATION_S=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.0f", e - s }')
cat "$WORK/generate.txt" >&2

# the compound's households, once per round of the compound (ordered: the first round warms up)
"${PSQL[@]}" -At -F ' ' -c "select r.id, h.id, h.head_count from testing_round r
  join org_unit b on b.path_ids @> array[r.unit_id] join household h on h.building_id = b.id and h.active
  join org_unit c on c.id = r.community_id where c.name = '基准小区社区' order by r.id, h.id" >"$WORK/compound.txt"
STREET="$("${PSQL[@]}" -At -c "select id from org_unit where kind = 'STREET' and name = '基准街道'")"
TODAY="$("${PSQL[@]}" -At -c "select (now() at time zone 'Asia/Shanghai')::date")"
"${PSQL[@]}" -At -c "select r.id from testing_round r join org_unit c on c.id = r.community_id
  where c.name like '基准街道%' and r.round = 3" >"$WORK/rounds.txt"
WRITES_BEFORE="$("${PSQL[@]}" -At -c "select count(*) from household_test_record")"

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
OTHER="$(other_cpu)"
log "recording: $RECORDERS recorders, $PASSES rounds of 300 households (and one to warm up)"
read -r W_N W_FAILED W_P50 W_P90 W_P99 W_MAX W_SECONDS < <(python3 "$HERE/households.py" record "$URL" "$TOKEN" \
  "$WORK/compound.txt" "$RECORDERS")
# every household of every compound round has its status, and every write is on the round's history
read -r RECORDED EXPECTED < <("${PSQL[@]}" -At -F ' ' -c "select
  (select count(*) from household_test t join testing_round r on r.id = t.round_id join org_unit c on c.id = r.community_id
   where c.name = '基准小区社区' and t.status = 'TESTED'),
  (select count(*) from testing_round r join org_unit c on c.id = r.community_id, household h
   where c.name = '基准小区社区' and h.community_id = c.id)")
HISTORY="$(( $("${PSQL[@]}" -At -c "select count(*) from household_test_record") - WRITES_BEFORE ))"

log "missed households of round 3: the street's ten rounds, and one community's, $REQUESTS requests each"
python3 "$HERE/households.py" missed "$URL" "$TOKEN" "$STREET" "$TODAY" "$WORK/rounds.txt" "$REQUESTS" "$CONNECTIONS" \
  >"$WORK/missed.txt"
read -r _ S_N S_FAILED S_P50 S_P90 S_P99 S_MAX < <(grep '^street ' "$WORK/missed.txt")
read -r _ C_N C_FAILED C_P50 C_P90 C_P99 C_MAX < <(grep '^community ' "$WORK/missed.txt")
SAMPLE="$(curl -s "$URL" -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" -d "{\"query\":\"query(\$u: ID!, \$d: Date!) { testingRounds(unitId: \$u, from: \$d, to: \$d) { missedHouseholds(first: 1) { totalCount } } }\",\"variables\":{\"u\":\"$STREET\",\"d\":\"$TODAY\"}}" \
  | python3 -c 'import json, sys; r = json.load(sys.stdin)["data"]["testingRounds"]; print(len(r), sum(x["missedHouseholds"]["totalCount"] for x in r))')"

cat <<REPORT

households benchmark ($(date -u +%Y-%m-%d), $(nproc) cores, load average before the runs $LOAD_BEFORE, CPU busy with other work $OTHER)
data generation: ${GENERATION_S} s ($(tr '\n' ' ' <"$WORK/generate.txt"))

(a) recordHouseholdTest, $RECORDERS recorders at once on a compound of 300 households (900 people), $PASSES rounds
    writes $W_N, failed $W_FAILED; per write p50 $W_P50 ms, p90 $W_P90 ms, p99 $W_P99 ms, max $W_MAX ms; $W_SECONDS s per round
    recorded TESTED afterwards: $RECORDED of $EXPECTED households x rounds (warm-up round included); recordings on the history: $HISTORY
(b) missed households of round 3 (first page of 50 and the count), c$CONNECTIONS
    the street (10 rounds, 30,000 households, $SAMPLE): $S_N requests, failed $S_FAILED; p50 $S_P50 ms, p90 $S_P90 ms, p99 $S_P99 ms, max $S_MAX ms
    one community (3,000 households):                  $C_N requests, failed $C_FAILED; p50 $C_P50 ms, p90 $C_P90 ms, p99 $C_P99 ms, max $C_MAX ms

goals (issue 13): (a) all recorded, p99 per write <= 50 ms; (b) p99 <= 200 ms
REPORT
