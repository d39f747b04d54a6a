#!/usr/bin/env bash
# Soak: SOAK_MINUTES (default 30) of the fault suite's mixed load through the gateway (look-ups, sign-ups, swaps,
# imports; no faults), printing per minute the resident memory (VmRSS from /proc) of every process of the suite and
# the p50/p99 of that minute's look-ups; at the end a verdict on growth beyond warm-up: the least-squares slope of each
# process's RSS over the last half of the run (at least the last 10 minutes of a 30-minute run), in MB per 10 minutes.
# A benchmark script, not a test: it asserts nothing. See README.md beside it.
#
# Environment (all optional):
#   BENCH_SKIP_BUILD=1   reuse the jars of an earlier build
#   SOAK_MINUTES=30      length of the soak (SOAK_MINUTES=2 for a smoke run)
#   SOAK_GROWTH_MB=20    a process growing faster than this many MB per 10 minutes after warm-up is reported GROWING
#   FAULT_WORKERS=6      concurrent clients
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$ROOT/target/soak"
MINUTES="${SOAK_MINUTES:-30}"
GROWTH_MB="${SOAK_GROWTH_MB:-20}"
source "$HERE/../lib.sh"
source "$HERE/../faults/suite.sh"

prepare_run
start_suite
python3 "$HERE/../faults/faults.py" seed "$WORK" >&2

printf '%-6s %-10s %-10s %-10s %-10s %-10s %-10s %-9s %-9s %s\n' minute gateway notice volunteer postgres keycloak \
  lookups p50-ms p99-ms load-avg
for ((m = 1; m <= MINUTES; m++)); do
  line="$(python3 "$HERE/../faults/faults.py" load "$WORK" "minute-$m" 60)"
  read -r lookups p50 p99 < <(awk '{ gsub(",", ""); print $3, $6, $9 }' <<<"$line")
  rss="$(suite_rss)"
  echo "$m $rss $lookups $p50 $p99" >>"$WORK/minutes.txt"
  awk -v m="$m" -v l="$lookups" -v a="$p50" -v b="$p99" -v la="$(cut -d' ' -f1 /proc/loadavg)" '{
      for (i = 1; i <= NF; i++) { split($i, kv, "="); mb[i] = kv[2] / 1024 }
      printf "%-6s %-10.0f %-10.0f %-10.0f %-10.0f %-10.0f %-10s %-9s %-9s %s\n", m, mb[1], mb[2], mb[3], mb[4], mb[5], l, a, b, la
    }' <<<"$rss"
done

echo
echo "RSS in MB; growth after warm-up = least-squares slope over the last half of the minutes (MB per 10 minutes)"
awk -v n="$MINUTES" -v limit="$GROWTH_MB" '
  { minute[NR] = $1; for (i = 2; i <= 6; i++) { split($i, kv, "="); name[i] = kv[1]; rss[NR, i] = kv[2] / 1024 } }
  END {
    from = int(NR / 2) + 1; if (NR - from + 1 < 2) from = 1
    verdict = "no growth beyond warm-up"
    for (i = 2; i <= 6; i++) {
      sx = sy = sxx = sxy = 0; k = 0
      for (r = from; r <= NR; r++) { x = minute[r]; y = rss[r, i]; sx += x; sy += y; sxx += x * x; sxy += x * y; k++ }
      slope = (k * sxx - sx * sx) ? (k * sxy - sx * sy) / (k * sxx - sx * sx) * 10 : 0
      state = slope > limit ? "GROWING" : "flat"
      if (slope > limit) verdict = "GROWTH beyond warm-up"
      printf "  %-10s minutes %d-%d: %+.1f MB per 10 min (%s)\n", name[i], minute[from], minute[NR], slope, state
    }
    print "verdict: " verdict (NR < 20 ? " (a short run: warm-up is not over, the slope says little)" : "")
  }' "$WORK/minutes.txt"
