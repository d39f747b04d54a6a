#!/usr/bin/env bash
# JVM start-up time and memory of each service: time to "ready" and resident memory (RSS) when idle after start,
# against an embedded PostgreSQL. Prints figures; asserts nothing.
#   JAVA_CMD=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java benchmarks/startup/run.sh   # another JDK
#   BENCH_SKIP_BUILD=1                                                           # reuse the jars
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$ROOT/target/benchmark-startup"
JAVA_CMD="${JAVA_CMD:-java}"
source "$HERE/../lib.sh"
mkdir -p "$WORK"
rm -f "$WORK"/*.log # wait_for_line must not find the port of an earlier run

DB_JAVA_PID="" KEYCLOAK_PID="" PIDS=()
cleanup() {
  for pid in "${PIDS[@]}" "$DB_JAVA_PID" "$KEYCLOAK_PID"; do
    [[ -n "$pid" ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT

if [[ "${BENCH_SKIP_BUILD:-}" != 1 ]]; then
  log "building (tests skipped)"
  (cd "$ROOT" && ./mvnw -B -ntp -q package -DskipTests \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile=target/runtime.classpath -Dmdep.includeScope=runtime)
fi
java -cp "$ROOT/dev-suite/target/classes:$(cat "$ROOT/dev-suite/target/runtime.classpath")" \
  org.epicontrol.devsuite.BenchmarkDatabase notices volunteers >"$WORK/postgres.log" 2>&1 &
DB_JAVA_PID=$!
DB_PORT="$(wait_for_line '^port=[0-9]+$' 120 "$WORK/postgres.log" | cut -d= -f2)"
# The services read the realm's OIDC metadata at start, as in production.
log "starting Keycloak"
start_keycloak
# Keycloak keeps compiling for a while after it answers: wait (up to 2 min) until the machine is quiet again.
for ((i = 0; i < 40; i++)); do
  busy="$(other_cpu)"; ((${busy%\%} < 15)) && break
done

measure() {
  local module="$1" prefix="$2" db="$3" runs=3 total=0 rss=0
  for ((r = 0; r < runs; r++)); do
    local start end port pid
    start=$(date +%s%N)
    env "${prefix}_DB_URL=postgresql://127.0.0.1:$DB_PORT/$db" "${prefix}_DB_JDBC_URL=jdbc:postgresql://127.0.0.1:$DB_PORT/$db" \
      "${prefix}_DB_USER=postgres" "${prefix}_DB_PASSWORD=" QUARKUS_HTTP_PORT=0 QUARKUS_HTTP_HOST=127.0.0.1 \
      QUARKUS_OIDC_AUTH_SERVER_URL="$OIDC_URL" OTEL_SDK_DISABLED=true \
      "$JAVA_CMD" -jar "$ROOT/$module/target/quarkus-app/quarkus-run.jar" >"$WORK/$module.log" 2>&1 &
    pid=$!
    PIDS+=("$pid")
    port="$(wait_for_line 'Listening on: http://[^ ]+:[0-9]+' 120 "$WORK/$module.log" | sed -E 's/.*:([0-9]+).*/\1/')"
    until curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null; do sleep 0.05; done
    end=$(date +%s%N)
    total=$((total + (end - start) / 1000000))
    sleep 5
    rss=$((rss + $(awk '/VmRSS/ { print $2 }' /proc/$pid/status)))
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
  printf '%-18s %6d ms to ready %6d MiB RSS idle   (mean of %d, %s)\n' "$module" $((total / runs)) \
    $((rss / runs / 1024)) "$runs" "$("$JAVA_CMD" -version 2>&1 | head -1)"
}
echo "JVM start-up (process start to /q/health/ready 200, database migrated) and idle memory, $(date -u +%Y-%m-%d), $(nproc) cores, other CPU $(other_cpu)"
measure notice-service NOTICE notices
measure volunteer-service VOLUNTEER volunteers
