# The suite for the fault suite and the soak, started process by process so that each can be killed and started
# again: embedded PostgreSQL (databases notices, volunteers), the real Keycloak, notice-service, volunteer-service
# behind a delaying proxy (delay_proxy.py, its delay in $WORK/delay-ms), the gateway. Sourced after lib.sh with ROOT
# and WORK set; sets GATEWAY_URL, OIDC_URL, PGHOST/PGPORT/PGUSER and the PIDs (*_PID) of every process.

# Checks the tools, empties $WORK of an earlier run, stops everything on exit, builds unless skipped.
prepare_run() {
  local tool
  for tool in java psql curl python3 awk; do
    command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
  done
  mkdir -p "$WORK"
  rm -rf "$WORK"/*.log "$WORK"/ops.jsonl "$WORK"/seed.json "$WORK"/next-number "$WORK"/pairs.json \
    "$WORK"/minutes.txt "$WORK"/report.md
  stop_started_on_exit
  trap 'stop_suite; stop_started' EXIT
  build_unless_skipped
}

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

SUITE_LOG_SEQ=0
# Starts a Quarkus jar ($1 module, $2 port, rest: environment) in the background; sets STARTED_PID; waits until ready.
start_jar() {
  local module="$1" port="$2"; shift 2
  SUITE_LOG_SEQ=$((SUITE_LOG_SEQ + 1))
  local log="$WORK/$module-$SUITE_LOG_SEQ.log"
  env QUARKUS_OIDC_AUTH_SERVER_URL="$OIDC_URL" OTEL_SDK_DISABLED=true QUARKUS_HTTP_HOST=127.0.0.1 \
    QUARKUS_HTTP_PORT="$port" "$@" java ${SUITE_JVM_OPTIONS:-} -jar "$ROOT/$module/target/quarkus-app/quarkus-run.jar" \
    >"$log" 2>&1 &
  STARTED_PID=$!
  wait_until_ready "$log" >/dev/null
}

start_notice() {
  start_jar notice-service "$NOTICE_PORT" NOTICE_DB_URL="postgresql://127.0.0.1:$PGPORT/notices" \
    NOTICE_DB_JDBC_URL="jdbc:postgresql://127.0.0.1:$PGPORT/notices" NOTICE_DB_USER=postgres NOTICE_DB_PASSWORD=""
  NOTICE_PID=$STARTED_PID
}

start_volunteer() {
  start_jar volunteer-service "$VOLUNTEER_PORT" VOLUNTEER_DB_URL="postgresql://127.0.0.1:$PGPORT/volunteers" \
    VOLUNTEER_DB_JDBC_URL="jdbc:postgresql://127.0.0.1:$PGPORT/volunteers" VOLUNTEER_DB_USER=postgres \
    VOLUNTEER_DB_PASSWORD="" NOTICE_FEED_URL="http://127.0.0.1:$NOTICE_PORT/graphql" \
    KEYCLOAK_ADMIN_URL="${OIDC_URL%/realms/*}" KEYCLOAK_ADMIN_CLIENT_SECRET=demo-volunteer-service-secret
  VOLUNTEER_PID=$STARTED_PID
}

start_gateway() {
  SUITE_JVM_OPTIONS="-Dgateway.subgraphs.notices.url=http://127.0.0.1:$NOTICE_PORT/graphql \
    -Dgateway.subgraphs.volunteers.url=http://127.0.0.1:$PROXY_PORT/graphql" \
    start_jar gateway "$GATEWAY_PORT" GATEWAY_RATE_LIMIT_ENABLED=false GATEWAY_OIDC_CLIENT_SECRET=demo-gateway-secret
  GATEWAY_PID=$STARTED_PID
  GATEWAY_URL="http://127.0.0.1:$GATEWAY_PORT/graphql"
  # composed once both subgraphs answered
  for ((i = 0; i < 240; i++)); do
    curl -sf "$GATEWAY_URL" -H 'Content-Type: application/json' -d '{"query":"{ __typename }"}' >/dev/null && return 0
    sleep 0.5
  done
  echo "gateway did not serve within 120 s" >&2
  return 1
}

start_suite() {
  log "starting embedded PostgreSQL"
  start_database notices volunteers
  export PGHOST=127.0.0.1 PGPORT="$DB_PORT" PGUSER=postgres PGPASSWORD=""
  POSTMASTER_PID="$(psql -X -At -d volunteers -c "select pg_read_file('postmaster.pid')" | head -1)"
  log "starting Keycloak (first start ~1 min)"
  start_keycloak
  # the wrapper runs bin/kc.sh, which runs Keycloak's JVM as its child, or becomes it (exec) after a first start that
  # had to build the distribution
  local kc_sh
  kc_sh="$(pgrep -P "$KEYCLOAK_PID" | head -1 || true)"
  KEYCLOAK_JAVA_PID="$(pgrep -P "$kc_sh" | head -1 || true)"
  KEYCLOAK_JAVA_PID="${KEYCLOAK_JAVA_PID:-$kc_sh}"
  NOTICE_PORT="$(free_port)" VOLUNTEER_PORT="$(free_port)" PROXY_PORT="$(free_port)" GATEWAY_PORT="$(free_port)"
  log "starting notice-service, volunteer-service, the delaying proxy and the gateway"
  start_notice
  start_volunteer
  echo 0 >"$WORK/delay-ms"
  python3 "$HERE/../faults/delay_proxy.py" "$PROXY_PORT" "127.0.0.1:$VOLUNTEER_PORT" "$WORK/delay-ms" \
    >"$WORK/proxy.log" 2>&1 &
  PROXY_PID=$!
  wait_for_line '^listening=' 10 "$WORK/proxy.log" >/dev/null
  start_gateway
  export GATEWAY_URL OIDC_URL
  log "suite up: gateway $GATEWAY_URL, PostgreSQL port $PGPORT, Keycloak $OIDC_URL"
}

# pg_ctl restart of the embedded server: stops it (fast: sessions cut), starts it with the same options.
restart_postgres() {
  local data bin
  data="$(psql -X -At -d volunteers -c 'show data_directory')"
  bin="$(dirname "$(readlink "/proc/$POSTMASTER_PID/exe")")"
  # PostgreSQL refuses root: as the embedded server itself, in a user namespace then
  local as=()
  [[ "$(id -u)" == 0 ]] && as=(unshare -U)
  "${as[@]}" "$bin/pg_ctl" -D "$data" -m fast -w -l "$WORK/postgres-restarted.log" restart >>"$WORK/pg_ctl.log" 2>&1
  POSTMASTER_PID="$(head -1 "$data/postmaster.pid")"
}

# Keycloak's own process (the child of the BenchmarkKeycloak wrapper): stopped (TERM) and started again with the same
# command line, environment and directory; its data (realm, signing keys) survive in its directory.
stop_keycloak_process() {
  mapfile -d '' -t KC_CMD <"/proc/$KEYCLOAK_JAVA_PID/cmdline"
  mapfile -d '' -t KC_ENV <"/proc/$KEYCLOAK_JAVA_PID/environ"
  KC_CWD="$(readlink "/proc/$KEYCLOAK_JAVA_PID/cwd")"
  kill "$KEYCLOAK_JAVA_PID"
  while kill -0 "$KEYCLOAK_JAVA_PID" 2>/dev/null; do sleep 0.5; done
}

start_keycloak_process() {
  (cd "$KC_CWD" && exec env -i "${KC_ENV[@]}" "${KC_CMD[@]}") >>"$WORK/keycloak-restarted.log" 2>&1 &
  KEYCLOAK_JAVA_PID=$!
  for ((i = 0; i < 480; i++)); do
    curl -sf "$OIDC_URL/.well-known/openid-configuration" >/dev/null && return 0
    sleep 0.5
  done
  echo "Keycloak did not come back within 240 s" >&2
}

# RSS (kB) of each process of the suite, "name=kB" separated by spaces. PostgreSQL: the PSS of the postmaster and its
# backends (shared buffers count once, shared among the processes touching them; the sum of their RSS counts them once
# per backend and grew ~250 MB per 10 minutes in a 30-minute soak whose PSS stayed below 180 MB).
suite_rss() {
  local pg=0 pid
  for pid in "$POSTMASTER_PID" $(pgrep -P "$POSTMASTER_PID"); do
    pg=$((pg + $(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)))
  done
  printf 'gateway=%s notice=%s volunteer=%s postgres=%s keycloak=%s\n' \
    "$(awk '/^VmRSS:/ { print $2 }' "/proc/$GATEWAY_PID/status" 2>/dev/null || echo 0)" \
    "$(awk '/^VmRSS:/ { print $2 }' "/proc/$NOTICE_PID/status" 2>/dev/null || echo 0)" \
    "$(awk '/^VmRSS:/ { print $2 }' "/proc/$VOLUNTEER_PID/status" 2>/dev/null || echo 0)" "$pg" \
    "$(awk '/^VmRSS:/ { print $2 }' "/proc/$KEYCLOAK_JAVA_PID/status" 2>/dev/null || echo 0)"
}

# Stops what start_suite started (and what the faults started again), the gateway first.
stop_suite() {
  local pid
  for pid in "${GATEWAY_PID:-}" "${PROXY_PID:-}" "${VOLUNTEER_PID:-}" "${NOTICE_PID:-}"; do
    [[ -n "$pid" ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  # a Keycloak started again is no longer the wrapper's child: stopped here
  if [[ -n "${KEYCLOAK_JAVA_PID:-}" ]] && ! pgrep -P "${KEYCLOAK_PID:-0}" >/dev/null 2>&1; then
    kill "$KEYCLOAK_JAVA_PID" 2>/dev/null || true
  fi
  # a PostgreSQL restarted by pg_ctl is no longer the wrapper's child either
  if [[ -n "${POSTMASTER_PID:-}" ]] && kill -0 "$POSTMASTER_PID" 2>/dev/null \
      && [[ "$(awk '{ print $4 }' "/proc/$POSTMASTER_PID/stat")" != "${DB_JAVA_PID:-}" ]]; then
    kill -INT "$POSTMASTER_PID" 2>/dev/null || true
  fi
}
