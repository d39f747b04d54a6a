# Shared helpers of the benchmark scripts: sourced, never run.

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# Waits up to $2 seconds for the pattern $1 in file $3; prints the first matching line.
wait_for_line() {
  local pattern="$1" seconds="$2" file="$3"
  for ((i = 0; i < seconds * 4; i++)); do
    if grep -m1 -E "$pattern" "$file" 2>/dev/null; then return 0; fi
    sleep 0.25
  done
  echo "timed out waiting for '$pattern' in $file" >&2
  tail -20 "$file" >&2
  return 1
}

# CPU busy % over 2 s while our stack is idle: anything else running on the machine skews the figures.
other_cpu() {
  local a b
  a=($(head -1 /proc/stat)); sleep 2; b=($(head -1 /proc/stat))
  awk -v u=$((b[1] + b[2] + b[3] + b[6] + b[7] - a[1] - a[2] - a[3] - a[6] - a[7])) \
      -v i=$((b[4] + b[5] - a[4] - a[5])) 'BEGIN { printf "%.0f%%", 100 * u / (u + i) }'
}

# Starts an embedded PostgreSQL with the empty databases named as arguments; sets DB_JAVA_PID and DB_PORT.
# Needs the dev-suite classes and classpath the build step writes.
# BENCH_PG_SETTINGS="shared_buffers=2GB,effective_cache_size=8GB" sizes the server as production would.
start_database() {
  java ${BENCH_PG_SETTINGS:+"-Dembedded-postgres.settings=$BENCH_PG_SETTINGS"} -cp "$ROOT/dev-suite/target/classes:$(cat "$ROOT/dev-suite/target/runtime.classpath")" \
    org.epicontrol.devsuite.BenchmarkDatabase "$@" >"$WORK/postgres.log" 2>&1 &
  DB_JAVA_PID=$!
  DB_PORT="$(wait_for_line '^port=[0-9]+$' 120 "$WORK/postgres.log" | cut -d= -f2)"
}

# Starts the real Keycloak (realm epidemic) beside the benchmark: the services verify every token as in
# production. Arguments: demo users to get tokens for. Sets OIDC_URL, KEYCLOAK_PID and TOKEN_<user> (dashes as
# underscores), e.g. TOKEN_sysadmin. Needs the dev-suite classes and classpath the build step writes.
start_keycloak() {
  launch_keycloak "$@"
  await_keycloak "$@"
}

# The two halves of start_keycloak, so that a script can do other work while Keycloak starts. It waits for every
# realm's OIDC discovery document, then prints the realm URL and the tokens; on a busy machine its first start (the
# dev-mode build of the distribution, the realm import) has taken over 240 s, so the wait is
# KEYCLOAK_START_TIMEOUT seconds (default 900), for Keycloak itself (-Dkeycloak.start-timeout) and for this script.
launch_keycloak() {
  java -Dsuite.root="$ROOT" -Dkeycloak.start-timeout="${KEYCLOAK_START_TIMEOUT:-900}" \
    -cp "$ROOT/dev-suite/target/classes:$(cat "$ROOT/dev-suite/target/runtime.classpath")" \
    org.epicontrol.devsuite.BenchmarkKeycloak "$@" >"$WORK/keycloak.log" 2>&1 &
  KEYCLOAK_PID=$!
  KEYCLOAK_LAUNCHED=$(date +%s)
}
await_keycloak() {
  local user line limit=$((KEYCLOAK_LAUNCHED + ${KEYCLOAK_START_TIMEOUT:-900} + 60))
  while ! grep -q -m1 '^oidc=' "$WORK/keycloak.log" 2>/dev/null; do
    if ! kill -0 "$KEYCLOAK_PID" 2>/dev/null || (($(date +%s) > limit)); then
      echo "Keycloak did not start (log: $WORK/keycloak.log and target/benchmark-keycloak/keycloak.log)" >&2
      tail -20 "$WORK/keycloak.log" >&2
      return 1
    fi
    sleep 1
  done
  OIDC_URL="$(grep -m1 '^oidc=' "$WORK/keycloak.log" | cut -d= -f2-)"
  log "Keycloak ready after $(($(date +%s) - KEYCLOAK_LAUNCHED)) s"
  for user in "$@"; do
    line="$(wait_for_line "^token\.$user=" 120 "$WORK/keycloak.log")"
    printf -v "TOKEN_${user//-/_}" '%s' "${line#*=}"
  done
}

# Waits until the Quarkus app logging to $1 listens and answers ready (polled every 50 ms, so that the start-up
# benchmark measures the moment it is); sets PORT. SERVICE_START_TIMEOUT (seconds, default 120) on a busy machine.
wait_until_ready() {
  local timeout="${SERVICE_START_TIMEOUT:-120}"
  # host, then port: the same in text and in the production JSON log lines
  PORT="$(wait_for_line 'Listening on: http://[^:]+:[0-9]+' "$timeout" "$1" \
    | sed -E 's/.*Listening on: http:\/\/[^:]+:([0-9]+).*/\1/')"
  for ((i = 0; i < timeout * 20; i++)); do
    curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && return 0
    sleep 0.05
  done
  echo "$1: not ready within $timeout s" >&2
  return 1
}

# Starts a service jar ($1: module) with the environment given as further arguments; sets SERVICE_URL and
# SERVICE_PID, logs to $WORK/<module>.log, waits until it is ready.
start_service() {
  local module="$1"; shift
  env ${OIDC_URL:+QUARKUS_OIDC_AUTH_SERVER_URL=$OIDC_URL} "$@" QUARKUS_HTTP_PORT=0 QUARKUS_HTTP_HOST=127.0.0.1 \
    java -jar "$ROOT/$module/target/quarkus-app/quarkus-run.jar" >"$WORK/$module.log" 2>&1 &
  SERVICE_PID=$!
  wait_until_ready "$WORK/$module.log"
  SERVICE_URL="http://127.0.0.1:$PORT/graphql"
}

# CPU time (clock ticks) used so far by the service (SERVICE_PID) and by PostgreSQL (POSTMASTER_PID and its
# backends). Unlike latencies, CPU per request hardly changes when other jobs compete for the cores.
cpu_ticks() {
  local pg=0 pid
  for pid in "$POSTMASTER_PID" $(pgrep -P "$POSTMASTER_PID"); do
    pg=$((pg + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$(awk '{ print $14 + $15 }' "/proc/$SERVICE_PID/stat") $pg"
}

# "service-ms pg-ms": CPU per unit of work between two cpu_ticks readings $1 and $2, over $3 units.
cpu_per() {
  awk -v b="$1" -v a="$2" -v n="$3" -v hz="$(getconf CLK_TCK)" 'BEGIN { split(b, x, " "); split(a, y, " ")
    printf "%.2f %.2f\n", (y[1] - x[1]) * 1000 / hz / n, (y[2] - x[2]) * 1000 / hz / n }'
}

# Runs wrk ($1 name, $2 connections, $3 lua script, $4 url, rest: script arguments) after a warm-up of $WARMUP
# (10 s unless set); prints "requests/s p50 p90 p99 failed other-cpu" (latencies in ms), and when POSTMASTER_PID is
# set also "service-cpu pg-cpu" (CPU ms per request, see cpu_ticks). The script must print "failed responses: N".
run_wrk() {
  local name="$1" connections="$2" script="$3" url="$4"; shift 4
  local threads=$((connections < 2 ? 1 : 2)) other before="" cpu="" out="$WORK/wrk-$name-c$connections.txt"
  other="$(other_cpu)"
  log "$name: warm-up ${WARMUP:-10s}"
  wrk -t$threads -c"$connections" -d"${WARMUP:-10s}" --timeout 10s -s "$script" "$url" -- "$@" >/dev/null 2>&1
  log "$name: measuring $DURATION at $connections connections"
  if [[ -n "${POSTMASTER_PID:-}" ]]; then before="$(cpu_ticks)"; fi
  wrk -t$threads -c"$connections" -d"$DURATION" --timeout 10s --latency -s "$script" "$url" -- "$@" >"$out" 2>&1
  if [[ -n "$before" ]]; then cpu="$(cpu_per "$before" "$(cpu_ticks)" "$(awk '/ requests in / { print $1 }' "$out")")"; fi
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +90%/ { p90 = ms($2) } /^ +99%/ { p99 = ms($2) }
    /^Requests\/sec:/ { rps = $2 } /^failed responses:/ { failed = $3 }
    /Non-2xx|Socket errors/ { print "  " $0 > "/dev/stderr" }
    END { printf "%.0f %.2f %.2f %.2f %d %s%s\n", rps, p50, p90, p99, failed, other, (cpu == "" ? "" : " " cpu) }' \
    other="$other" cpu="$cpu" "$out"
}

# Stops what a script started (SERVICE_PID, DB_JAVA_PID, KEYCLOAK_PID; the service first, it holds connections)
# however the script ends. Call once, before starting anything.
stop_started_on_exit() {
  DB_JAVA_PID="" SERVICE_PID="" KEYCLOAK_PID=""
  trap stop_started EXIT
  trap 'exit 130' INT TERM
}
stop_started() {
  local pid
  for pid in "$SERVICE_PID" "$DB_JAVA_PID" "$KEYCLOAK_PID"; do
    [[ -n "$pid" ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
}

# Builds every module's jar (tests skipped) and writes each module's runtime classpath (BenchmarkDatabase and
# BenchmarkKeycloak run without Maven), unless BENCH_SKIP_BUILD=1.
build_unless_skipped() {
  if [[ "${BENCH_SKIP_BUILD:-}" != 1 ]]; then
    log "building (tests skipped)"
    (cd "$ROOT" && ./mvnw -B -ntp -q package -DskipTests \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
      -Dmdep.outputFile=target/runtime.classpath -Dmdep.includeScope=runtime)
  fi
}
