#!/usr/bin/env bash
# Gateway benchmark: our gateway vs Hive Gateway vs Apollo Gateway vs the subgraph itself, same supergraph, same load.
# Authenticated as in production: every request carries a staff access token (BENCH_USER) from the suite's Keycloak,
# and every gateway forwards the Authorization header to the subgraphs (which verify it and answer the staff-only
# fields of the deep query by it). A target that does not forward it is not measured (checked with a bad token,
# which the subgraphs refuse).
# See README.md beside this file. Everything it starts is stopped on exit; what stays is the printed figures (and the
# work folder when KEEP_WORK is set).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

DURATION=${DURATION:-20s}          # one measured run
ROUNDS=${ROUNDS:-3}                # measured runs per target and query, interleaved across targets; medians reported
WARMUP=${WARMUP:-20s}              # one unmeasured run (JIT, pools, plan caches; of the subgraphs too)
WARMUP_ROUNDS=${WARMUP_ROUNDS:-2}  # unmeasured runs per target before the measured ones
CONNECTIONS=${CONNECTIONS:-16}     # fixed concurrency
THREADS=${THREADS:-2}              # wrk threads
SETTLE=${SETTLE:-5}                # pause after each run: requests still queued in a gateway and subgraphs drain
BASE_PORT=${BASE_PORT:-4900}
HIVE_FORK=${HIVE_FORK:-2}          # Hive Gateway workers (= cores here)
GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS:-}
NOTICES=${NOTICES:-10}             # notices(first: N) in the deep query (the demo has 2 notices)
DEEP_DISTRICT=${DEEP_DISTRICT-小店区}  # designations(district: ...) in the deep query: 32 areas; empty: all 107
HOLD=${HOLD:-}                     # set: start and verify everything, then wait (Ctrl-C) instead of measuring
APOLLO_VERSION=${APOLLO_VERSION:-2.14.4}
APOLLO_SERVER_VERSION=${APOLLO_SERVER_VERSION:-5.5.1}
HIVE_VERSION=${HIVE_VERSION:-2.15.1}

# Demo user whose token every request carries. sysadmin: the seeded benchmark district (基准区) is no demo
# officer's, and a district officer of 小店区 is refused its posts (the deep query would fail everywhere).
BENCH_USER=${BENCH_USER:-sysadmin}
# BENCH_QUERIES: which of the two queries to verify and measure ("deep single" unless set)

NOTICE_PORT=$((BASE_PORT + 1))
VOLUNTEER_PORT=$((BASE_PORT + 2))
KEYCLOAK_PORT=$((BASE_PORT + 3))
SUITE_GATEWAY_PORT=$((BASE_PORT + 4)) # the launcher's own gateway (not measured; off the default 8080)
OURS_PORT=$((BASE_PORT + 10))
HIVE_PORT=$((BASE_PORT + 11))
APOLLO_PORT=$((BASE_PORT + 12))
HIVEND_PORT=$((BASE_PORT + 13))
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

# --- build (only when the jars are missing) --------------------------------------------------------------------
cd "$ROOT"
if [[ ! -f gateway/target/quarkus-app/quarkus-run.jar || ! -f notice-service/target/quarkus-app/quarkus-run.jar \
      || ! -f volunteer-service/target/quarkus-app/quarkus-run.jar ]]; then
  log "building"
  ./mvnw -B -ntp -q -pl gateway,notice-service,volunteer-service,dev-suite -am package -DskipTests
fi

# --- npm packages into the temp dir (in the background while the services start) -------------------------------
mkdir -p "$WORK/npm"
(cd "$WORK/npm" && npm init -y >/dev/null 2>&1 && npm install --no-audit --no-fund --loglevel=error \
   "@apollo/composition@$APOLLO_VERSION" "@apollo/gateway@$APOLLO_VERSION" "@apollo/server@$APOLLO_SERVER_VERSION" \
   "graphql@16" "@graphql-hive/gateway@$HIVE_VERSION") > "$WORK/npm.log" 2>&1 &
NPM_PID=$!

# --- PostgreSQL, Keycloak, both services, demo data (the dev-suite launcher) -----------------------------------
# Tokens live an hour: the run takes ~15 min, longer than the realm's default of 5 min.
log "starting PostgreSQL, Keycloak :$KEYCLOAK_PORT, notice-service :$NOTICE_PORT, volunteer-service :$VOLUNTEER_PORT (dev-suite launcher)"
./mvnw -B -ntp -q -pl dev-suite exec:java -Dnotice.port="$NOTICE_PORT" -Dvolunteer.port="$VOLUNTEER_PORT" \
  -Dkeycloak.port="$KEYCLOAK_PORT" -Dgateway.port="$SUITE_GATEWAY_PORT" -Dkeycloak.access-token-lifespan=3600 \
  > "$WORK/suite.log" 2>&1 &
SUITE_PID=$!
deadline=$((SECONDS + 400))
until grep -q "The suite is running" "$WORK/suite.log"; do
  kill -0 "$SUITE_PID" 2>/dev/null || { cat "$WORK/suite.log" >&2; echo "dev-suite launcher died" >&2; exit 1; }
  (( SECONDS < deadline )) || { echo "dev-suite launcher not ready after 400 s" >&2; exit 1; }
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
node "$HERE/compose.mjs" "$WORK/supergraph.graphql" notice="$NOTICE_URL" volunteer="$VOLUNTEER_URL" >&2

# --- gateways ----------------------------------------------------------------------------------------------------
log "starting our gateway :$OURS_PORT, Hive Gateway :$HIVE_PORT and :$HIVEND_PORT (fork $HIVE_FORK), Apollo Gateway :$APOLLO_PORT"
# It verifies tokens with the suite's Keycloak (bad ones get 401 before any fan-out) and forwards Authorization
# (gateway.forward-headers, default). No traces, like the other gateways here (and the service benchmarks). No rate
# limits (on in production): wrk sends everything with one token from one address.
# shellcheck disable=SC2086
GATEWAY_SUPERGRAPH_FILE="$WORK/supergraph.graphql" QUARKUS_OIDC_AUTH_SERVER_URL="$REALM_URL" OTEL_SDK_DISABLED=true GATEWAY_RATE_LIMIT_ENABLED=false java $GATEWAY_JAVA_OPTS -Dquarkus.http.port="$OURS_PORT" \
  -Dquarkus.http.host=127.0.0.1 -jar gateway/target/quarkus-app/quarkus-run.jar > "$WORK/ours.log" 2>&1 &
OURS_PID=$!; PIDS+=("$OURS_PID")
# Hive Gateway as it comes, except that it forwards the client's Authorization header to the subgraphs (it forwards
# no header by default): it merges identical subgraph requests that are in flight at the same time, so with
# identical concurrent client requests most of them never reach a subgraph. The configs are plain objects (what
# defineConfig of @graphql-hive/gateway returns): an import would not resolve from $WORK (ESM ignores NODE_PATH).
mkdir -p "$WORK/hive" "$WORK/hive-nodedup"
cat > "$WORK/hive/gateway.config.mjs" <<'EOF'
export const gatewayConfig = {
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get("authorization") ?? undefined }),
  },
};
EOF
(cd "$WORK/hive" && NODE_ENV=production exec "$NODE_PATH/.bin/hive-gateway" supergraph "$WORK/supergraph.graphql" \
  -c "$WORK/hive/gateway.config.mjs" --host 127.0.0.1 --port "$HIVE_PORT" --fork "$HIVE_FORK") > "$WORK/hive.log" 2>&1 &
HIVE_PID=$!; PIDS+=("$HIVE_PID")
# Hive Gateway sending every subgraph request, like our gateway and Apollo Gateway (Authorization forwarded too).
cat > "$WORK/hive-nodedup/gateway.config.mjs" <<'EOF'
export const gatewayConfig = {
  transportEntries: { "*.http": { options: { deduplicateInflightRequests: false } } },
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get("authorization") ?? undefined }),
  },
};
EOF
(cd "$WORK/hive-nodedup" && NODE_ENV=production exec "$NODE_PATH/.bin/hive-gateway" supergraph "$WORK/supergraph.graphql" \
  -c "$WORK/hive-nodedup/gateway.config.mjs" --host 127.0.0.1 --port "$HIVEND_PORT" --fork "$HIVE_FORK") \
  > "$WORK/hive-nodedup.log" 2>&1 &
HIVEND_PID=$!; PIDS+=("$HIVEND_PID")
NODE_ENV=production node "$HERE/apollo-gateway.mjs" "$WORK/supergraph.graphql" "$APOLLO_PORT" > "$WORK/apollo.log" 2>&1 &
APOLLO_PID=$!; PIDS+=("$APOLLO_PID")

wait_graphql() { # url seconds pid
  local deadline=$((SECONDS + $2))
  until curl -fs -H 'Content-Type: application/json' -d '{"query":"{ __typename }"}' "$1" 2>/dev/null | grep -q '"Query"'; do
    kill -0 "$3" 2>/dev/null || { echo "the process for $1 died; logs in $WORK (KEEP_WORK=1 keeps them)" >&2; return 1; }
    (( SECONDS < deadline )) || { echo "$1 not up after $2 s" >&2; return 1; }
    sleep 0.5
  done
}
wait_graphql "http://127.0.0.1:$OURS_PORT/graphql" 180 "$OURS_PID"
wait_graphql "http://127.0.0.1:$HIVE_PORT/graphql" 180 "$HIVE_PID"
wait_graphql "http://127.0.0.1:$HIVEND_PORT/graphql" 180 "$HIVEND_PID"
wait_graphql "http://127.0.0.1:$APOLLO_PORT/graphql" 180 "$APOLLO_PID"

# --- queries -----------------------------------------------------------------------------------------------------
python3 - "$WORK" "$NOTICES" "$DEEP_DISTRICT" <<'EOF'
import json, sys
work, n, district = sys.argv[1], int(sys.argv[2]), sys.argv[3]
filt = f'(district: {json.dumps(district, ensure_ascii=False)})' if district else ""
# notice-service, then the Area entity jump into volunteer-service, and on inside it to posts, grids, people.
deep = """query Deep {
  notices(first: %d) {
    edges { node {
      number title
      designations%s {
        ordinal level { code }
        areas {
          id fullName
          dutyPosts { id name kind community { name } }
          responsibleGrid { name community { name } responsibleWorkers { name } }
          onDutyNow { from until post { name } volunteer { name kinds community { name } } }
        }
      }
    } }
  }
}""" % (n, filt)
single = """query Single {
  notices(first: 10) { edges { node { id number title issuer issueDate effectiveDate status legalBasis } } }
  riskLevels { code name }
}"""
for name, q in (("deep", deep), ("single", single)):
    with open(f"{work}/{name}.json", "w") as f:
        json.dump({"query": q, "operationName": name.capitalize()}, f, ensure_ascii=False)
    with open(f"{work}/{name}.graphql", "w") as f:
        f.write(q + "\n")
EOF

post() { # url body-file: the answer, with BENCH_USER's token
  curl -s --max-time 60 -H 'Content-Type: application/json' -H 'Accept: application/json' \
    -H "Authorization: Bearer $BENCH_TOKEN" --data-binary @"$2" "$1"
}
TARGETS=(ours hive hivend apollo direct)
declare -A URL=([ours]="http://127.0.0.1:$OURS_PORT/graphql" [hive]="http://127.0.0.1:$HIVE_PORT/graphql"
                [hivend]="http://127.0.0.1:$HIVEND_PORT/graphql" [apollo]="http://127.0.0.1:$APOLLO_PORT/graphql"
                [direct]="$NOTICE_URL")
declare -A NAME=([ours]="our gateway" [hive]="Hive Gateway $HIVE_VERSION" [hivend]="Hive Gateway, no dedup"
                 [apollo]="Apollo Gateway $APOLLO_VERSION" [direct]="notice-service direct")

# Measured only with the same answer as ours (parsed JSON, key order included) and no errors.
declare -A OK
for q in ${BENCH_QUERIES:-deep single}; do
  targets=(hive hivend apollo); [[ $q == single ]] && targets+=(direct)
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

# The token reaches the subgraphs: with a bad one, our gateway answers 401 itself, the others only fail because the
# subgraphs they forward it to answer 401 (a target that still answers data does not forward it: not measured).
for t in "${TARGETS[@]}"; do
  [[ -n ${OK[single.$t]:-}${OK[deep.$t]:-} ]] || continue
  q=single; [[ -n ${OK[single.$t]:-} ]] || q=deep
  code=$(curl -s --max-time 60 -o "$WORK/badtoken.$t.out" -w '%{http_code}' -H 'Content-Type: application/json' \
    -H 'Accept: application/json' -H 'Authorization: Bearer x' --data-binary @"$WORK/$q.json" "${URL[$t]}")
  if [[ $code == 401 ]] || python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if d.get("errors") and not (d.get("data") or {}).get("notices") else 1)' \
      "$WORK/badtoken.$t.out" 2>/dev/null; then
    log "bad token → $t: HTTP $code, $(head -c 200 "$WORK/badtoken.$t.out")"
  else
    log "bad token → $t: HTTP $code with data, so it does not forward Authorization: not measured. $(head -c 300 "$WORK/badtoken.$t.out")"
    unset "OK[deep.$t]" "OK[single.$t]"
  fi
done

if [[ -n $HOLD ]]; then # keep everything up to try things by hand; stop with Ctrl-C or kill
  printf '%s\n' "$BENCH_TOKEN" > "$WORK/token"
  log "HOLD: ours ${URL[ours]}, Hive ${URL[hive]} / ${URL[hivend]}, Apollo ${URL[apollo]}, notice $NOTICE_URL, volunteer $VOLUNTEER_URL; queries in $WORK, $BENCH_USER's token in $WORK/token (Keycloak $REALM_URL)"
  sleep infinity & PIDS+=("$!"); wait $!  # the sleep is stopped with the rest
fi

# --- load --------------------------------------------------------------------------------------------------------
# Phases: the deep and the single-subgraph query at $CONNECTIONS connections, then the single query at 1 connection
# (latency without queueing). Per phase: warm-up runs round-robin over the targets ($WARMUP_ROUNDS × $WARMUP each:
# the subgraphs warm up too, so the first target is not measured against cold services), then $ROUNDS measured
# runs per target, interleaved, so that a change in the machine's load hits every target alike.
wrk_run() { # query target connections duration outfile
  local threads=$THREADS; (( threads > $3 )) && threads=$3
  BODY_FILE="$WORK/$1.json" BENCH_TOKEN="$BENCH_TOKEN" EXPECT_BYTES=$(wc -c < "$WORK/$1.$2.out") \
    wrk -t"$threads" -c"$3" -d"$4" --timeout 30s --latency -s "$HERE/post.lua" "${URL[$2]}" > "$5"
}
: > "$WORK/results.tsv"
START_LOAD=$(load)
for phase in "deep:$CONNECTIONS" "single:$CONNECTIONS" "single:1"; do
  q=${phase%%:*}; c=${phase#*:}
  for w in $(seq 1 "$WARMUP_ROUNDS"); do
    for t in "${TARGETS[@]}"; do
      [[ -n ${OK[$q.$t]:-} ]] || continue
      log "$q@$c → ${NAME[$t]}: warm-up $w/$WARMUP_ROUNDS, $WARMUP (load $(load))"
      wrk_run "$q" "$t" "$c" "$WARMUP" "$WORK/wrk.$q.$c.$t.warmup$w.txt"
      sleep "$SETTLE"
    done
  done
  for r in $(seq 1 "$ROUNDS"); do
    for t in "${TARGETS[@]}"; do
      [[ -n ${OK[$q.$t]:-} ]] || continue
      before=$(load)
      wrk_run "$q" "$t" "$c" "$DURATION" "$WORK/wrk.$q.$c.$t.$r.txt"
      line=$(grep '^BENCH' "$WORK/wrk.$q.$c.$t.$r.txt")
      log "$q@$c → ${NAME[$t]}, round $r/$ROUNDS ($DURATION, load $before): ${line#BENCH }"
      printf '%s\t%s\t%s\t%s\t%s\n' "$q@$c" "$t" "$r" "${line#BENCH }" "$before" >> "$WORK/results.tsv"
      sleep "$SETTLE"
    done
  done
done

# --- report ------------------------------------------------------------------------------------------------------
echo
echo "Gateway benchmark $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores; $ROUNDS × $DURATION per target after $WARMUP_ROUNDS × $WARMUP warm-up"
echo "load average at the start of the runs: $START_LOAD (1/5/15 min); at the end: $(load)"
python3 - "$WORK/results.tsv" "$HIVE_VERSION" "$APOLLO_VERSION" <<'EOF'
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
names = {"ours": "our gateway", "hive": f"Hive Gateway {sys.argv[2]}", "hivend": "Hive Gateway, no dedup",
         "apollo": f"Apollo Gateway {sys.argv[3]}", "direct": "notice-service direct"}
order = ("ours", "hive", "hivend", "apollo", "direct")
res, phases = {}, []
for ph, t, r, kv, load in rows:
    if ph not in phases:
        phases.append(ph)
    d = dict(x.split("=") for x in kv.split())
    res.setdefault((ph, t), []).append((float(d["rps"]), int(d["p50_us"]) / 1000, int(d["p99_us"]) / 1000,
                                        int(d["bad"]) + int(d["socket_errors"]), float(load.split()[0])))
med = statistics.median
ms = lambda x: f"{x:.2f}" if x < 10 else f"{x:.1f}"
print()
print("| query@connections | target | requests/s | p50 ms | p99 ms | rounds: requests/s | bad answers | load (1 min) |")
print("|---|---|---:|---:|---:|---|---:|---|")
summary = {}
for ph in phases:
    for t in order:
        if (ph, t) not in res:
            if t != "direct" or ph.startswith("single"):
                print(f"| {ph} | {names[t]} | not measured | | | | | |")
            continue
        v = res[(ph, t)]
        summary[(ph, t)] = (med([x[0] for x in v]), med([x[1] for x in v]), med([x[2] for x in v]))
        loads = [x[4] for x in v]
        rps, p50, p99 = summary[(ph, t)]
        print(f"| {ph} | {names[t]} | {rps:.1f} | {ms(p50)} | {ms(p99)} | {' / '.join(f'{x[0]:.1f}' for x in v)} "
              f"| {sum(x[3] for x in v)} | {min(loads):.1f}–{max(loads):.1f} |")
print("\n(medians of the rounds; bad answers: non-200, an `errors` key or another length than the verified answer)\n")
for ph in phases:
    for t in ("hive", "hivend", "apollo"):
        if (ph, "ours") in summary and (ph, t) in summary:
            print(f"{ph}: requests/s ours / {names[t]} = {summary[(ph, 'ours')][0] / summary[(ph, t)][0]:.2f}"
                  + ("   (goal >= 2.5)" if t.startswith("hive") else ""))
    if (ph, "ours") in summary and (ph, "direct") in summary:
        print(f"{ph}: p50 overhead of our gateway over the direct call = "
              f"{summary[(ph, 'ours')][1] - summary[(ph, 'direct')][1]:.2f} ms   (goal <= 2 ms)")
EOF
