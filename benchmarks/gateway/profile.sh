#!/usr/bin/env bash
# Summarises a JFR recording of the gateway under load (run.sh with GATEWAY_JFR=1 writes one per phase): GC pauses,
# allocation by site and class, hot methods, monitor contention, and Vert.x blocked-thread warnings from the log.
# usage: benchmarks/gateway/profile.sh RECORDING.jfr [GATEWAY_LOG]
# The views need the jfr tool of JDK 21+ (JFR_TOOL, default the workplace's JDK 25); they read JDK 17 recordings.
set -euo pipefail
JFR_TOOL=${JFR_TOOL:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr}
rec=$1
"$JFR_TOOL" summary "$rec" | sed -n '1,12p'
for view in gc-pauses gc allocation-by-site allocation-by-class hot-methods contention-by-site; do
  echo; "$JFR_TOOL" view --width 160 "$view" "$rec" | head -30
done
if [[ -n ${2:-} ]]; then
  echo; echo "Vert.x blocked-thread warnings in $2: $(grep -c 'has been blocked for' "$2" || true)"
fi
