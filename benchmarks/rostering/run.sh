#!/usr/bin/env bash
# Auto-rostering (issue 16): one community week (12 posts × 2×12 h × headcount 2 × 7 days = 336 places, 150
# volunteers with availability) solved by Timefold in-process against a greedy first-fit baseline, then a street of 10
# such communities solved as 10 independent problems at once. Prints figures; asserts nothing. No database, no
# services: the solver and its constraints alone (volunteer-service's test-scope RosteringBenchmark, which
# `./mvnw verify` leaves out: its name matches no test pattern).
#
#   benchmarks/rostering/run.sh                    # 30 s budget per solve, stop after 5 s without improvement (the service default)
#   SECONDS_PER_SOLVE=60 UNIMPROVED=20 benchmarks/rostering/run.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the build"
cd "$ROOT"
./mvnw -B -ntp verify -pl volunteer-service -am -Dtest=RosteringBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DskipITs \
  -Dbench.seconds="${SECONDS_PER_SOLVE:-30}" -Dbench.unimproved="${UNIMPROVED:-5}" -Dbench.threshold="${THRESHOLD:-0hard/0medium/1000soft}" -Dquarkus.build.skip=true \
  | sed -n -e '/^machine:/p' -e '/^greedy\|^timefold\|^street/p' -e '/Tests run:.*RosteringBenchmark/p' -e '/BUILD/p'
