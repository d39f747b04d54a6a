#!/usr/bin/env python3
"""Aggregates a JFR recording of our gateway: CPU samples and allocation (weight) by top frame and by the first frame
in our own code (org.epicontrol), so that JDK/library frames are charged to the gateway code that called them.

usage: jfr-top.py RECORDING.jfr [N [REQUESTS]]   (N rows per table, default 25; REQUESTS: the requests the recording
                                                 covers, e.g. the sum of the target's measured rounds: per-request bytes)
Needs the JDK's `jfr` tool (JFR env var, else the one beside `java`).
"""
import collections
import json
import os
import shutil
import subprocess
import sys

rec = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 25
requests = int(sys.argv[3]) if len(sys.argv) > 3 else 0
jfr = os.environ.get("JFR") or os.path.join(os.path.dirname(os.path.realpath(shutil.which("java"))), "jfr")
out = subprocess.run([jfr, "print", "--json", "--stack-depth", "64", "--events",
                      "jdk.ExecutionSample,jdk.ObjectAllocationSample", rec], capture_output=True, check=True).stdout
events = json.loads(out)["recording"]["events"]


def name(f):
    m = f["method"]
    return m["type"]["name"].replace("/", ".") + "." + m["name"]


def mine(m):
    return m.startswith("org.epicontrol.") and "$$Lambda" not in m


def ours(frames):
    for f in frames:
        if mine(name(f)):
            return name(f)
    return "(no gateway frame)"


cpu_top, cpu_ours, alloc_top, alloc_ours, alloc_class = (collections.Counter() for _ in range(5))
samples = 0
total = 0
for e in events:
    st = e["values"].get("stackTrace") or {}
    frames = st.get("frames") or []
    if not frames:
        continue
    if e["type"] == "jdk.ExecutionSample":
        samples += 1
        cpu_top[name(frames[0])] += 1
        # every distinct gateway method on the stack (inclusive time)
        for m in {name(f) for f in frames if mine(name(f))}:
            cpu_ours[m] += 1
    else:
        w = e["values"].get("weight") or 0
        total += w
        alloc_top[name(frames[0])] += w
        alloc_ours[ours(frames)] += w
        alloc_class[e["values"]["objectClass"]["name"]] += w


def table(title, counter, denom, unit):
    print(f"\n{title}")
    for k, v in counter.most_common(n):
        print(f"  {100.0 * v / max(denom, 1):6.2f}%  {k}" + (f"  ({v / 1e6:.1f} MB)" if unit == "bytes" else ""))


print(f"{rec}: {samples} CPU samples, {total / 1e6:.1f} MB allocation sampled (weights)"
      + (f", {total / requests / 1e3:.0f} KB per request over {requests} requests" if requests else ""))
table("CPU by top frame", cpu_top, samples, "samples")
table("CPU inclusive, gateway methods on the stack", cpu_ours, samples, "samples")
table("allocation by top frame", alloc_top, total, "bytes")
table("allocation by the first gateway frame", alloc_ours, total, "bytes")
table("allocation by class", alloc_class, total, "bytes")
