#!/usr/bin/env bash
# Subscription benchmark (not a test): SUBSCRIBERS graphql-transport-ws clients on one gateway, all subscribed to
# noticePublished { id title volunteersOnCall } (volunteersOnCall from a second subgraph through _entities); one event
# published; prints the time until each subscriber had it (p50, p99, last, from the publish request) and the gateway's
# memory per subscriber (VmRSS from /proc before and after they subscribed). Subgraphs and load client are Node
# (`ws` from web/node_modules: run `npm ci` in web/ first); the gateway is the built jar
# (./mvnw -B -ntp package -pl gateway -am -DskipTests). Everything started is stopped on exit.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SUBSCRIBERS=${SUBSCRIBERS:-10000}
BASE_PORT=${BASE_PORT:-4960}
GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS:--Xmx1g}
NOTICES_PORT=$BASE_PORT
VOLUNTEERS_PORT=$((BASE_PORT + 1))
GATEWAY_PORT=$((BASE_PORT + 2))
WORK=$(mktemp -d /tmp/subscriptions-bench.XXXXXX)
PIDS=()

cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

JAR="$ROOT/gateway/target/quarkus-app/quarkus-run.jar"
[ -f "$JAR" ] || { echo "build the gateway first: ./mvnw -B -ntp package -pl gateway -am -DskipTests" >&2; exit 1; }
[ -d "$ROOT/web/node_modules/ws" ] || { echo "npm ci in web/ first (the ws package)" >&2; exit 1; }

cat > "$WORK/supergraph.graphql" <<SDL
schema
  @link(url: "https://specs.apollo.dev/link/v1.0")
  @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)
{
  query: Query
  subscription: Subscription
}

directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION
directive @join__graph(name: String!, url: String!) on ENUM_VALUE
directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE
directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION
directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
scalar join__FieldSet
scalar link__Import
enum link__Purpose { SECURITY EXECUTION }

enum join__Graph {
  NOTICES @join__graph(name: "notices", url: "http://127.0.0.1:$NOTICES_PORT/graphql")
  VOLUNTEERS @join__graph(name: "volunteers", url: "http://127.0.0.1:$VOLUNTEERS_PORT/graphql")
}
type Query @join__type(graph: NOTICES) @join__type(graph: VOLUNTEERS) {
  notices: [Notice!]! @join__field(graph: NOTICES)
}
type Subscription @join__type(graph: NOTICES) {
  noticePublished: Notice! @join__field(graph: NOTICES)
}
type Notice @join__type(graph: NOTICES, key: "id") @join__type(graph: VOLUNTEERS, key: "id") {
  id: ID!
  title: String! @join__field(graph: NOTICES)
  volunteersOnCall: Int! @join__field(graph: VOLUNTEERS)
}
SDL

node "$HERE/subscriptions-subgraphs.mjs" "$NOTICES_PORT" "$VOLUNTEERS_PORT" 2>"$WORK/subgraphs.log" &
PIDS+=($!)
# shellcheck disable=SC2086
java $GATEWAY_JAVA_OPTS -Dquarkus.http.port=$GATEWAY_PORT -Dgateway.supergraph-file="$WORK/supergraph.graphql" \
  -Dquarkus.oidc.tenant-enabled=false -Dgateway.rate-limit.enabled=false -Dquarkus.log.json.console.enabled=false \
  -Dgateway.subscriptions.max-connections=$((SUBSCRIBERS + 100)) -jar "$JAR" >"$WORK/gateway.log" 2>&1 &
GATEWAY=$!
PIDS+=($GATEWAY)
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$GATEWAY_PORT/q/health/ready" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$GATEWAY_PORT/q/health/ready" >/dev/null || { cat "$WORK/gateway.log" >&2; exit 1; }

log "warm-up: 100 subscribers, one event"
node "$HERE/subscriptions-clients.mjs" "ws://127.0.0.1:$GATEWAY_PORT/graphql" 100 "http://127.0.0.1:$NOTICES_PORT" \
  "$WORK/ready-warmup" >"$WORK/warmup.json" &
WARM=$!
while [ ! -f "$WORK/ready-warmup" ]; do sleep 0.2; done
rm "$WORK/ready-warmup"
wait $WARM
log "warm-up: $(cat "$WORK/warmup.json")"
sleep 2
BEFORE=$(rss_kb $GATEWAY)

log "$SUBSCRIBERS subscribers (load $(cut -d' ' -f1-3 /proc/loadavg))"
node "$HERE/subscriptions-clients.mjs" "ws://127.0.0.1:$GATEWAY_PORT/graphql" "$SUBSCRIBERS" \
  "http://127.0.0.1:$NOTICES_PORT" "$WORK/ready" >"$WORK/run.json" &
RUN=$!
while [ ! -f "$WORK/ready" ]; do sleep 0.5; done
sleep 2
AFTER=$(rss_kb $GATEWAY)
UPSTREAM=$(curl -s "http://127.0.0.1:$NOTICES_PORT/stats")
ENTITIES_BEFORE=$(curl -s "http://127.0.0.1:$VOLUNTEERS_PORT/stats")
rm "$WORK/ready"
wait $RUN
ENTITIES_AFTER=$(curl -s "http://127.0.0.1:$VOLUNTEERS_PORT/stats")

echo "subscriptions benchmark $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "result:            $(cat "$WORK/run.json")"
echo "subgraph sees:     $UPSTREAM (deduplicated: one subgraph subscription for identical subscribers)"
echo "_entities fetches: before the event $ENTITIES_BEFORE, after $ENTITIES_AFTER"
echo "gateway RSS:       before ${BEFORE} kB, with $SUBSCRIBERS subscribers ${AFTER} kB: $(( (AFTER - BEFORE) * 1024 / SUBSCRIBERS )) bytes per subscriber"
