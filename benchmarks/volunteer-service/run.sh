#!/usr/bin/env bash
# Benchmark of volunteer-service on a city-sized roster: coverageGaps for a community and a street over 7 days,
# sign-up throughput with every rule checked, and the Area fields along the area tree for batches of areas. Prints figures; asserts nothing. See README.md beside it.
#
# Environment (all optional):
#   BENCH_SKIP_BUILD=1      reuse the jars of an earlier build
#   BENCH_DURATION=30s      length of each measured wrk run (a 10 s warm-up precedes it)
#   BENCH_CONNECTIONS=16    wrk connections
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$ROOT/target/benchmark-volunteer-service"
DURATION="${BENCH_DURATION:-30s}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
source "$HERE/../lib.sh"

for tool in java psql curl wrk awk; do
  command -v "$tool" >/dev/null || { echo "missing $tool (wrk: apt-get install -y wrk)" >&2; exit 1; }
done
mkdir -p "$WORK"
rm -f "$WORK"/*.log "$WORK"/*.txt

stop_started_on_exit
build_unless_skipped

log "starting embedded PostgreSQL"
start_database volunteers
export PGHOST=127.0.0.1 PGPORT="$DB_PORT" PGUSER=postgres PGDATABASE=volunteers PGPASSWORD=""
PSQL=(psql -X -q -v ON_ERROR_STOP=1)
# run_wrk reports CPU per request of the service and of PostgreSQL when it knows the postmaster
POSTMASTER_PID="$("${PSQL[@]}" -At -c "select pg_read_file('postmaster.pid')" | head -1)"

log "starting Keycloak (every request carries a system-admin token, verified by the service)"
start_keycloak sysadmin
export BENCH_TOKEN="$TOKEN_sysadmin"
log "starting volunteer-service"
# No trace collector here: tracing off, rather than an exporter retrying against a closed port.
start_service volunteer-service VOLUNTEER_DB_URL="postgresql://127.0.0.1:$DB_PORT/volunteers" \
  VOLUNTEER_DB_JDBC_URL="jdbc:postgresql://127.0.0.1:$DB_PORT/volunteers" VOLUNTEER_DB_USER=postgres VOLUNTEER_DB_PASSWORD="" \
  OTEL_SDK_DISABLED=true
URL="$SERVICE_URL"

log "generating the roster (150 communities, 3,000 posts, 50,000 volunteers, 84,000 shifts)"
start=$(date +%s.%N)
"${PSQL[@]}" -At -f "$HERE/generate.sql" >"$WORK/generate.txt"
"${PSQL[@]}" -At -f "$HERE/areas.sql" >>"$WORK/generate.txt"
GENERATION_S=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.0f", e - s }')
cat "$WORK/generate.txt" >&2
"${PSQL[@]}" -At -f "$HERE/representations.sql" >"$WORK/representations.txt"

"${PSQL[@]}" -At -c "select id from org_unit where kind = 'COMMUNITY' and name like '基准街道%'" >"$WORK/communities.txt"
"${PSQL[@]}" -At -c "select id from org_unit where kind = 'STREET' and name like '基准街道%'" >"$WORK/streets.txt"
# Open places of ordinary posts on days 2-14, and the fresh people who sign up for them.
"${PSQL[@]}" -At -c "select s.id from shift s join duty_post p on p.id = s.post_id where p.allowed_kinds = '{}'
  and lower(s.during) > now() + interval '1 day'
  and (select count(*) from assignment a where a.shift_id = s.id and a.status = 'ACTIVE') < s.required_headcount" \
  >"$WORK/open-shifts.txt"
read -r FIRST_SIGNER SIGNERS < <("${PSQL[@]}" -At -F ' ' -c "select min(id), count(*) from volunteer where name like '报名者%'")
FROM="$("${PSQL[@]}" -At -c "select to_char(((now() at time zone 'Asia/Shanghai')::date + 1 + time '08:00') at time zone 'Asia/Shanghai' at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")"
TO="$("${PSQL[@]}" -At -c "select to_char(((now() at time zone 'Asia/Shanghai')::date + 8 + time '08:00') at time zone 'Asia/Shanghai' at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")"

SAMPLE="$(curl -s "$URL" -H 'Content-Type: application/json' -H "Authorization: Bearer $BENCH_TOKEN" -d "{\"query\":\"query(\$c: ID!) { coverageGaps(community: \$c, from: \\\"$FROM\\\", to: \\\"$TO\\\") { hours } }\",\"variables\":{\"c\":\"$(head -1 "$WORK/streets.txt")\"}}" | python3 -c 'import json, sys; print(sum(len(g["hours"]) for g in json.load(sys.stdin)["data"]["coverageGaps"]))')"
log "sample: coverageGaps of one street over 7 days lists $SAMPLE under-staffed post-hours"

read -r C_RPS C_P50 C_P90 C_P99 C_FAILED C_OTHER C_CPU_S C_CPU_PG < <(run_wrk gaps-community "$CONNECTIONS" "$HERE/roster.lua" "$URL" gaps "$WORK/communities.txt" "$FROM" "$TO")
read -r S_RPS S_P50 S_P90 S_P99 S_FAILED S_OTHER S_CPU_S S_CPU_PG < <(run_wrk gaps-street "$CONNECTIONS" "$HERE/roster.lua" "$URL" gaps "$WORK/streets.txt" "$FROM" "$TO")
read -r S1_RPS S1_P50 S1_P90 S1_P99 S1_FAILED S1_OTHER S1_CPU_S S1_CPU_PG < <(run_wrk gaps-street 1 "$HERE/roster.lua" "$URL" gaps "$WORK/streets.txt" "$FROM" "$TO")
read -r U_RPS U_P50 U_P90 U_P99 U_FAILED U_OTHER U_CPU_S U_CPU_PG < <(run_wrk signUp "$CONNECTIONS" "$HERE/roster.lua" "$URL" signUp "$WORK/open-shifts.txt" "$FIRST_SIGNER" "$SIGNERS")
read -r A_RPS A_P50 A_P90 A_P99 A_FAILED A_OTHER A_CPU_S A_CPU_PG < <(run_wrk areas-grid-1000 1 "$HERE/roster.lua" "$URL" areas "$WORK/representations.txt" 1000 grid)
read -r F_RPS F_P50 F_P90 F_P99 F_FAILED F_OTHER F_CPU_S F_CPU_PG < <(run_wrk areas-all-200 1 "$HERE/roster.lua" "$URL" areas "$WORK/representations.txt" 200 all)
ACCEPTED="$(awk '/^accepted:/ { print $2 }' "$WORK/wrk-signUp-c$CONNECTIONS.txt")"
REFUSED="$(awk '/^refused by a rule:/ { print $5 }' "$WORK/wrk-signUp-c$CONNECTIONS.txt")"
DOUBLE="$("${PSQL[@]}" -At -c "select count(*) from (select shift_id from assignment a join shift s on s.id = a.shift_id
  where a.status = 'ACTIVE' group by shift_id, s.required_headcount having count(*) > s.required_headcount) x")"

cat <<REPORT

volunteer-service on a city-sized roster ($(date -u +%Y-%m-%d), $(nproc) cores; CPU busy before each run shown as "other")
data generation: ${GENERATION_S} s ($(tr '\n' ' ' <"$WORK/generate.txt"))

                                   req/s     p50 ms   p90 ms   p99 ms   failed  other  CPU ms/request: service, PostgreSQL
coverageGaps community, 7 d, c$CONNECTIONS  $(printf '%7s %9s %8s %8s %8s %6s' "$C_RPS" "$C_P50" "$C_P90" "$C_P99" "$C_FAILED" "$C_OTHER") $(printf '%8s %8s' "$C_CPU_S" "$C_CPU_PG")
coverageGaps street, 7 d, c$CONNECTIONS     $(printf '%7s %9s %8s %8s %8s %6s' "$S_RPS" "$S_P50" "$S_P90" "$S_P99" "$S_FAILED" "$S_OTHER") $(printf '%8s %8s' "$S_CPU_S" "$S_CPU_PG")
coverageGaps street, 7 d, c1       $(printf '%7s %9s %8s %8s %8s %6s' "$S1_RPS" "$S1_P50" "$S1_P90" "$S1_P99" "$S1_FAILED" "$S1_OTHER") $(printf '%8s %8s' "$S1_CPU_S" "$S1_CPU_PG")
signUp, c$CONNECTIONS                      $(printf '%7s %9s %8s %8s %8s %6s' "$U_RPS" "$U_P50" "$U_P90" "$U_P99" "$U_FAILED" "$U_OTHER") $(printf '%8s %8s' "$U_CPU_S" "$U_CPU_PG")
  sign-ups accepted: $ACCEPTED, refused by a rule: $REFUSED; shifts over their headcount afterwards: $DOUBLE
Area.responsibleGrid, 1000 areas, c1 $(printf '%7s %9s %8s %8s %8s %6s' "$A_RPS" "$A_P50" "$A_P90" "$A_P99" "$A_FAILED" "$A_OTHER") $(printf '%8s %8s' "$A_CPU_S" "$A_CPU_PG")
4 Area fields, 200 areas, c1       $(printf '%7s %9s %8s %8s %8s %6s' "$F_RPS" "$F_P50" "$F_P90" "$F_P99" "$F_FAILED" "$F_OTHER") $(printf '%8s %8s' "$F_CPU_S" "$F_CPU_PG")
  (_entities straight to the subgraph, each area a building unit found through its building's and compound's links)

goals: coverageGaps for a street over 7 days p99 <= 200 ms; sign-ups >= 500/s with all rules checked;
Area.responsibleGrid for 1,000 areas p99 <= 100 ms (issue 12: through the gateway; this is the subgraph's share)
REPORT
