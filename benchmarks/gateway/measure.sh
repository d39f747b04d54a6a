# Measurement helpers of run.sh and jvm-options.sh: sourced, never run. They expect WORK, HERE, THREADS,
# BENCH_TOKEN, SUBGRAPH_PIDS and the arrays URL and PID (by target), and log and load from the caller.

# CPU time (utime+stime, clock ticks) of processes and all their descendants (Hive Gateway's workers), from /proc
tree_pids() { local p; for p in "$@"; do echo "$p"; tree_pids $(pgrep -P "$p" || true); done; }
cpu_ticks() {
  local total=0 p t
  for p in $(tree_pids "$@"); do
    t=$(sed 's/^.*) //' "/proc/$p/stat" 2>/dev/null | awk '{print $12 + $13}') || continue
    total=$((total + ${t:-0}))
  done
  echo "$total"
}
port_pid() { ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
CLK_TCK=$(getconf CLK_TCK)

wrk_run() { # query target connections duration outfile
  local threads=$THREADS; (( threads > $3 )) && threads=$3
  if [[ $1 == mixed ]]; then
    BODIES_FILE="$WORK/mixed.jsonl" BENCH_TOKEN="$BENCH_TOKEN" \
      wrk -t"$threads" -c"$3" -d"$4" --timeout 30s --latency -s "$HERE/post.lua" "${URL[$2]}" > "$5"
  else
    BODY_FILE="$WORK/$1.json" BENCH_TOKEN="$BENCH_TOKEN" EXPECT_BYTES=$(wc -c < "$WORK/$1.$2.out") \
      wrk -t"$threads" -c"$3" -d"$4" --timeout 30s --latency -s "$HERE/post.lua" "${URL[$2]}" > "$5"
  fi
}

# One measured run: wrk, and the CPU ticks of the target's processes and of both subgraphs around it; a line of
# results.tsv (phase, target, round, figures, load before).
measure_round() { # query target connections duration round label
  local q=$1 t=$2 c=$3 before gw0 sub0 gw1 sub1 line requests cpu out="$WORK/wrk.$1.$3.$2.$5.txt"
  before=$(load)
  # shellcheck disable=SC2086
  gw0=$(cpu_ticks ${PID[$t]}); sub0=$(cpu_ticks $SUBGRAPH_PIDS)
  wrk_run "$q" "$t" "$c" "$4" "$out"
  # shellcheck disable=SC2086
  gw1=$(cpu_ticks ${PID[$t]}); sub1=$(cpu_ticks $SUBGRAPH_PIDS)
  line=$(grep '^BENCH' "$out")
  requests=$(sed 's/.*requests=\([0-9]*\).*/\1/' <<< "$line")
  cpu=$(awk -v g=$((gw1 - gw0)) -v s=$((sub1 - sub0)) -v n="$requests" -v hz="$CLK_TCK" \
    'BEGIN { printf "gw_cpu_ms=%.3f sub_cpu_ms=%.3f", n ? g * 1000 / hz / n : 0, n ? s * 1000 / hz / n : 0 }')
  log "$q@$c → $6, round $5 ($4, load $before): ${line#BENCH } $cpu"
  printf '%s\t%s\t%s\t%s\t%s\n' "$q@$c" "$t" "$5" "${line#BENCH } $cpu" "$before" >> "$WORK/results.tsv"
}
