#!/usr/bin/env bash
# Field response on the running suite (./run-suite): how long from publishing a notice to the community's response
# being set up (and, for a lowering notice, closed), and the feed's lag as volunteer-service measures it.
# Prints figures; asserts nothing. It WRITES to the demo data (imports and publishes notices): a throw-away suite.
#
#   benchmarks/field-response/run.sh          # gateway :8080, volunteer-service :8082, Keycloak :8180
#   ROUNDS=10 benchmarks/field-response/run.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
command -v python3 >/dev/null || { echo "needs python3" >&2; exit 1; }
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
exec python3 "$HERE/field_response.py" "$ROOT"
