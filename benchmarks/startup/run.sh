#!/usr/bin/env bash
# JVM start-up time and memory of each service and the gateway: time to "ready" and resident memory (RSS) when
# idle after start, against an embedded PostgreSQL and the real Keycloak. Prints figures; asserts nothing.
#   JAVA_CMD=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java benchmarks/startup/run.sh   # another JDK
#   BENCH_SKIP_BUILD=1                                                           # reuse the jars
#   AOT=1 JAVA_CMD=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java benchmarks/startup/run.sh
#     also measures with a JDK 25 AOT cache (JEP 483/514): each service is packaged as aot-jar (classes on the
#     class path, as the JDK's cache needs) into target/quarkus-app-aot, trained once against the same database and
#     Keycloak (start, a few requests, stop), then started with -XX:AOTCache.
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
  if [[ "${AOT:-}" == 1 ]]; then
    log "building the aot-jar packages"
    (cd "$ROOT" && ./mvnw -B -ntp -q package -DskipTests -pl notice-service,volunteer-service,gateway -am \
      -Dquarkus.package.jar.type=aot-jar -Dquarkus.package.output-directory=quarkus-app-aot)
  fi
fi
start_database notices volunteers
# The services read the realm's OIDC metadata at start, as in production.
log "starting Keycloak"
start_keycloak
# Keycloak keeps compiling for a while after it answers: wait (up to 2 min) until the machine is quiet again.
for ((i = 0; i < 40; i++)); do
  busy="$(other_cpu)"; ((${busy%\%} < 15)) && break
done

# Starts a service ($1 module, $2 env prefix, $3 database, $4 package directory, further: JVM options); sets PID
# and PORT once it is ready. The gateway (no database: prefix and database "-") reads the supergraph from the
# file Kubernetes mounts, so that it starts without its subgraphs, as a pod does.
launch() {
  local module="$1" prefix="$2" db="$3" app="$4" own=(); shift 4
  if [[ "$db" == - ]]; then
    own=(GATEWAY_SUPERGRAPH_FILE="$ROOT/k8s/base/gateway/supergraph.graphql")
  else
    own=("${prefix}_DB_URL=postgresql://127.0.0.1:$DB_PORT/$db" "${prefix}_DB_JDBC_URL=jdbc:postgresql://127.0.0.1:$DB_PORT/$db"
      "${prefix}_DB_USER=postgres" "${prefix}_DB_PASSWORD=")
  fi
  env "${own[@]}" QUARKUS_HTTP_PORT=0 QUARKUS_HTTP_HOST=127.0.0.1 \
    QUARKUS_OIDC_AUTH_SERVER_URL="$OIDC_URL" OTEL_SDK_DISABLED=true \
    "$JAVA_CMD" "$@" -jar "$ROOT/$module/target/$app/quarkus-run.jar" >"$WORK/$module.log" 2>&1 &
  PID=$!
  PIDS+=("$PID")
  wait_until_ready "$WORK/$module.log"
}

# A training run for the AOT cache: start, a few GraphQL requests, stop; the JVM writes the cache as it exits.
train() {
  local module="$1" prefix="$2" db="$3" cache="$ROOT/$1/target/quarkus-app-aot/app.aot"
  rm -f "$cache"
  launch "$module" "$prefix" "$db" quarkus-app-aot -XX:AOTCacheOutput="$cache"
  for ((i = 0; i < 20; i++)); do
    curl -s "http://127.0.0.1:$PORT/graphql" -H 'Content-Type: application/json' -d '{"query":"{ __typename }"}' >/dev/null
  done
  kill "$PID"; wait "$PID" 2>/dev/null || true
  [[ -s "$cache" ]] || { echo "no AOT cache written for $module (see $WORK/$module.log)" >&2; exit 1; }
}

measure() {
  local module="$1" prefix="$2" db="$3" app="${4:-quarkus-app}" runs=3 total=0 rss=0 label
  shift $(($# < 4 ? $# : 4))
  for ((r = 0; r < runs; r++)); do
    local start end
    start=$(date +%s%N)
    launch "$module" "$prefix" "$db" "$app" "$@"
    end=$(date +%s%N)
    total=$((total + (end - start) / 1000000))
    sleep 5
    rss=$((rss + $(awk '/VmRSS/ { print $2 }' /proc/$PID/status)))
    kill "$PID"; wait "$PID" 2>/dev/null || true
  done
  label="$module${1:+ (AOT cache)}"
  printf '%-30s %6d ms to ready %6d MiB RSS idle   (mean of %d, %s)\n' "$label" $((total / runs)) \
    $((rss / runs / 1024)) "$runs" "$("$JAVA_CMD" -version 2>&1 | head -1)"
}
echo "JVM start-up (process start to /q/health/ready 200, database migrated) and idle memory, $(date -u +%Y-%m-%d), $(nproc) cores, other CPU $(other_cpu)"
measure notice-service NOTICE notices
measure volunteer-service VOLUNTEER volunteers
measure gateway - -
if [[ "${AOT:-}" == 1 ]]; then
  log "training the AOT caches"
  train notice-service NOTICE notices
  train volunteer-service VOLUNTEER volunteers
  train gateway - -
  measure notice-service NOTICE notices quarkus-app-aot -XX:AOTCache="$ROOT/notice-service/target/quarkus-app-aot/app.aot"
  measure volunteer-service VOLUNTEER volunteers quarkus-app-aot -XX:AOTCache="$ROOT/volunteer-service/target/quarkus-app-aot/app.aot"
  measure gateway - - quarkus-app-aot -XX:AOTCache="$ROOT/gateway/target/quarkus-app-aot/app.aot"
fi
