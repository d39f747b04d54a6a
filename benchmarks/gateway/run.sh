#!/usr/bin/env bash
# Gateway benchmark: our gateway vs the Grafbase gateway, Hive Gateway (with its Rust planner, the Hive Router
# runtime, and as it comes), Apollo Gateway and the subgraph itself: same supergraph, same load, interleaved rounds.
# Authenticated as in production: every request carries a staff access token (BENCH_USER) from the suite's Keycloak,
# and every gateway forwards the Authorization header to the subgraphs (which verify it and answer the staff-only
# fields of the deep query by it). A target that does not forward it is not measured (checked with a bad token,
# which the subgraphs refuse).
# Per round: requests/s, p50/p99 (wrk), and the CPU time per request of the gateway's processes and of both
# subgraphs, from /proc/<pid>/stat (utime+stime before and after the round), comparable when wrk shares the cores.
# One command: benchmarks/gateway/run.sh (3 rounds, ~40 min); ROUNDS=1 for a short run (~10 min).
# Figures: RESULTS.md beside this file. Everything it starts is stopped on exit; what stays is the printed figures (and the
# work folder when KEEP_WORK is set).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

ROUNDS=${ROUNDS:-3}                # measured runs per target and phase, interleaved across targets; medians reported
if [[ $ROUNDS == 1 ]]; then QUICK=1; else QUICK=; fi # ROUNDS=1: the short run (shorter runs, one warm-up)
DURATION=${DURATION:-${QUICK:+10s}}; DURATION=${DURATION:-20s}  # one measured run
WARMUP=${WARMUP:-${QUICK:+5s}}; WARMUP=${WARMUP:-15s}           # one unmeasured run (JIT, pools, plan caches; of the subgraphs too)
WARMUP_ROUNDS=${WARMUP_ROUNDS:-${QUICK:+1}}; WARMUP_ROUNDS=${WARMUP_ROUNDS:-2} # unmeasured runs per target before the measured ones
SETTLE=${SETTLE:-${QUICK:+2}}; SETTLE=${SETTLE:-5} # pause after each run: requests still queued in a gateway and subgraphs drain
# Phases, query:connections. deep: one query, notice-service then the Area entities in volunteer-service and on;
# mixed: a rotation of a single-subgraph look-up, a cross-subgraph entity query and the deep query, each request
# with its own variables (no two in-flight requests alike, so in-flight deduplication shares nothing); single: a
# notice-service query (also sent to notice-service directly: the gateway's overhead).
PHASES=${PHASES:-deep:50 deep:1 mixed:50 single:1}
# Targets: ours grafbase hiverouter hive hivend apollo direct ours2 (ours2: our gateway again, on OURS2_JAVA with
# OURS2_JAVA_OPTS, e.g. another GC, or another build, OURS2_APP=<a quarkus-app folder>, in the same rounds)
TARGETS=${TARGETS:-ours grafbase hiverouter hive apollo direct}
THREADS=${THREADS:-2}              # wrk threads
BASE_PORT=${BASE_PORT:-4900}
HIVE_FORK=${HIVE_FORK:-2}          # Hive Gateway workers (= cores here)
GATEWAY_JAVA=${GATEWAY_JAVA:-java}  # GATEWAY_APP: the quarkus-app folder (default gateway/target/quarkus-app)
GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS:-}
GATEWAY_JFR=${GATEWAY_JFR:-}       # set: our gateway runs with JFR (profile settings), one recording per phase,
                                   # summarised by profile.sh into $WORK/profile.<phase>.txt (KEEP_WORK=1 keeps them)
OURS2_JAVA=${OURS2_JAVA:-$GATEWAY_JAVA}
OURS2_JAVA_OPTS=${OURS2_JAVA_OPTS:-}
NOTICES=${NOTICES:-10}             # notices(first: N) in the deep query (the demo has 2 notices)
DEEP_DISTRICT=${DEEP_DISTRICT-小店区}  # designations(district: ...) in the deep query: 32 areas; empty: all 107
MIXED_BODIES=${MIXED_BODIES:-3000} # distinct requests in the mixed rotation
HOLD=${HOLD:-}                     # set: start and verify everything, then wait (Ctrl-C) instead of measuring
APOLLO_VERSION=${APOLLO_VERSION:-2.14.4}
APOLLO_SERVER_VERSION=${APOLLO_SERVER_VERSION:-5.5.1}
HIVE_VERSION=${HIVE_VERSION:-2.15.1}
HIVE_ROUTER_RUNTIME_VERSION=${HIVE_ROUTER_RUNTIME_VERSION:-1.4.23}
GRAFBASE_VERSION=${GRAFBASE_VERSION:-0.103.0}

# Demo user whose token every request carries. sysadmin: the seeded benchmark district (基准区) is no demo
# officer's, and a district officer of 小店区 is refused its posts (the deep query would fail everywhere).
BENCH_USER=${BENCH_USER:-sysadmin}

wants() { [[ " $TARGETS " == *" $1 "* ]]; }

NOTICE_PORT=$((BASE_PORT + 1))
VOLUNTEER_PORT=$((BASE_PORT + 2))
KEYCLOAK_PORT=$((BASE_PORT + 3))
SUITE_GATEWAY_PORT=$((BASE_PORT + 4)) # the launcher's own gateway (not measured; off the default 8080)
OURS_PORT=$((BASE_PORT + 10))
HIVE_PORT=$((BASE_PORT + 11))
APOLLO_PORT=$((BASE_PORT + 12))
HIVEND_PORT=$((BASE_PORT + 13))
GRAFBASE_PORT=$((BASE_PORT + 14))
HIVEROUTER_PORT=$((BASE_PORT + 15))
OURS2_PORT=$((BASE_PORT + 16))
NOTICE_URL=http://127.0.0.1:$NOTICE_PORT/graphql
VOLUNTEER_URL=http://127.0.0.1:$VOLUNTEER_PORT/graphql
REALM_URL=http://127.0.0.1:$KEYCLOAK_PORT/realms/epidemic  # the issuer the services and our gateway trust

WORK=$(mktemp -d /tmp/gateway-bench.XXXXXX)
PIDS=()
SUITE_PID=

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

stop_pid() { # pid: TERM it and its direct children (Hive Gateway's workers), KILL what is left after 15 s
  local pid=$1 kids
  kids=$(pgrep -P "$pid" || true)
  # shellcheck disable=SC2086
  kill "$pid" $kids 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  # shellcheck disable=SC2086
  kill -9 "$pid" $kids 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
  # The launcher's shutdown hook stops both services and PostgreSQL; give it time before anything harder.
  if [[ -n $SUITE_PID ]]; then
    kill "$SUITE_PID" 2>/dev/null || true
    for _ in $(seq 1 120); do kill -0 "$SUITE_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$SUITE_PID" 2>/dev/null || true
  fi
  if [[ -n ${KEEP_WORK:-} ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

need() { command -v "$1" >/dev/null || { echo "$1 is missing${2:+ ($2)}" >&2; exit 1; }; }
need node; need npm; need curl; need python3; need java; need pgrep
need wrk "apt-get install -y wrk"

# --- build (when a jar is missing or older than its module's sources) ----------------------------------------
cd "$ROOT"
stale() { # built-file source-dir...: missing, or some source file is newer
  local built=$1; shift
  [[ ! -f $built ]] || [[ -n $(find "$@" -type f -newer "$built" -print -quit 2>/dev/null) ]]
}
# (the web console too: the launcher starts it and gives the suite's gateway its trusted-documents manifest; and the
# launcher itself, which exec:java runs from dev-suite/target/classes as it is)
if stale gateway/target/quarkus-app/quarkus-run.jar gateway/src/main service-common/src/main \
    || stale notice-service/target/quarkus-app/quarkus-run.jar notice-service/src/main service-common/src/main \
    || stale volunteer-service/target/quarkus-app/quarkus-run.jar volunteer-service/src/main service-common/src/main \
    || stale web/target/persisted-documents.json web/src \
    || stale dev-suite/target/classes/org/epicontrol/devsuite/SuiteLauncher.class dev-suite/src/main; then
  log "building"
  ./mvnw -B -ntp -q -pl gateway,notice-service,volunteer-service,web,dev-suite -am package -DskipTests
fi

# --- npm packages into the temp dir (in the background while the services start) -------------------------------
mkdir -p "$WORK/npm"
(cd "$WORK/npm" && npm init -y >/dev/null 2>&1 && npm install --no-audit --no-fund --loglevel=error \
   "@apollo/composition@$APOLLO_VERSION" "@apollo/gateway@$APOLLO_VERSION" "@apollo/server@$APOLLO_SERVER_VERSION" \
   "graphql@16" "@graphql-hive/gateway@$HIVE_VERSION" "@graphql-hive/router-runtime@$HIVE_ROUTER_RUNTIME_VERSION" \
   "@grafbase/cli-x86_64-unknown-linux-musl@$GRAFBASE_VERSION") > "$WORK/npm.log" 2>&1 &
NPM_PID=$!

# --- PostgreSQL, Keycloak, both services, demo data (the dev-suite launcher) -----------------------------------
# Tokens live an hour: the run takes ~15 min, longer than the realm's default of 5 min.
log "starting PostgreSQL, Keycloak :$KEYCLOAK_PORT, notice-service :$NOTICE_PORT, volunteer-service :$VOLUNTEER_PORT (dev-suite launcher)"
./mvnw -B -ntp -q -pl dev-suite exec:java -Dnotice.port="$NOTICE_PORT" -Dvolunteer.port="$VOLUNTEER_PORT" \
  -Dkeycloak.port="$KEYCLOAK_PORT" -Dgateway.port="$SUITE_GATEWAY_PORT" -Dweb.port="$((BASE_PORT + 5))" \
  -Dkeycloak.access-token-lifespan=3600 -Dsuite.start-timeout=600 -Dkeycloak.start-timeout=600 \
  > "$WORK/suite.log" 2>&1 &
SUITE_PID=$!
deadline=$((SECONDS + 900))
until grep -q "The suite is running" "$WORK/suite.log"; do
  kill -0 "$SUITE_PID" 2>/dev/null || { cat "$WORK/suite.log" >&2; echo "dev-suite launcher died" >&2; exit 1; }
  (( SECONDS < deadline )) || { echo "dev-suite launcher not ready after 900 s" >&2; exit 1; }
  sleep 1
done

token() { # demo user: an access token by the password grant of the CLI client (password 'demo')
  curl -s --max-time 30 "$REALM_URL/protocol/openid-connect/token" -d grant_type=password -d client_id=epidemic-cli \
    -d username="$1" -d password=demo | python3 -c 'import json, sys; print(json.load(sys.stdin).get("access_token") or "")'
}
BENCH_TOKEN=$(token "$BENCH_USER")
[[ -n $BENCH_TOKEN ]] || { echo "no access token for $BENCH_USER from $REALM_URL" >&2; exit 1; }
export BENCH_TOKEN # post.lua sends it
SEED_TOKEN=$(token sysadmin)
[[ -n $SEED_TOKEN ]] || { echo "no access token for sysadmin from $REALM_URL" >&2; exit 1; }

wait "$NPM_PID" || { cat "$WORK/npm.log" >&2; echo "npm install failed" >&2; exit 1; }
export NODE_PATH="$WORK/npm/node_modules"

log "adding benchmark data through the services' APIs (as sysadmin)"
SEED_TOKEN="$SEED_TOKEN" node "$HERE/seed.mjs" "$NOTICE_URL" "$VOLUNTEER_URL" "$NOTICES" >&2

log "composing the supergraph from both services' _service { sdl }"
mkdir -p "$WORK/sdl"
SDL_DIR="$WORK/sdl" node "$HERE/compose.mjs" "$WORK/supergraph.graphql" notice="$NOTICE_URL" volunteer="$VOLUNTEER_URL" >&2

# --- gateways ----------------------------------------------------------------------------------------------------
log "starting the gateways: $TARGETS"
declare -A PID URL NAME
# Ours verifies tokens with the suite's Keycloak (bad ones get 401 before any fan-out) and forwards Authorization
# (gateway.forward-headers, default). No traces, like the other gateways here (and the service benchmarks). No rate
# limits (on in production): wrk sends everything with one token from one address.
# The gateway runs from a copy of its build, so that a build during the run does not change it under the JVM.
cp -r "${GATEWAY_APP:-gateway/target/quarkus-app}" "$WORK/gateway-app"
cp -r "${OURS2_APP:-$WORK/gateway-app}" "$WORK/gateway-app2"
start_ours() { # target port app java opts...
  local t=$1 port=$2 app=$3 javacmd=$4; shift 4
  # shellcheck disable=SC2068
  GATEWAY_SUPERGRAPH_FILE="$WORK/supergraph.graphql" QUARKUS_OIDC_AUTH_SERVER_URL="$REALM_URL" OTEL_SDK_DISABLED=true \
    GATEWAY_RATE_LIMIT_ENABLED=false "$javacmd" $@ -Dquarkus.http.port="$port" -Dquarkus.http.host=127.0.0.1 \
    -jar "$app/quarkus-run.jar" > "$WORK/$t.log" 2>&1 &
  PID[$t]=$!; PIDS+=("$!")
}
JCMD=$(dirname "$(readlink -f "$(command -v "$GATEWAY_JAVA")")")/jcmd # the JDK of our gateway's JVM
[[ -n $GATEWAY_JFR ]] && GATEWAY_JAVA_OPTS="$GATEWAY_JAVA_OPTS -XX:StartFlightRecording=name=bench,settings=profile"
# shellcheck disable=SC2086
start_ours ours "$OURS_PORT" "$WORK/gateway-app" "$GATEWAY_JAVA" $GATEWAY_JAVA_OPTS
# shellcheck disable=SC2086
wants ours2 && start_ours ours2 "$OURS2_PORT" "$WORK/gateway-app2" "$OURS2_JAVA" $OURS2_JAVA_OPTS
# Hive Gateway as it comes, except that it forwards the client's Authorization header to the subgraphs (it forwards
# no header by default): it merges identical subgraph requests that are in flight at the same time, so with
# identical concurrent client requests most of them never reach a subgraph. The configs are plain objects (what
# defineConfig of @graphql-hive/gateway returns): an import would not resolve from $WORK (ESM ignores NODE_PATH).
start_hive() { # target port extra-args...
  local t=$1 port=$2; shift 2
  (cd "$WORK/$t" && NODE_ENV=production exec "$NODE_PATH/.bin/hive-gateway" supergraph "$WORK/supergraph.graphql" \
    -c "$WORK/$t/gateway.config.mjs" --host 127.0.0.1 --port "$port" --fork "$HIVE_FORK" "$@") > "$WORK/$t.log" 2>&1 &
  PID[$t]=$!; PIDS+=("$!")
}
for t in hive hiverouter; do
  mkdir -p "$WORK/$t"
  cat > "$WORK/$t/gateway.config.mjs" <<'EOF'
export const gatewayConfig = {
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get("authorization") ?? undefined }),
  },
};
EOF
done
wants hive && start_hive hive "$HIVE_PORT"
# Hive Gateway with the Hive Router runtime: query planning and execution by the Rust planner (npm
# @graphql-hive/router-runtime beside the gateway).
wants hiverouter && start_hive hiverouter "$HIVEROUTER_PORT" --hive-router-runtime
# Hive Gateway sending every subgraph request, like Apollo Gateway (Authorization forwarded too).
mkdir -p "$WORK/hivend"
cat > "$WORK/hivend/gateway.config.mjs" <<'EOF'
export const gatewayConfig = {
  transportEntries: { "*.http": { options: { deduplicateInflightRequests: false } } },
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get("authorization") ?? undefined }),
  },
};
EOF
wants hivend && start_hive hivend "$HIVEND_PORT"
if wants apollo; then
  NODE_ENV=production node "$HERE/apollo-gateway.mjs" "$WORK/supergraph.graphql" "$APOLLO_PORT" > "$WORK/apollo.log" 2>&1 &
  PID[apollo]=$!; PIDS+=("$!")
fi
# The Grafbase gateway (Rust) as `grafbase dev` runs it: it composes the subgraphs' SDLs itself (the ones our
# composition used, from compose.mjs), subgraphs listed by URL, Authorization forwarded by a header rule.
if wants grafbase; then
  mkdir -p "$WORK/grafbase/home"
  cat > "$WORK/grafbase/grafbase.toml" <<EOF
[subgraphs.notice]
url = "$NOTICE_URL"
schema_path = "$WORK/sdl/notice.graphql"

[subgraphs.volunteer]
url = "$VOLUNTEER_URL"
schema_path = "$WORK/sdl/volunteer.graphql"

[[headers]]
rule = "forward"
name = "authorization"
EOF
  (cd "$WORK/grafbase" && exec "$NODE_PATH/@grafbase/cli-x86_64-unknown-linux-musl/grafbase" --home "$WORK/grafbase/home" \
    dev -c "$WORK/grafbase/grafbase.toml" --listen-address "127.0.0.1:$GRAFBASE_PORT") > "$WORK/grafbase.log" 2>&1 &
  PID[grafbase]=$!; PIDS+=("$!")
fi

URL=([ours]="http://127.0.0.1:$OURS_PORT/graphql" [ours2]="http://127.0.0.1:$OURS2_PORT/graphql"
     [grafbase]="http://127.0.0.1:$GRAFBASE_PORT/graphql" [hiverouter]="http://127.0.0.1:$HIVEROUTER_PORT/graphql"
     [hive]="http://127.0.0.1:$HIVE_PORT/graphql" [hivend]="http://127.0.0.1:$HIVEND_PORT/graphql"
     [apollo]="http://127.0.0.1:$APOLLO_PORT/graphql" [direct]="$NOTICE_URL")
NAME=([ours]="our gateway" [ours2]="our gateway (2: ${OURS2_APP:+$OURS2_APP }$OURS2_JAVA $OURS2_JAVA_OPTS)" [grafbase]="Grafbase gateway $GRAFBASE_VERSION"
      [hiverouter]="Hive Gateway, Rust planner" [hive]="Hive Gateway $HIVE_VERSION" [hivend]="Hive Gateway, no dedup"
      [apollo]="Apollo Gateway $APOLLO_VERSION" [direct]="notice-service direct")

wait_graphql() { # url seconds pid
  local deadline=$((SECONDS + $2))
  until curl -fs -H 'Content-Type: application/json' -d '{"query":"{ __typename }"}' "$1" 2>/dev/null | grep -q '"Query"'; do
    kill -0 "$3" 2>/dev/null || { echo "the process for $1 died; logs in $WORK (KEEP_WORK=1 keeps them)" >&2; return 1; }
    (( SECONDS < deadline )) || { echo "$1 not up after $2 s" >&2; return 1; }
    sleep 0.5
  done
}
for t in $TARGETS; do
  [[ $t == direct ]] && continue
  wait_graphql "${URL[$t]}" 600 "${PID[$t]}" || { tail -20 "$WORK/$t.log" >&2; exit 1; }
done

source "$HERE/measure.sh"
SUBGRAPH_PIDS="$(port_pid "$NOTICE_PORT") $(port_pid "$VOLUNTEER_PORT")"
PID[direct]=$(port_pid "$NOTICE_PORT")
log "subgraph processes: $SUBGRAPH_PIDS; gateways: $(for t in $TARGETS; do printf '%s=%s ' "$t" "${PID[$t]}"; done)"

# --- queries -----------------------------------------------------------------------------------------------------
python3 "$HERE/workload.py" queries "$WORK" "$NOTICES" "$DEEP_DISTRICT"

post() { # url body-file: the answer, with BENCH_USER's token
  curl -s --max-time 60 -H 'Content-Type: application/json' -H 'Accept: application/json' \
    -H "Authorization: Bearer $BENCH_TOKEN" --data-binary @"$2" "$1"
}
GATEWAYS=(); for t in $TARGETS; do [[ $t == ours || $t == direct ]] || GATEWAYS+=("$t"); done
QUERIES=" $(for ph in $PHASES; do echo "${ph%%:*}"; done | sort -u | tr '\n' ' ')"

# Measured only with the same answer as ours (parsed JSON, key order included) and no errors.
declare -A OK
for q in $QUERIES; do
  [[ $q == mixed ]] && continue
  targets=("${GATEWAYS[@]}"); [[ $q == single ]] && wants direct && targets+=(direct)
  post "${URL[ours]}" "$WORK/$q.json" > "$WORK/$q.ours.out"
  if ! python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if d.get("data") and not d.get("errors") else 1)' \
      "$WORK/$q.ours.out" 2>/dev/null; then
    log "OUR GATEWAY FAILS the $q query: $(head -c 2000 "$WORK/$q.ours.out")"
    for t in "${targets[@]}"; do
      post "${URL[$t]}" "$WORK/$q.json" > "$WORK/$q.$t.out"
      log "  $t answers $(wc -c < "$WORK/$q.$t.out") bytes: $(head -c 300 "$WORK/$q.$t.out")"
    done
    continue
  fi
  OK[$q.ours]=1
  same=()
  for t in "${targets[@]}"; do
    post "${URL[$t]}" "$WORK/$q.json" > "$WORK/$q.$t.out"
    if python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2])); sys.exit(0 if json.dumps(a)==json.dumps(b) else 1)' \
        "$WORK/$q.ours.out" "$WORK/$q.$t.out" 2>/dev/null; then
      OK[$q.$t]=1; same+=("$t")
    else
      log "$t's answer to the $q query differs from ours, not measured. ours: $(head -c 300 "$WORK/$q.ours.out") / $t: $(head -c 300 "$WORK/$q.$t.out")"
    fi
  done
  log "$q query: our answer has $(wc -c < "$WORK/$q.ours.out") bytes; the same answer from: ${same[*]:-none}"
done
# The mixed rotation: a sample of 60 of its requests, every answer the same as ours.
if [[ $QUERIES == *" mixed "* ]]; then
  python3 "$HERE/workload.py" mixed "$WORK" "${URL[ours]}" "$MIXED_BODIES"
  if python3 "$HERE/workload.py" same "$WORK" "${URL[ours]}"; then
    OK[mixed.ours]=1; same=()
    for t in "${GATEWAYS[@]}"; do
      if python3 "$HERE/workload.py" same "$WORK" "${URL[$t]}" "$WORK/mixed.ours.json"; then
        OK[mixed.$t]=1; same+=("$t")
      else
        log "$t's answers to the mixed requests differ from ours (above): not measured"
      fi
    done
    log "mixed: the same 60 sampled answers as ours from: ${same[*]:-none}"
  else
    log "OUR GATEWAY FAILS the mixed requests (above)"
  fi
fi

# The token reaches the subgraphs: with a bad one, our gateway answers 401 itself, the others only fail because the
# subgraphs they forward it to answer 401 (a target that still answers data does not forward it: not measured).
for t in $TARGETS; do
  q=; for x in single deep; do [[ -n ${OK[$x.$t]:-} ]] && q=$x; done
  [[ -n $q ]] || continue
  code=$(curl -s --max-time 60 -o "$WORK/badtoken.$t.out" -w '%{http_code}' -H 'Content-Type: application/json' \
    -H 'Accept: application/json' -H 'Authorization: Bearer x' --data-binary @"$WORK/$q.json" "${URL[$t]}")
  if [[ $code == 401 ]] || python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if d.get("errors") and not (d.get("data") or {}).get("notices") else 1)' \
      "$WORK/badtoken.$t.out" 2>/dev/null; then
    log "bad token → $t: HTTP $code, $(head -c 200 "$WORK/badtoken.$t.out")"
  else
    log "bad token → $t: HTTP $code with data, so it does not forward Authorization: not measured. $(head -c 300 "$WORK/badtoken.$t.out")"
    unset "OK[deep.$t]" "OK[single.$t]" "OK[mixed.$t]"
  fi
done

if [[ -n $HOLD ]]; then # keep everything up to try things by hand; stop with Ctrl-C or kill
  printf '%s\n' "$BENCH_TOKEN" > "$WORK/token"
  log "HOLD: $(for t in $TARGETS; do printf '%s %s (pid %s), ' "$t" "${URL[$t]}" "${PID[$t]}"; done) volunteer $VOLUNTEER_URL; queries in $WORK, $BENCH_USER's token in $WORK/token (Keycloak $REALM_URL)"
  sleep infinity & PIDS+=("$!"); wait $!  # the sleep is stopped with the rest
fi

# --- load --------------------------------------------------------------------------------------------------------
# Per phase: warm-up runs round-robin over the targets ($WARMUP_ROUNDS × $WARMUP each: the subgraphs warm up too, so
# the first target is not measured against cold services), then $ROUNDS measured runs per target, interleaved, so
# that a change in the machine's load hits every target alike. Around each measured run, the CPU ticks of the
# target's processes and of both subgraphs.
: > "$WORK/results.tsv"
START_LOAD=$(load)
for phase in $PHASES; do
  q=${phase%%:*}; c=${phase#*:}
  for w in $(seq 1 "$WARMUP_ROUNDS"); do
    for t in $TARGETS; do
      [[ -n ${OK[$q.$t]:-} ]] || continue
      log "$q@$c → ${NAME[$t]}: warm-up $w/$WARMUP_ROUNDS, $WARMUP (load $(load))"
      wrk_run "$q" "$t" "$c" "$WARMUP" "$WORK/wrk.$q.$c.$t.warmup$w.txt"
      sleep "$SETTLE"
    done
  done
  # the recording of a phase holds its measured rounds only
  [[ -n $GATEWAY_JFR && -n ${OK[$q.ours]:-} ]] && "$JCMD" "${PID[ours]}" JFR.stop name=bench > /dev/null 2>&1 || true
  [[ -n $GATEWAY_JFR && -n ${OK[$q.ours]:-} ]] && "$JCMD" "${PID[ours]}" JFR.start name=bench settings=profile > /dev/null
  for r in $(seq 1 "$ROUNDS"); do
    for t in $TARGETS; do
      [[ -n ${OK[$q.$t]:-} ]] || continue
      measure_round "$q" "$t" "$c" "$DURATION" "$r" "${NAME[$t]}"
      sleep "$SETTLE"
    done
  done
  if [[ -n $GATEWAY_JFR && -n ${OK[$q.ours]:-} ]]; then
    "$JCMD" "${PID[ours]}" JFR.dump name=bench filename="$WORK/ours.$q.$c.jfr" > /dev/null
    "$HERE/profile.sh" "$WORK/ours.$q.$c.jfr" "$WORK/ours.log" > "$WORK/profile.$q.$c.txt" 2>&1 || true
    log "profile of our gateway in $q@$c: $WORK/profile.$q.$c.txt"
  fi
done

# --- report ------------------------------------------------------------------------------------------------------
echo
echo "Gateway benchmark $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$ROOT" rev-parse --short HEAD), $(nproc) cores; $ROUNDS × $DURATION per target after $WARMUP_ROUNDS × $WARMUP warm-up"
echo "load average at the start of the runs: $START_LOAD (1/5/15 min); at the end: $(load)"
python3 "$HERE/report.py" "$WORK/results.tsv" "$TARGETS" \
  "$(for t in $TARGETS; do printf '%s=%s\t' "$t" "${NAME[$t]}"; done)"
