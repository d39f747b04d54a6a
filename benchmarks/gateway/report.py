#!/usr/bin/env python3
"""Prints the benchmark's table from run.sh's results.tsv (phase, target, round, wrk figures, load), medians of the
rounds, and how ours compares with each peer.

usage: report.py RESULTS_TSV "TARGETS" "target=name<TAB>target=name..."
"""
import statistics
import sys

rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
order = sys.argv[2].split()
names = dict(x.split("=", 1) for x in sys.argv[3].split("\t") if "=" in x)
res, phases = {}, []
for phase, target, _round, figures, load in rows:
    if phase not in phases:
        phases.append(phase)
    d = dict(x.split("=") for x in figures.split())
    res.setdefault((phase, target), []).append({
        "rps": float(d["rps"]), "p50": int(d["p50_us"]) / 1000, "p99": int(d["p99_us"]) / 1000,
        "bad": int(d["bad"]) + int(d["socket_errors"]), "load": float(load.split()[0]),
        "gw": float(d.get("gw_cpu_ms", 0)), "sub": float(d.get("sub_cpu_ms", 0))})
med = statistics.median


def ms(x):
    return f"{x:.2f}" if x < 10 else f"{x:.1f}"


print()
print("| query@connections | target | requests/s | p50 ms | p99 ms | CPU ms/request: gateway | subgraphs "
      "| rounds: requests/s | bad answers | load (1 min) |")
print("|---|---|---:|---:|---:|---:|---:|---|---:|---|")
summary = {}
for phase in phases:
    for t in order:
        if (phase, t) not in res:
            if t != "direct" or phase.startswith("single"):
                print(f"| {phase} | {names.get(t, t)} | not measured | | | | | | | |")
            continue
        v = res[(phase, t)]
        s = {k: med([x[k] for x in v]) for k in ("rps", "p50", "p99", "gw", "sub")}
        summary[(phase, t)] = s
        loads = [x["load"] for x in v]
        if not s["rps"]:
            print(f"| {phase} | {names.get(t, t)} | 0: no answer within the run | | | | | | | "
                  f"{min(x['load'] for x in v):.1f} |")
            continue
        gw = "(itself)" if t == "direct" else f"{s['gw']:.3f}"
        rounds = " / ".join(f"{x['rps']:.1f}" for x in v)
        print(f"| {phase} | {names.get(t, t)} | {s['rps']:.1f} | {ms(s['p50'])} | {ms(s['p99'])} | {gw} "
              f"| {s['sub']:.3f} | {rounds} | {sum(x['bad'] for x in v)} "
              f"| {min(loads):.1f}–{max(loads):.1f} |")
print("\n(medians of the rounds; CPU: utime+stime of the target's processes and of both subgraphs over the run, "
      "÷ requests; bad answers: non-200, an `errors` key, or for deep/single another length than the verified answer)\n")
for phase in phases:
    ours = summary.get((phase, "ours"))
    if not ours:
        continue
    for t in order:
        if t in ("ours", "direct") or (phase, t) not in summary:
            continue
        o = summary[(phase, t)]
        if not o["rps"] or not ours["rps"]:
            print(f"{phase}: ours / {names.get(t, t)}: one of them answered nothing within the run")
            continue
        print(f"{phase}: ours / {names.get(t, t)}: requests/s {ours['rps'] / o['rps']:.2f}, "
              f"p99 {ours['p99']:.1f} vs {o['p99']:.1f} ms, gateway CPU/request {ours['gw']:.3f} vs {o['gw']:.3f} ms")
    if (phase, "direct") in summary:
        print(f"{phase}: p50 overhead of our gateway over the direct call = "
              f"{ours['p50'] - summary[(phase, 'direct')]['p50']:.2f} ms   (goal <= 1 ms at one connection)")
